/// Where a learner is in one lesson.
public struct LessonProgress: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case done
    }

    public var lessonID: String
    public var status: Status
    /// The section the learner was reading, 0-based.
    public var position: Int
    /// The furthest section reached.
    public var furthest: Int
    public var startedAt: Double
    public var updatedAt: Double
    public var completedAt: Double?

    public init(lessonID: String, status: Status, position: Int, furthest: Int, startedAt: Double, updatedAt: Double, completedAt: Double?) {
        self.lessonID = lessonID
        self.status = status
        self.position = position
        self.furthest = furthest
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
    }
}
