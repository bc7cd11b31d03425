import GRDB

/// Lesson positions, completion and example runs. Each method is one transaction, which also
/// queues the learning records (`statements`) of what it saves.
extension ProgressStore {
    public func allLessonProgress() throws -> [String: LessonProgress] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM lesson_progress")
            return Dictionary(uniqueKeysWithValues: rows.map { row in
                let progress = LessonProgress(
                    lessonID: row["lesson_id"], status: LessonProgress.Status(rawValue: row["status"]) ?? .inProgress,
                    position: row["position"], furthest: row["furthest"], startedAt: row["started_at"],
                    updatedAt: row["updated_at"], completedAt: row["completed_at"])
                return (progress.lessonID, progress)
            })
        }
    }

    public func lessonProgress(_ lessonID: String) throws -> LessonProgress? {
        try allLessonProgress()[lessonID]
    }

    /// Records that the learner is reading part `position` of the lesson, and that this is where
    /// they are in the course; a done lesson stays done.
    public func recordPosition(lessonID: String, position: Int, statements: [OutboxStatement] = []) throws {
        let now = Self.now
        try pool.write { db in
            try Self.enqueue(statements, in: db)
            try db.execute(sql: """
                INSERT INTO lesson_progress (lesson_id, status, position, furthest, started_at, updated_at)
                VALUES (?, 'in-progress', ?, ?, ?, ?)
                ON CONFLICT(lesson_id) DO UPDATE SET position = excluded.position,
                    furthest = MAX(furthest, excluded.position), updated_at = excluded.updated_at
                """, arguments: [lessonID, position, position, now, now])
            try Self.recordPlace(db, lessonID: lessonID, position: position, at: now)
        }
    }

    /// Marks the lesson done; `statementsIfNew` are queued only when it was not done already.
    public func markCompleted(lessonID: String, statementsIfNew: [OutboxStatement] = []) throws {
        let now = Self.now
        try pool.write { db in
            let before = try String.fetchOne(db, sql: "SELECT status FROM lesson_progress WHERE lesson_id = ?", arguments: [lessonID])
            if before != LessonProgress.Status.done.rawValue { try Self.enqueue(statementsIfNew, in: db) }
            try db.execute(sql: """
                INSERT INTO lesson_progress (lesson_id, status, position, furthest, started_at, updated_at, completed_at)
                VALUES (?, 'done', 0, 0, ?, ?, ?)
                ON CONFLICT(lesson_id) DO UPDATE SET status = 'done', updated_at = excluded.updated_at,
                    completed_at = COALESCE(completed_at, excluded.completed_at)
                """, arguments: [lessonID, now, now, now])
        }
    }

    public func recordExampleRun(lessonID: String, exampleIndex: Int, passed: Bool, statements: [OutboxStatement] = []) throws {
        let now = Self.now
        try pool.write { db in
            try Self.enqueue(statements, in: db)
            try db.execute(sql: "INSERT INTO example_run (lesson_id, example_index, passed, ran_at) VALUES (?, ?, ?, ?)",
                           arguments: [lessonID, exampleIndex, passed, now])
        }
    }

    /// Indexes of the lesson's examples the learner has run at least once.
    public func examplesRun(lessonID: String) throws -> Set<Int> {
        try pool.read { db in
            Set(try Int.fetchAll(db, sql: "SELECT DISTINCT example_index FROM example_run WHERE lesson_id = ?", arguments: [lessonID]))
        }
    }

    /// Erases one lesson's progress (position, example runs, quiz attempts, the reading place
    /// when it is in that lesson), or everything.
    public func reset(lessonID: String?) throws {
        try pool.write { db in
            if let lessonID {
                for table in ["lesson_progress", "example_run", "quiz_attempt", "reading_place"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE lesson_id = ?", arguments: [lessonID])
                }
            } else {
                for table in ["lesson_progress", "example_run", "quiz_attempt", "reading_place"] {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
            }
        }
    }
}
