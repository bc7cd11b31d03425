import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore
import Synchronization

/// Where a learner is in a lesson.
public enum LessonStatus: String, Sendable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done
}

public struct LessonRecord: Sendable, Hashable {
    public var status: LessonStatus
    /// The part of the lesson the learner was reading, 0-based.
    public var part: Int
    public var updatedAt: Double
}

/// The learner's record of one course: the progress database, opened once per command. Every
/// write is one transaction, and a write that fails is reported, never dropped.
///
/// When the learner has connected a Learning Record Store (`preflight lrs connect`), every write
/// also queues the xAPI statements of what it records, in the same transaction, so a record is
/// in the outbox exactly when the progress it describes is saved. Without a connection nothing
/// is queued: a statement names its learner and its id derives from them, so there is nothing
/// honest to keep for an LRS that has not been named, and a learner who never connects does not
/// grow a table forever.
public final class ProgressBook: Sendable {
    public let course: CourseOutline
    let store: ProgressStore
    /// Builds the statements to queue; nil when no LRS is connected.
    public let recorder: StatementBuilder?
    /// Lessons opened in this sitting: `experienced` is recorded once per lesson per sitting,
    /// not at every page turn.
    private let opened = Mutex<Set<String>>([])

    /// Opens (or creates) the database `--state`, `PREFLIGHT_STATE` or the XDG state folder names,
    /// and carries over what is stored under the former ids of renamed lessons.
    /// - Parameter recordsLessons: remember the course's lessons (id and file) as seen now, so a
    ///   later `lint` can tell a lesson renamed without `former_ids`. `check` passes false: it is
    ///   the author's command, run between an edit and the lint that should see the edit.
    public static func open(_ opened: OpenedCourse, recordsLessons: Bool = true) throws -> ProgressBook {
        let recorder = try LearningRecords.builder(for: opened.outline, environment: opened.address.environment)
        let book: ProgressBook
        do {
            book = ProgressBook(course: opened.outline, store: try ProgressStore(url: location(of: opened)), recorder: recorder)
        } catch {
            throw AppError(.data, "\(error)")
        }
        let renames = opened.outline.lessons.flatMap { lesson in lesson.formerIDs.map { LessonRename(from: $0, to: lesson.id) } }
        let index = recordsLessons ? LessonIndex.files(of: opened.outline, paths: opened.address.paths) : nil
        _ = try book.access("carry over the progress of renamed lessons") {
            try book.store.syncCourse(renames: renames, lessons: index, setKey: QuizPlan.setKey(for:))
        }
        return book
    }

    /// Where the course's progress database is (whether or not it exists).
    public static func location(of opened: OpenedCourse) -> URL {
        StoreLocation.resolve(courseID: opened.outline.config.id, explicit: opened.address.state, environment: opened.address.environment)
    }

    init(course: CourseOutline, store: ProgressStore, recorder: StatementBuilder? = nil) {
        self.course = course
        self.store = store
        self.recorder = recorder
    }

    public var location: URL { store.url }

    /// Runs one read or write of the store, turning its failure into a message that says what
    /// could not be read or saved, and where.
    func access<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw AppError(.data, "\(store.url.path): could not \(what): \(error)")
        }
    }

    public func lessons() throws -> [String: LessonRecord] {
        try access("read your progress") {
            try store.allLessonProgress().mapValues { record in
                LessonRecord(status: LessonStatus(rawValue: record.status.rawValue) ?? .inProgress, part: record.position, updatedAt: record.updatedAt)
            }
        }
    }

    public func courseProgress() throws -> CourseProgress {
        let place = try access("read where you were") { try store.readingPlace() }
        return CourseProgress(course: course, records: try lessons(), place: place.map { ReadingSpot(lessonID: $0.lessonID, part: $0.position) })
    }

    /// Saves the part of the lesson the learner is reading, and that this is where they are.
    public func recordPosition(lessonID: String, part: Int) throws {
        let first = recorder != nil && opened.withLock { $0.insert(lessonID).inserted }
        let statements = first ? [recorder!.lessonOpened(lessonID, at: Date())] : []
        do {
            try access("save your place") { try store.recordPosition(lessonID: lessonID, position: part, statements: statements) }
        } catch {
            // Not saved, so not opened as far as the record goes: the next save tries again.
            if first { _ = opened.withLock { $0.remove(lessonID) } }
            throw error
        }
    }

    public func markDone(lessonID: String) throws {
        let statements = recorder.map { [$0.lessonCompleted(lessonID, at: Date())] } ?? []
        try access("save that the lesson is done") { try store.markCompleted(lessonID: lessonID, statementsIfNew: statements) }
    }

    /// - Parameter verdict: how the run went (`passed`, `mismatch`, `timeout`…), for the record.
    public func recordExampleRun(lessonID: String, index: Int, passed: Bool, verdict: String? = nil) throws {
        let statements = recorder.map { [$0.exampleRun(lessonID: lessonID, index: index, passed: passed, verdict: verdict ?? (passed ? "passed" : "failed"), at: Date())] } ?? []
        try access("save the example's run") {
            try store.recordExampleRun(lessonID: lessonID, exampleIndex: index, passed: passed, statements: statements)
        }
    }

    public func examplesRun(lessonID: String) throws -> Set<Int> {
        try access("read which examples you ran") { try store.examplesRun(lessonID: lessonID) }
    }

    /// Erases one lesson's progress (place, example runs, quiz attempts), or everything.
    public func reset(lessonID: String?) throws {
        try access("erase the progress") { try store.reset(lessonID: lessonID) }
    }
}
