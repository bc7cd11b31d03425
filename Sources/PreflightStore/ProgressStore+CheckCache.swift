import Foundation
import GRDB

/// The `preflight check` cache: keys of examples that passed.
extension ProgressStore {
    public func cachedPasses(among keys: [String]) -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let found = try? pool.read { db -> [String] in
            var result: [String] = []
            // Chunked to stay under SQLite's limit on bound parameters.
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = Array(keys[start..<min(start + 500, keys.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                result += try String.fetchAll(db, sql: "SELECT key FROM check_cache WHERE key IN (\(marks))", arguments: StatementArguments(chunk))
            }
            return result
        }
        return Set(found ?? [])
    }

    public func recordCachedPasses(_ keys: [String]) throws {
        let now = Self.now
        try pool.write { db in
            for key in keys {
                try db.execute(sql: "INSERT OR REPLACE INTO check_cache (key, passed_at) VALUES (?, ?)", arguments: [key, now])
            }
        }
    }
}

extension ProgressStore {
    /// When each of these keys last passed `preflight check`; keys that never passed are absent.
    /// The exported website shows these dates beside each example's output.
    public func checkPassDates(among keys: [String]) throws -> [String: Date] {
        guard !keys.isEmpty else { return [:] }
        return try pool.read { db -> [String: Date] in
            var result: [String: Date] = [:]
            // Chunked to stay under SQLite's limit on bound parameters.
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = Array(keys[start..<min(start + 500, keys.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT key, passed_at FROM check_cache WHERE key IN (\(marks))", arguments: StatementArguments(chunk)) {
                    result[row["key"]] = Date(timeIntervalSince1970: row["passed_at"])
                }
            }
            return result
        }
    }
}
