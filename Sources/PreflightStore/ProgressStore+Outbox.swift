import Foundation
import GRDB

/// A learning record waiting to go to the Learning Record Store: its statement id and the
/// statement as JSON, exactly as it will be sent (every resend sends the same bytes).
public struct OutboxStatement: Sendable, Hashable {
    public var id: String
    public var body: String

    public init(id: String, body: String) {
        self.id = id
        self.body = body
    }
}

/// A statement taken from the outbox by one sync.
public struct OutboxEntry: Sendable, Hashable {
    public var id: String
    public var body: String
    /// Sends tried before this one that did not end in a yes or a definite no.
    public var attempts: Int
    public var createdAt: Double
}

/// What the outbox holds, for `preflight sync --status`.
public struct OutboxSummary: Sendable, Hashable {
    /// Waiting to be sent (claimed ones included).
    public var pending: Int
    /// Being sent by a sync right now.
    public var claimed: Int
    /// Set aside: the LRS said no to them, with its reason.
    public var rejected: [Rejected]
    public var oldestPending: Double?

    public struct Rejected: Sendable, Hashable {
        public var id: String
        public var body: String
        public var reason: String
    }
}

/// How the last sync ended, kept so that `sync --status` can say it in plain words later.
public struct SyncRecord: Sendable, Hashable {
    public var lastAttemptAt: Double?
    public var lastSuccessAt: Double?
    /// A short key (`unreachable`, `credentials`, `server`, `rejected`), nil after a clean sync.
    public var lastErrorKind: String?
    public var lastError: String?
    public var sentTotal: Int

    public init(lastAttemptAt: Double? = nil, lastSuccessAt: Double? = nil, lastErrorKind: String? = nil, lastError: String? = nil, sentTotal: Int = 0) {
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.lastErrorKind = lastErrorKind
        self.lastError = lastError
        self.sentTotal = sentTotal
    }
}

