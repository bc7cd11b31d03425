import Foundation
import GRDB

/// A learner's progress in one course, in SQLite through GRDB: WAL mode, one transaction per
/// change, a versioned schema made by migrations. The only module that speaks SQL.
public final class ProgressStore: Sendable {
    public let url: URL
    let pool: DatabasePool

    /// Opens (or creates) the database. An existing file that is not SQLite, or is damaged, is
    /// reported and left exactly as it was.
    public init(url: URL) throws {
        self.url = url
        let path = url.path
        if FileManager.default.fileExists(atPath: path) {
            try Self.checkHeader(path)
        } else {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotOpen(path: path, detail: error.localizedDescription)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            if check != "ok" { throw StoreError.damaged(path: path, detail: check ?? "quick_check failed") }
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: path, detail: error.message ?? "malformed")
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, detail: "\(error)")
        }
    }

    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.cannotOpen(path: path, detail: "permission denied") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\0".utf8) { throw StoreError.notADatabase(path: path) }
    }

    /// The schema's history. Never edit a migration once released: add the next one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "lesson_progress") { t in
                t.primaryKey("lesson_id", .text)
                t.column("status", .text).notNull().defaults(to: "in-progress")
                t.column("position", .integer).notNull().defaults(to: 0)
                t.column("furthest", .integer).notNull().defaults(to: 0)
                t.column("started_at", .double).notNull()
                t.column("updated_at", .double).notNull()
                t.column("completed_at", .double)
            }
            try db.create(table: "example_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("lesson_id", .text).notNull().indexed()
                t.column("example_index", .integer).notNull()
                t.column("passed", .boolean).notNull()
                t.column("ran_at", .double).notNull()
            }
            try db.create(table: "quiz_attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .text).notNull().indexed()
                t.column("set_key", .text).notNull()
                t.column("lesson_id", .text).notNull().indexed()
                t.column("question_id", .text).notNull().indexed()
                t.column("answer", .text).notNull()
                t.column("correct", .boolean).notNull()
                t.column("score", .double).notNull()
                t.column("answered_at", .double).notNull()
            }
            try db.create(table: "check_cache") { t in
                t.primaryKey("key", .text)
                t.column("passed_at", .double).notNull()
            }
        }
        registerReviewMigration(&migrator)
        registerExerciseMigration(&migrator)
        registerLessonIndexMigration(&migrator)
        registerPlaceMigration(&migrator)
        registerOutboxMigration(&migrator)
        return migrator
    }

    public var appliedMigrations: [String] {
        (try? pool.read { db in try Self.migrator.appliedMigrations(db) }) ?? []
    }

    static var now: Double { Date().timeIntervalSince1970 }
}
