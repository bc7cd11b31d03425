import PreflightCore
import PreflightStore

/// The course seen through a learner's progress: each lesson's status, per-section and
/// course-wide completion, and where to continue. Progress for lessons that no longer exist is
/// kept in the store but never shown as current.
public struct CourseProgress: Sendable {
    public let course: CourseOutline
    public let records: [String: LessonProgress]

    public init(course: CourseOutline, records: [String: LessonProgress]) {
        self.course = course
        self.records = records
    }

    public func status(_ lesson: LessonSummary) -> LessonProgress.Status {
        records[lesson.id]?.status ?? .notStarted
    }

    public var doneCount: Int { course.lessons.filter { status($0) == .done }.count }

    public var percent: Int {
        course.lessons.isEmpty ? 0 : doneCount * 100 / course.lessons.count
    }

    public func sectionCounts(_ sectionID: String) -> (done: Int, total: Int) {
        let lessons = course.lessons(inSection: sectionID)
        return (lessons.filter { status($0) == .done }.count, lessons.count)
    }

    /// The first lesson not done, in course order, whose `requires` are all done; failing that,
    /// the first lesson not done at all; nil when the course is complete.
    public var nextLesson: LessonSummary? {
        let open = course.lessons.filter { status($0) != .done }
        let ready = open.first { lesson in lesson.requires.allSatisfy { id in course.lesson(id: id).map { status($0) == .done } ?? true } }
        return ready ?? open.first
    }

    /// A lesson the learner was in the middle of, preferred over starting a new one.
    public var resumeLesson: LessonSummary? {
        let inProgress = course.lessons.filter { status($0) == .inProgress }
        return inProgress.max { (records[$0.id]?.updatedAt ?? 0) < (records[$1.id]?.updatedAt ?? 0) } ?? nextLesson
    }

    /// Ids with recorded progress that the course no longer has.
    public var orphanedIDs: [String] {
        records.keys.filter { course.lesson(id: $0) == nil }.sorted()
    }

    public static func bar(done: Int, total: Int, width: Int = 20) -> String {
        guard total > 0 else { return String(repeating: "░", count: width) }
        let filled = done * width / total
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