/// The outbox: statements are written in the same transaction as the progress they record, and
/// leave it only when the LRS has said yes (or set aside when it said a definite no). Syncs take
/// rows by claiming them in a transaction, so two syncs never send the same row at once; a claim
/// whose owner has died is taken over once the request it may still have in flight has had time
/// to land, and any claim ends when its lease runs out.
extension ProgressStore {
    static func registerOutboxMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-outbox") { db in
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("statement_id", .text).notNull().unique()
                t.column("body", .text).notNull()
                t.column("created_at", .double).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("claimed_by", .text)
                t.column("claimed_at", .double)
                t.column("claimed_until", .double)
                t.column("rejected_reason", .text)
            }
            try db.create(table: "sync_state") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("last_attempt_at", .double)
                t.column("last_success_at", .double)
                t.column("last_error_kind", .text)
                t.column("last_error", .text)
                t.column("sent_total", .integer).notNull().defaults(to: 0)
            }
        }
    }

    /// Adds statements inside a write that records progress; a statement id already queued is
    /// not queued twice.
    static func enqueue(_ statements: [OutboxStatement], in db: Database) throws {
        let now = Self.now
        for statement in statements {
            try db.execute(sql: "INSERT OR IGNORE INTO outbox (statement_id, body, created_at) VALUES (?, ?, ?)",
                           arguments: [statement.id, statement.body, now])
        }
    }

    /// Queues statements on their own (for records with no progress row of their own).
    public func enqueue(_ statements: [OutboxStatement]) throws {
        try pool.write { db in try Self.enqueue(statements, in: db) }
    }

    /// Claims up to `limit` statements for `owner`, oldest first, for `lease` seconds. Claims of
    /// owners that `isAbandoned` says have ended are released first, but only once `grace`
    /// seconds have passed since they were made: a request the dead owner sent may still be
    /// landing at the LRS.
    public func claimOutbox(owner: String, limit: Int, lease: Double, grace: Double, isAbandoned: (String) -> Bool) throws -> [OutboxEntry] {
        let now = Self.now
        return try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET claimed_by = NULL, claimed_at = NULL, claimed_until = NULL WHERE claimed_until < ?", arguments: [now])
            let others = try String.fetchAll(db, sql: "SELECT DISTINCT claimed_by FROM outbox WHERE claimed_by IS NOT NULL AND claimed_by != ?", arguments: [owner])
            for other in others where isAbandoned(other) {
                try db.execute(sql: """
                    UPDATE outbox SET claimed_by = NULL, claimed_at = NULL, claimed_until = NULL
                    WHERE claimed_by = ? AND claimed_at <= ?
                    """, arguments: [other, now - grace])
            }
            try db.execute(sql: """
                UPDATE outbox SET claimed_by = ?, claimed_at = ?, claimed_until = ?
                WHERE seq IN (SELECT seq FROM outbox WHERE claimed_by IS NULL AND rejected_reason IS NULL ORDER BY seq LIMIT ?)
                """, arguments: [owner, now, now + lease, limit])
            return try Row.fetchAll(db, sql: """
                SELECT statement_id, body, attempts, created_at FROM outbox WHERE claimed_by = ? AND rejected_reason IS NULL ORDER BY seq
                """, arguments: [owner]).map {
                OutboxEntry(id: $0["statement_id"], body: $0["body"], attempts: $0["attempts"], createdAt: $0["created_at"])
            }
        }
    }

    /// Statements waiting that another sync holds and that cannot be taken over yet.
    public func heldElsewhere(owner: String) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE claimed_by IS NOT NULL AND claimed_by != ? AND rejected_reason IS NULL",
                             arguments: [owner]) ?? 0
        }
    }

    /// The LRS has them: they leave the outbox. Returns how many were removed.
    @discardableResult
    public func acknowledge(_ ids: [String], owner: String) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try pool.write { db in
            var removed = 0
            for id in ids {
                try db.execute(sql: "DELETE FROM outbox WHERE statement_id = ? AND claimed_by = ?", arguments: [id, owner])
                removed += db.changesCount
            }
            try db.execute(sql: """
                INSERT INTO sync_state (id, sent_total) VALUES (1, ?)
                ON CONFLICT(id) DO UPDATE SET sent_total = sent_total + excluded.sent_total
                """, arguments: [removed])
            return removed
        }
    }

    /// Gives claimed statements back to the queue after a send that did not settle them.
    public func release(_ ids: [String], owner: String, countAttempt: Bool) throws {
        guard !ids.isEmpty else { return }
        try pool.write { db in
            for id in ids {
                try db.execute(sql: """
                    UPDATE outbox SET claimed_by = NULL, claimed_at = NULL, claimed_until = NULL, attempts = attempts + ?
                    WHERE statement_id = ? AND claimed_by = ?
                    """, arguments: [countAttempt ? 1 : 0, id, owner])
            }
        }
    }

    /// Gives back everything `owner` still holds (at the end of a sync, whatever happened).
    public func releaseAll(owner: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET claimed_by = NULL, claimed_at = NULL, claimed_until = NULL WHERE claimed_by = ?", arguments: [owner])
        }
    }

    /// The LRS refused this statement for good: it is kept, out of the queue, with the reason.
    public func reject(_ id: String, owner: String, reason: String) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET rejected_reason = ?, claimed_by = NULL, claimed_at = NULL, claimed_until = NULL, attempts = attempts + 1
                WHERE statement_id = ? AND claimed_by = ?
                """, arguments: [reason, id, owner])
        }
    }

    /// Puts statements the LRS refused back in the queue (after the LRS or the course changed).
    @discardableResult
    public func requeueRejected() throws -> Int {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET rejected_reason = NULL WHERE rejected_reason IS NOT NULL")
            return db.changesCount
        }
    }

    public func outboxSummary() throws -> OutboxSummary {
        try pool.read { db in
            let counts = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS pending, SUM(CASE WHEN claimed_by IS NOT NULL THEN 1 ELSE 0 END) AS claimed, MIN(created_at) AS oldest
                FROM outbox WHERE rejected_reason IS NULL
                """)
            let rejected = try Row.fetchAll(db, sql: "SELECT statement_id, body, rejected_reason FROM outbox WHERE rejected_reason IS NOT NULL ORDER BY seq").map {
                OutboxSummary.Rejected(id: $0["statement_id"], body: $0["body"], reason: $0["rejected_reason"])
            }
            return OutboxSummary(pending: counts?["pending"] ?? 0, claimed: (counts?["claimed"] as Int?) ?? 0, rejected: rejected,
                                 oldestPending: counts?["oldest"])
        }
    }

    /// Statements waiting to be sent, oldest first (for tests and `sync --status --json`).
    public func pendingStatements() throws -> [OutboxStatement] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT statement_id, body FROM outbox WHERE rejected_reason IS NULL ORDER BY seq").map {
                OutboxStatement(id: $0["statement_id"], body: $0["body"])
            }
        }
    }

    public func syncRecord() throws -> SyncRecord {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE id = 1") else { return SyncRecord() }
            return SyncRecord(lastAttemptAt: row["last_attempt_at"], lastSuccessAt: row["last_success_at"], lastErrorKind: row["last_error_kind"],
                              lastError: row["last_error"], sentTotal: row["sent_total"])
        }
    }

    /// Notes how a sync ended: a clean end clears the last error.
    public func recordSyncEnd(at date: Double, succeeded: Bool, errorKind: String?, error: String?) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO sync_state (id, last_attempt_at, last_success_at, last_error_kind, last_error) VALUES (1, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
                    last_success_at = COALESCE(excluded.last_success_at, last_success_at),
                    last_error_kind = excluded.last_error_kind, last_error = excluded.last_error
                """, arguments: [date, succeeded ? date : nil, errorKind, error])
        }
    }
}
