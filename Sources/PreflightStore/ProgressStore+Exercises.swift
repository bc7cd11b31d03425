import Foundation
import GRDB

/// Where a learner stands on one exercise.
public struct ExerciseProgress: Sendable, Hashable {
    public enum Status: String, Sendable, Codable { case pending, passing, done }

    public var exerciseID: String
    public var status: Status
    public var hintsUsed: Int
    public var attempts: Int
    public var updatedAt: Double
}

extension ProgressStore {
    static func registerExerciseMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-exercises") { db in
            try db.create(table: "exercise_progress") { t in
                t.primaryKey("exercise_id", .text)
                t.column("status", .text).notNull().defaults(to: "pending")
                t.column("hints_used", .integer).notNull().defaults(to: 0)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("updated_at", .double).notNull()
            }
        }
    }

    public func exerciseProgress() throws -> [String: ExerciseProgress] {
        try pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT * FROM exercise_progress").map { row in
                let id: String = row["exercise_id"]
                return (id, ExerciseProgress(exerciseID: id, status: ExerciseProgress.Status(rawValue: row["status"]) ?? .pending,
                                             hintsUsed: row["hints_used"], attempts: row["attempts"], updatedAt: row["updated_at"]))
            })
        }
    }

    /// Records one check of the learner's file. A done exercise stays done while it passes.
    /// `statementsIfNewlyPassing` are queued when it passes and did not pass before.
    public func recordExerciseCheck(_ id: String, passed: Bool, statementsIfNewlyPassing: [OutboxStatement] = []) throws {
        let now = Self.now
        try pool.write { db in
            let before = try String.fetchOne(db, sql: "SELECT status FROM exercise_progress WHERE exercise_id = ?", arguments: [id])
            if passed && before != ExerciseProgress.Status.passing.rawValue && before != ExerciseProgress.Status.done.rawValue {
                try Self.enqueue(statementsIfNewlyPassing, in: db)
            }
            try db.execute(sql: """
                INSERT INTO exercise_progress (exercise_id, status, attempts, updated_at) VALUES (?, ?, 1, ?)
                ON CONFLICT(exercise_id) DO UPDATE SET attempts = attempts + 1, updated_at = excluded.updated_at,
                    status = CASE WHEN excluded.status = 'pending' THEN 'pending' WHEN status = 'done' THEN 'done' ELSE 'passing' END
                """, arguments: [id, passed ? "passing" : "pending", now])
        }
    }

    public func markExerciseDone(_ id: String) throws {
        let now = Self.now
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO exercise_progress (exercise_id, status, updated_at) VALUES (?, 'done', ?)
                ON CONFLICT(exercise_id) DO UPDATE SET status = 'done', updated_at = excluded.updated_at
                """, arguments: [id, now])
        }
    }

    /// Counts one more hint as seen and returns how many have been seen.
    public func revealHint(_ id: String, available: Int) throws -> Int {
        let now = Self.now
        return try pool.write { db in
            try db.execute(sql: """
                INSERT INTO exercise_progress (exercise_id, hints_used, updated_at) VALUES (?, MIN(1, ?), ?)
                ON CONFLICT(exercise_id) DO UPDATE SET hints_used = MIN(hints_used + 1, ?), updated_at = excluded.updated_at
                """, arguments: [id, available, now, available])
            return try Int.fetchOne(db, sql: "SELECT hints_used FROM exercise_progress WHERE exercise_id = ?", arguments: [id]) ?? 0
        }
    }

    public func resetExercise(_ id: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE exercise_progress SET status = 'pending', updated_at = ? WHERE exercise_id = ?", arguments: [Self.now, id])
        }
    }
}
