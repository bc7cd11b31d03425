import Foundation
import GRDB

/// One answered (or skipped) question of a quiz attempt.
public struct QuizAttemptRecord: Sendable, Hashable {
    public var lessonID: String
    public var questionID: String
    public var answer: String
    public var correct: Bool
    public var score: Double

    public init(lessonID: String, questionID: String, answer: String, correct: Bool, score: Double) {
        self.lessonID = lessonID
        self.questionID = questionID
        self.answer = answer
        self.correct = correct
        self.score = score
    }
}

/// A finished attempt at a set of questions.
public struct QuizAttemptSummary: Sendable, Hashable {
    public var sessionID: String
    public var finishedAt: Date
    /// The sum of the answers' scores (partial credit included).
    public var score: Double
    public var total: Int
}

extension ProgressStore {
    /// Stores a whole attempt in one transaction: all of it or none of it.
    public func recordQuizAttempt(sessionID: String, setKey: String, answers: [QuizAttemptRecord], statements: [OutboxStatement] = []) throws {
        let now = Self.now
        try pool.write { db in
            try Self.enqueue(statements, in: db)
            for answer in answers {
                try db.execute(sql: """
                    INSERT INTO quiz_attempt (session_id, set_key, lesson_id, question_id, answer, correct, score, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [sessionID, setKey, answer.lessonID, answer.questionID, answer.answer, answer.correct, answer.score, now])
            }
        }
    }

    /// Earlier attempts at the same set of questions, oldest first.
    public func quizAttempts(setKey: String) throws -> [QuizAttemptSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT session_id, MAX(answered_at) AS finished, SUM(score) AS score, COUNT(*) AS total
                FROM quiz_attempt WHERE set_key = ? GROUP BY session_id ORDER BY finished
                """, arguments: [setKey]).map {
                QuizAttemptSummary(sessionID: $0["session_id"], finishedAt: Date(timeIntervalSince1970: $0["finished"]), score: $0["score"], total: $0["total"])
            }
        }
    }

    /// Per lesson: the sum of the scores of answered questions (partial credit included) and
    /// the number answered, over every attempt.
    public func quizAccuracy() throws -> [String: (score: Double, answered: Int)] {
        try pool.read { db in
            var result: [String: (score: Double, answered: Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT lesson_id, SUM(score) AS score, COUNT(*) AS answered FROM quiz_attempt
                WHERE answer != '(skipped)' GROUP BY lesson_id
                """) {
                result[row["lesson_id"]] = (row["score"], row["answered"])
            }
            return result
        }
    }
}
