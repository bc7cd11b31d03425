import Foundation
import GRDB

/// A lesson's old id and its id now, from the lesson's `former_ids`.
public struct LessonRename: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// What a carry-over moved, for tests and for telling the learner.
public struct CarriedOver: Sendable, Hashable {
    public var lessons = 0
    public var exampleRuns = 0
    public var quizAnswers = 0
    public var cards = 0
    public var reviews = 0

    public init(lessons: Int = 0, exampleRuns: Int = 0, quizAnswers: Int = 0, cards: Int = 0, reviews: Int = 0) {
        self.lessons = lessons
        self.exampleRuns = exampleRuns
        self.quizAnswers = quizAnswers
        self.cards = cards
        self.reviews = reviews
    }

    public var isEmpty: Bool { self == CarriedOver() }
}

/// What a read-only look at a progress database finds, for lint: the lessons the course had when
/// the database last opened it, and the lesson ids anything is stored under.
public struct StoredLessons: Sendable, Hashable {
    /// Lesson id → its file, relative to the course folder.
    public var index: [String: String]
    /// Lesson ids with a place, example runs, quiz answers or flashcards stored under them.
    public var withProgress: Set<String>
}

extension ProgressStore {
    static func registerLessonIndexMigration(_ migrator: inout DatabaseMigrator) {
        // The lessons as the course had them when this database last opened it, so that lint can
        // tell a renamed lesson (same file, new id) from a new one.
        migrator.registerMigration("v4-lesson-index") { db in
            try db.create(table: "course_lesson") { t in
                t.primaryKey("lesson_id", .text)
                t.column("file", .text).notNull()
            }
            try db.create(index: "review_card_lesson", on: "review_card", columns: ["lesson_id"])
        }
    }

