import Foundation
import GRDB

/// A learner's latest answer to one quiz question, as moved between the terminal and the site.
public struct LatestQuizAnswer: Sendable, Hashable {
    public var lessonID: String
    public var questionID: String
    public var answer: String
    public var correct: Bool
    public var score: Double
    public var answeredAt: Date

    public init(lessonID: String, questionID: String, answer: String, correct: Bool, score: Double, answeredAt: Date) {
        self.lessonID = lessonID
        self.questionID = questionID
        self.answer = answer
        self.correct = correct
        self.score = score
        self.answeredAt = answeredAt
    }
}

/// Reads and writes for `preflight export progress` and `preflight import progress`, which move
/// progress between the terminal and the website's local storage.
extension ProgressStore {
    /// Each question's most recent answer that was not a skip.
    public func latestQuizAnswers() throws -> [String: LatestQuizAnswer] {
        try pool.read { db in
            var result: [String: LatestQuizAnswer] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT lesson_id, question_id, answer, correct, score, answered_at FROM quiz_attempt
                WHERE answer != '(skipped)' ORDER BY answered_at, id
                """) {
                let answer = LatestQuizAnswer(lessonID: row["lesson_id"], questionID: row["question_id"], answer: row["answer"],
                                              correct: row["correct"], score: row["score"], answeredAt: Date(timeIntervalSince1970: row["answered_at"]))
                result[answer.questionID] = answer
            }
            return result
        }
    }

    /// Stores answers made elsewhere (the website) as one attempt, skipping any answer already
    /// stored for the same question at the same moment, so importing a file twice adds nothing.
    /// Returns how many answers were added.
    @discardableResult
    public func importQuizAnswers(_ answers: [LatestQuizAnswer], sessionID: String) throws -> Int {
        try pool.write { db in
            var added = 0
            for answer in answers {
                let at = answer.answeredAt.timeIntervalSince1970
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM quiz_attempt WHERE question_id = ? AND answered_at = ?)",
                                               arguments: [answer.questionID, at]) ?? false
                if exists { continue }
                try db.execute(sql: """
                    INSERT INTO quiz_attempt (session_id, set_key, lesson_id, question_id, answer, correct, score, answered_at)
                    VALUES (?, 'import', ?, ?, ?, ?, ?, ?)
                    """, arguments: [sessionID, answer.lessonID, answer.questionID, answer.answer, answer.correct, answer.score, at])
                added += 1
            }
            return added
        }
    }

    /// Each flashcard's most recent rating (1 again … 4 easy) and when it was given.
    public func latestReviewRatings() throws -> [String: (rating: Int, reviewedAt: Date)] {
        try pool.read { db in
            var result: [String: (rating: Int, reviewedAt: Date)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT question_id, rating, reviewed_at FROM review_log ORDER BY reviewed_at, id") {
                result[row["question_id"]] = (row["rating"], Date(timeIntervalSince1970: row["reviewed_at"]))
            }
            return result
        }
    }
}
