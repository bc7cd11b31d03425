import Foundation
import GRDB

/// A flashcard's scheduling state, as the FSRS scheduler keeps it.
public struct ReviewCardRecord: Sendable, Hashable {
    public var questionID: String
    public var lessonID: String
    public var state: String
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    public init(questionID: String, lessonID: String, state: String, step: Int?, stability: Double?, difficulty: Double?, due: Date, lastReview: Date?) {
        self.questionID = questionID
        self.lessonID = lessonID
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }
}

extension ProgressStore {
    static func registerReviewMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-review") { db in
            try db.create(table: "review_card") { t in
                t.primaryKey("question_id", .text)
                t.column("lesson_id", .text).notNull()
                t.column("state", .text).notNull()
                t.column("step", .integer)
                t.column("stability", .double)
                t.column("difficulty", .double)
                t.column("due", .double).notNull()
                t.column("last_review", .double)
            }
            try db.create(table: "review_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("question_id", .text).notNull().indexed()
                t.column("rating", .integer).notNull()
                t.column("reviewed_at", .double).notNull()
            }
        }
    }

    public func reviewCards() throws -> [String: ReviewCardRecord] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM review_card")
            return Dictionary(uniqueKeysWithValues: rows.map { row in
                let card = ReviewCardRecord(
                    questionID: row["question_id"], lessonID: row["lesson_id"], state: row["state"], step: row["step"],
                    stability: row["stability"], difficulty: row["difficulty"], due: Date(timeIntervalSince1970: row["due"]),
                    lastReview: (row["last_review"] as Double?).map { Date(timeIntervalSince1970: $0) })
                return (card.questionID, card)
            })
        }
    }

    /// Saves a card's new state and the rating that produced it, together.
    public func recordReview(_ card: ReviewCardRecord, rating: Int, at date: Date, statements: [OutboxStatement] = []) throws {
        try pool.write { db in
            try Self.enqueue(statements, in: db)
            try db.execute(sql: """
                INSERT OR REPLACE INTO review_card (question_id, lesson_id, state, step, stability, difficulty, due, last_review)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [card.questionID, card.lessonID, card.state, card.step, card.stability, card.difficulty,
                                 card.due.timeIntervalSince1970, card.lastReview?.timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO review_log (question_id, rating, reviewed_at) VALUES (?, ?, ?)",
                           arguments: [card.questionID, rating, date.timeIntervalSince1970])
        }
    }

    /// Reviews of cards that had been seen before (not first sightings): how often the learner
    /// recalled them (any rating but Again), for `review --stats`.
    public func reviewRecall() throws -> (recalled: Int, total: Int) {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS total, SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END) AS recalled FROM review_log l
                WHERE EXISTS (SELECT 1 FROM review_log e WHERE e.question_id = l.question_id AND e.reviewed_at < l.reviewed_at - 86400)
                """)
            return ((row?["recalled"] as Int?) ?? 0, (row?["total"] as Int?) ?? 0)
        }
    }
}
