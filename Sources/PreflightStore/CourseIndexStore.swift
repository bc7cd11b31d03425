import Foundation
import GRDB
import PreflightCore
import Synchronization

/// The course index's records, in an SQLite file of its own beside the progress database
/// (`<course-id>.index.sqlite`). Unlike progress, nothing in it is precious: every record can be
/// read again from the lesson files. So a file that is not SQLite, is damaged or fails a query is
/// deleted and started afresh, where a damaged progress database is left for the learner to save.
public final class CourseIndexStore: CourseIndexStorage, Sendable {
    public let url: URL
    private let database: Mutex<DatabaseQueue>

    /// Opens (or creates) the index at `url`; throws only when no index can be made there (a
    /// folder that cannot be written, say), and then the course is read without one.
    public init(url: URL) throws {
        self.url = url
        let queue: DatabaseQueue
        do {
            queue = try Self.open(url)
        } catch {
            try Self.remove(url)
            queue = try Self.open(url)
        }
        database = Mutex(queue)
    }

    /// `<name>.index.sqlite` beside `<name>.sqlite`, the progress database.
    public static func location(beside progress: URL) -> URL {
        let name = progress.lastPathComponent
        let base = name.hasSuffix(".sqlite") ? String(name.dropLast(".sqlite".count)) : name
        return progress.deletingLastPathComponent().appendingPathComponent("\(base).index.sqlite")
    }

    private static func open(_ url: URL) throws -> DatabaseQueue {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        try migrator.migrate(queue)
        // A file whose schema does not answer is no index of ours.
        _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meta") }
        return queue
    }

    private static func remove(_ url: URL) throws {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let path = url.path + suffix
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }

    /// The schema's history. Never edit a migration once released: add the next one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("index-v1") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "lesson_record") { t in
                t.primaryKey("path", .text)
                t.column("size", .integer).notNull()
                t.column("modified", .integer).notNull()
                t.column("changed", .integer).notNull()
                t.column("inode", .integer).notNull()
                t.column("device", .integer).notNull()
                t.column("content_hash", .integer).notNull()
                t.column("recent", .boolean).notNull()
                t.column("facts", .blob).notNull()
                t.column("items", .blob)
            }
        }
        return migrator
    }

    public var appliedMigrations: [String] {
        (try? database.withLock { queue in try queue.read { db in try Self.migrator.appliedMigrations(db) } }) ?? []
    }

    public func records(fingerprint: String) throws -> [CourseIndexRecord] {
        try recovering {
            try $0.read { db in
                guard try Self.fingerprint(db) == fingerprint else { return [] }
                return try Row.fetchAll(db, sql: "SELECT path, size, modified, changed, inode, device, content_hash, recent, facts FROM lesson_record").map { row in
                    CourseIndexRecord(
                        path: row["path"],
                        stamp: FileStamp(size: row["size"], modified: row["modified"], changed: row["changed"], inode: row["inode"], device: row["device"]),
                        contentHash: UInt64(bitPattern: row["content_hash"]), recent: row["recent"], facts: row["facts"], items: nil)
                }
            }
        } ?? []
    }

    public func items(fingerprint: String, paths: [String]) throws -> [String: Data] {
        try recovering {
            try $0.read { db in
                guard try Self.fingerprint(db) == fingerprint else { return [:] }
                var found: [String: Data] = [:]
                // Chunked to stay under SQLite's limit on bound parameters.
                for start in stride(from: 0, to: paths.count, by: 500) {
                    let chunk = Array(paths[start..<min(start + 500, paths.count)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    for row in try Row.fetchAll(db, sql: "SELECT path, items FROM lesson_record WHERE items IS NOT NULL AND path IN (\(marks))", arguments: StatementArguments(chunk)) {
                        found[row["path"]] = row["items"]
                    }
                }
                return found
            }
        } ?? [:]
    }

    public func update(fingerprint: String, records: [CourseIndexRecord], removing: [String]) throws {
        try recovering {
            try $0.write { db in
                if try Self.fingerprint(db) != fingerprint {
                    try db.execute(sql: "DELETE FROM lesson_record")
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('fingerprint', ?)", arguments: [fingerprint])
                }
                let remove = try db.cachedStatement(sql: "DELETE FROM lesson_record WHERE path = ?")
                for path in removing { try remove.execute(arguments: [path]) }
                // Items left out of a record (its file was re-read and found unchanged) are kept.
                let upsert = try db.cachedStatement(sql: """
                    INSERT INTO lesson_record (path, size, modified, changed, inode, device, content_hash, recent, facts, items)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified = excluded.modified, changed = excluded.changed,
                        inode = excluded.inode, device = excluded.device, content_hash = excluded.content_hash, recent = excluded.recent,
                        facts = excluded.facts, items = COALESCE(excluded.items, lesson_record.items)
                    """)
                for record in records {
                    let stamp = record.stamp
                    try upsert.execute(arguments: [
                        record.path, stamp.size, stamp.modified, stamp.changed, stamp.inode, stamp.device,
                        Int64(bitPattern: record.contentHash), record.recent, record.facts, record.items,
                    ])
                }
            }
        }
    }

    private static func fingerprint(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'fingerprint'")
    }

    /// Runs a query; when SQLite finds the file damaged, the index is deleted and made afresh
    /// (and the query answers nil), so the next run reads the lessons and keeps them again.
    @discardableResult
    private func recovering<Value>(_ body: (DatabaseQueue) throws -> Value) throws -> Value? {
        try database.withLock { queue in
            do {
                return try body(queue)
            } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_ERROR].contains(error.resultCode) {
                try Self.remove(url)
                queue = try Self.open(url)
                return nil
            }
        }
    }
}
