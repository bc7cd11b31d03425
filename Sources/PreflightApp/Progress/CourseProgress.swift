import PreflightCore

/// The course seen through a learner's progress: each lesson's status and place, per-section
/// and course-wide completion, and where to continue. Progress for lessons that no longer exist
/// is kept in the store but never shown as current.
public struct CourseProgress: Sendable {
    public let course: CourseOutline
    public private(set) var records: [String: LessonRecord]
    /// The lesson and part the learner was last reading.
    public private(set) var place: ReadingSpot?

    public init(course: CourseOutline, records: [String: LessonRecord], place: ReadingSpot? = nil) {
        self.course = course
        self.records = records
        self.place = place
    }

    public func status(_ lesson: LessonSummary) -> LessonStatus {
        records[lesson.id]?.status ?? .notStarted
    }

    public func status(id: String) -> LessonStatus {
        records[id]?.status ?? .notStarted
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

    /// Where the course reopens: the lesson the learner was last reading, whatever its status
    /// (they may have marked it done and read on); for a record kept before places were, the
    /// lesson in progress touched last; otherwise the next lesson to do.
    public var resumeLesson: LessonSummary? {
        if let place, let lesson = course.lesson(id: place.lessonID) { return lesson }
        let inProgress = course.lessons.filter { status($0) == .inProgress }
        return inProgress.max { (records[$0.id]?.updatedAt ?? 0) < (records[$1.id]?.updatedAt ?? 0) } ?? nextLesson
    }

    /// The part `resumeLesson` reopens at: exactly where the learner was.
    public var resumePart: Int {
        guard let lesson = resumeLesson else { return 0 }
        if let place, place.lessonID == lesson.id { return clamp(place.part, in: lesson) }
        return part(of: lesson)
    }

    /// Where a lesson opens when the learner picks it (`learn LESSON`, the lesson list): the part
    /// they were reading in it. A done lesson left at its last part opens at the start, to be
    /// read again; a lesson never opened, at its first part.
    public func part(of lesson: LessonSummary) -> Int {
        guard let record = records[lesson.id] else { return 0 }
        let part = clamp(record.part, in: lesson)
        return record.status == .done && part == lesson.partCount - 1 ? 0 : part
    }

    private func clamp(_ part: Int, in lesson: LessonSummary) -> Int { max(0, min(part, lesson.partCount - 1)) }

    /// The learner is reading `part` of the lesson: a lesson not started is now in progress.
    public mutating func read(_ lessonID: String, part: Int, at time: Double) {
        var record = records[lessonID] ?? LessonRecord(status: .inProgress, part: part, updatedAt: time)
        if record.status == .notStarted { record.status = .inProgress }
        record.part = part
        record.updatedAt = time
        records[lessonID] = record
        place = ReadingSpot(lessonID: lessonID, part: part)
    }

    public mutating func markDone(_ lessonID: String, at time: Double) {
        var record = records[lessonID] ?? LessonRecord(status: .done, part: 0, updatedAt: time)
        record.status = .done
        record.updatedAt = time
        records[lessonID] = record
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

    /// The same bar in ASCII, for plain mode and screen readers: `[####------]`.
    public static func plainBar(done: Int, total: Int, width: Int = 10) -> String {
        let filled = total > 0 ? done * width / total : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }
}

/// A lesson and one of its parts.
public struct ReadingSpot: Sendable, Hashable {
    public var lessonID: String
    public var part: Int

    public init(lessonID: String, part: Int) {
        self.lessonID = lessonID
        self.part = part
    }
}

/// The rule that completes a lesson: its last part reached and every example run.
public enum LessonCompletion {
    public static func isEarned(_ lesson: Lesson, part: Int, examplesRun: Set<Int>) -> Bool {
        part == lesson.sections.count - 1 && Set(lesson.examples.map(\.index)).isSubset(of: examplesRun)
    }
}
