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

    /// Per question: the learner's latest answer that was not a skip, from any quiz.
    public func latestAnswers() throws -> [String: LatestAnswer] {
        try pool.read { db in
            var result: [String: LatestAnswer] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT q.lesson_id, q.question_id, q.correct, q.score, q.answered_at FROM quiz_attempt q
                WHERE q.id = (SELECT MAX(r.id) FROM quiz_attempt r WHERE r.question_id = q.question_id AND r.answer != '(skipped)')
                """) {
                let answer = LatestAnswer(lessonID: row["lesson_id"], questionID: row["question_id"], correct: row["correct"],
                                          score: row["score"], answeredAt: Date(timeIntervalSince1970: row["answered_at"]))
                result[answer.questionID] = answer
            }
            return result
        }
    }

    /// Every finished attempt, oldest first: when, how many questions, the score, and which
    /// lessons it asked about.
    public func quizHistory() throws -> [QuizSessionSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT session_id, MAX(answered_at) AS finished, SUM(score) AS score, COUNT(*) AS total,
                       SUM(CASE WHEN answer = '(skipped)' THEN 1 ELSE 0 END) AS skipped,
                       GROUP_CONCAT(DISTINCT lesson_id) AS lessons
                FROM quiz_attempt GROUP BY session_id ORDER BY finished
                """).map { row in
                QuizSessionSummary(
                    sessionID: row["session_id"], finishedAt: Date(timeIntervalSince1970: row["finished"]), score: row["score"], total: row["total"],
                    skipped: row["skipped"], lessonIDs: ((row["lessons"] as String?) ?? "").split(separator: ",").map(String.init))
            }
        }
    }
}

/// The latest answer a learner gave to one question (skips aside).
public struct LatestAnswer: Sendable, Hashable {
    public var lessonID: String
    public var questionID: String
    public var correct: Bool
    public var score: Double
    public var answeredAt: Date
}

/// One finished quiz attempt, as the progress view lists it.
public struct QuizSessionSummary: Sendable, Hashable {
    public var sessionID: String
    public var finishedAt: Date
    public var score: Double
    public var total: Int
    public var skipped: Int
    public var lessonIDs: [String]
}