    /// Carries everything stored under each former id over to the lesson's id, and, when given,
    /// records the course's lessons (id → file): one transaction, written only when something
    /// changes, so opening a course whose renames were carried over already writes nothing.
    ///
    /// A lesson's place is merged when the learner has one under both ids (done wins, the
    /// furthest part, the earliest start, the latest place); a flashcard kept under both ids
    /// keeps the one reviewed last. Question and card ids start with the lesson id, so they move
    /// with it, and a quiz attempt's set key is recomputed from its moved question ids.
    /// - Parameter setKey: the quiz plan's key for a set of question ids.
    @discardableResult
    public func syncCourse(renames: [LessonRename], lessons: [String: String]?, setKey: @escaping @Sendable ([String]) -> String) throws -> CarriedOver {
        let pending = try pool.read { db -> (renames: [LessonRename], index: Bool) in
            var due: [LessonRename] = []
            for rename in renames where rename.from != rename.to {
                for (table, column) in [("lesson_progress", "lesson_id"), ("example_run", "lesson_id"), ("quiz_attempt", "lesson_id"), ("review_card", "lesson_id")] {
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(column) = ?)", arguments: [rename.from]) == true {
                        due.append(rename)
                        break
                    }
                }
            }
            var indexChanged = false
            if let lessons {
                let stored = try Row.fetchAll(db, sql: "SELECT lesson_id, file FROM course_lesson")
                indexChanged = Dictionary(uniqueKeysWithValues: stored.map { ($0["lesson_id"] as String, $0["file"] as String) }) != lessons
            }
            return (due, indexChanged)
        }
        guard !pending.renames.isEmpty || pending.index else { return CarriedOver() }
        return try pool.write { db in
            var moved = CarriedOver()
            for rename in pending.renames { try carry(rename, in: db, setKey: setKey, moved: &moved) }
            if pending.index, let lessons {
                try db.execute(sql: "DELETE FROM course_lesson")
                for (id, file) in lessons.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT INTO course_lesson (lesson_id, file) VALUES (?, ?)", arguments: [id, file])
                }
            }
            return moved
        }
    }

    private func carry(_ rename: LessonRename, in db: Database, setKey: ([String]) -> String, moved: inout CarriedOver) throws {
        let (from, to) = (rename.from, rename.to)
        // The lesson's place.
        if let old = try Row.fetchOne(db, sql: "SELECT * FROM lesson_progress WHERE lesson_id = ?", arguments: [from]) {
            if let new = try Row.fetchOne(db, sql: "SELECT * FROM lesson_progress WHERE lesson_id = ?", arguments: [to]) {
                let latest = (old["updated_at"] as Double) > (new["updated_at"] as Double) ? old : new
                let completed = [old["completed_at"] as Double?, new["completed_at"] as Double?].compactMap { $0 }.min()
                try db.execute(sql: """
                    UPDATE lesson_progress SET status = ?, position = ?, furthest = ?, started_at = ?, updated_at = ?, completed_at = ?
                    WHERE lesson_id = ?
                    """, arguments: [
                        (old["status"] as String) == "done" || (new["status"] as String) == "done" ? "done" : latest["status"] as String,
                        latest["position"] as Int, max(old["furthest"] as Int, new["furthest"] as Int),
                        min(old["started_at"] as Double, new["started_at"] as Double), max(old["updated_at"] as Double, new["updated_at"] as Double),
                        completed, to])
                try db.execute(sql: "DELETE FROM lesson_progress WHERE lesson_id = ?", arguments: [from])
            } else {
                try db.execute(sql: "UPDATE lesson_progress SET lesson_id = ? WHERE lesson_id = ?", arguments: [to, from])
            }
            moved.lessons += 1
        }
        try db.execute(sql: "UPDATE example_run SET lesson_id = ? WHERE lesson_id = ?", arguments: [to, from])
        moved.exampleRuns += db.changesCount
        // Where the learner was last reading, so the course reopens in the renamed lesson.
        try db.execute(sql: "UPDATE reading_place SET lesson_id = ? WHERE lesson_id = ?", arguments: [to, from])

        // Quiz answers: the lesson, the question ids under it, and the set keys of the attempts
        // they belong to.
        let prefix = from + "/"
        let sessions = try String.fetchAll(db, sql: "SELECT DISTINCT session_id FROM quiz_attempt WHERE lesson_id = ?", arguments: [from])
        try db.execute(sql: """
            UPDATE quiz_attempt SET lesson_id = ?,
                question_id = CASE WHEN substr(question_id, 1, ?) = ? THEN ? || substr(question_id, ?) ELSE question_id END
            WHERE lesson_id = ?
            """, arguments: [to, prefix.count, prefix, to + "/", prefix.count + 1, from])
        moved.quizAnswers += db.changesCount
        for session in sessions {
            let ids = try String.fetchAll(db, sql: "SELECT question_id FROM quiz_attempt WHERE session_id = ?", arguments: [session])
            try db.execute(sql: "UPDATE quiz_attempt SET set_key = ? WHERE session_id = ?", arguments: [setKey(ids), session])
        }

        // Flashcards and their review log.
        let cards = try Row.fetchAll(db, sql: "SELECT question_id, last_review FROM review_card WHERE lesson_id = ?", arguments: [from])
        for card in cards {
            let oldID: String = card["question_id"]
            let newID = oldID.hasPrefix(prefix) ? to + "/" + oldID.dropFirst(prefix.count) : oldID
            if let existing = try Row.fetchOne(db, sql: "SELECT last_review FROM review_card WHERE question_id = ?", arguments: [newID]), newID != oldID {
                // Reviewed under both ids: the later review's schedule is the learner's.
                if ((existing["last_review"] as Double?) ?? 0) >= ((card["last_review"] as Double?) ?? 0) {
                    try db.execute(sql: "DELETE FROM review_card WHERE question_id = ?", arguments: [oldID])
                } else {
                    try db.execute(sql: "DELETE FROM review_card WHERE question_id = ?", arguments: [newID])
                    try db.execute(sql: "UPDATE review_card SET question_id = ?, lesson_id = ? WHERE question_id = ?", arguments: [newID, to, oldID])
                }
            } else {
                try db.execute(sql: "UPDATE review_card SET question_id = ?, lesson_id = ? WHERE question_id = ?", arguments: [newID, to, oldID])
            }
            moved.cards += 1
            try db.execute(sql: "UPDATE review_log SET question_id = ? WHERE question_id = ?", arguments: [newID, oldID])
            moved.reviews += db.changesCount
        }
    }

    /// A look at a progress database that changes nothing, creates nothing and migrates nothing:
    /// nil when there is no such file or it cannot be read as one.
    public static func storedLessons(at url: URL) -> StoredLessons? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: url.path, configuration: configuration) else { return nil }
        return try? queue.read { db in
            var index: [String: String] = [:]
            if try db.tableExists("course_lesson") {
                for row in try Row.fetchAll(db, sql: "SELECT lesson_id, file FROM course_lesson") { index[row["lesson_id"]] = row["file"] }
            }
            var withProgress: Set<String> = []
            for table in ["lesson_progress", "example_run", "quiz_attempt", "review_card"] where try db.tableExists(table) {
                withProgress.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT lesson_id FROM \(table)"))
            }
            return StoredLessons(index: index, withProgress: withProgress)
        }
    }
}
