import GRDB

/// Where the learner was last reading: one row, written with every position, so the course
/// reopens at that lesson and part whatever the lessons' statuses say.
public struct ReadingPlace: Sendable, Hashable {
    public var lessonID: String
    public var position: Int

    public init(lessonID: String, position: Int) {
        self.lessonID = lessonID
        self.position = position
    }
}

extension ProgressStore {
    static func registerPlaceMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-place") { db in
            try db.create(table: "reading_place") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("lesson_id", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("updated_at", .double).notNull()
            }
        }
    }

    /// The lesson and part the learner was last reading, if they have read anything since the
    /// place was first kept.
    public func readingPlace() throws -> ReadingPlace? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT lesson_id, position FROM reading_place WHERE id = 1").map {
                ReadingPlace(lessonID: $0["lesson_id"], position: $0["position"])
            }
        }
    }

    static func recordPlace(_ db: Database, lessonID: String, position: Int, at now: Double) throws {
        try db.execute(sql: """
            INSERT INTO reading_place (id, lesson_id, position, updated_at) VALUES (1, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET lesson_id = excluded.lesson_id, position = excluded.position, updated_at = excluded.updated_at
            """, arguments: [lessonID, position, now])
    }
}
