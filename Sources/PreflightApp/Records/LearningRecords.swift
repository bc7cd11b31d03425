import Foundation
import PreflightCore
import PreflightRunner
import PreflightStore

/// The learner's side of learning records as use cases: connecting an LRS, saying who they are,
/// syncing the outbox (now, or in the background after a command) and its status.
public enum LearningRecords {
    /// The statement builder for this course when an LRS is connected; nil otherwise.
    static func builder(for course: CourseOutline, environment: [String: String]) throws -> StatementBuilder? {
        let folder = UserConfigFolder(environment: environment)
        guard let connection = try LRSConnection.load(folder) else { return nil }
        return StatementBuilder(agent: LearnerAgent(identity: try LearnerIdentity.load(folder), connection: connection), course: course)
    }

    public struct Connected: Sendable {
        public var connection: LRSConnection
        public var agent: LearnerAgent
        /// What a first request found: credentials accepted, not reachable now, and so on.
        public var note: String
        public var file: URL
    }

    /// Checks the endpoint, tries the credentials with one read of the statements resource, and
    /// saves the connection (mode 0600). Credentials the LRS refuses (401) are not saved; an LRS
    /// that cannot be reached now is saved with a note (records wait in the outbox).
    public static func connect(endpoint: String, user: String, password: String, environment: [String: String]) throws -> Connected {
        let connection = try LRSConnection(endpoint: endpoint, user: user, password: password)
        let folder = UserConfigFolder(environment: environment)
        let transport = HTTPTransport(environment: environment)
        defer { transport.close() }
        let client = LRSClient(connection: connection, transport: transport, timeout: 10)
        let note: String
        switch client.get(connection.statementsURL + "?limit=1") {
        case .response(let status, _, _, _) where (200..<300).contains(status):
            note = "The LRS accepted the credentials."
        case .response(401, let reason, _, _):
            throw AppError(.failed, "The LRS at \(connection.endpoint) refused the credentials of user `\(user)` (HTTP 401 \(reason)). Nothing was saved.")
        case .response(403, _, _, _):
            note = "The LRS accepted the credentials but does not let them read statements (HTTP 403); sending is still allowed if the LRS grants it."
        case .response(let status, let reason, _, _):
            note = "Saved, but the LRS answered HTTP \(status) \(reason) to a test read; check that \(connection.endpoint) is its xAPI endpoint."
        case .failure(let kind, let message):
            note = "Saved, but " + RecordSync.unreachable(kind: kind, message: message, endpoint: connection.endpoint)
                .replacingOccurrences(of: "; the statements stay in the outbox", with: "") + "; records wait in the outbox until it can be reached."
        }
        try connection.save(folder)
        return Connected(connection: connection, agent: LearnerAgent(identity: try LearnerIdentity.load(folder), connection: connection),
                         note: note, file: folder.file(LRSConnection.fileName))
    }

    public struct Status: Sendable {
        public var connection: LRSConnection?
        public var agent: LearnerAgent?
        public var file: URL
    }

    public static func status(environment: [String: String]) throws -> Status {
        let folder = UserConfigFolder(environment: environment)
        let connection = try LRSConnection.load(folder)
        let agent = connection.map { LearnerAgent(identity: try? LearnerIdentity.load(folder), connection: $0) }
        return Status(connection: connection, agent: agent, file: folder.file(LRSConnection.fileName))
    }

    /// Forgets the connection (the password with it). Queued statements stay in each course's
    /// outbox, for a later connection.
    public static func disconnect(environment: [String: String]) throws -> Bool {
        try LRSConnection.remove(UserConfigFolder(environment: environment))
    }

    /// Saves who the learner is; returns how records will name them (with an LRS connected).
    public static func setIdentity(_ identity: LearnerIdentity, environment: [String: String]) throws -> URL {
        let folder = UserConfigFolder(environment: environment)
        try identity.save(folder)
        return folder.file(LearnerIdentity.fileName)
    }

    public static func identity(environment: [String: String]) throws -> (identity: LearnerIdentity?, agent: LearnerAgent?) {
        let folder = UserConfigFolder(environment: environment)
        let identity = try LearnerIdentity.load(folder)
        let agent = try LRSConnection.load(folder).map { LearnerAgent(identity: identity, connection: $0) }
        return (identity, agent)
    }

    /// Sends the outbox now.
    public static func sync(_ book: ProgressBook, options: RecordSync.Options, environment: [String: String]) throws -> RecordSync.Report {
        guard let connection = try LRSConnection.load(UserConfigFolder(environment: environment)) else {
            throw AppError(.data, "no Learning Record Store is connected; run `preflight lrs connect URL --user NAME` first")
        }
        return try RecordSync(book: book, connection: connection).run(options, environment: environment)
    }

    /// After a learner's command: when an LRS is connected and something is queued, starts
    /// `preflight sync --background` on its own and returns at once; the learner never waits
    /// for the network. It ends within its time limit, never sends what another sync holds, and
    /// whatever it cannot send stays queued. `PREFLIGHT_AUTO_SYNC=0` turns this off (a metered
    /// connection; only `preflight sync` sends then). Returns why it could not start, if it could not.
    @discardableResult
    public static func syncInBackground(_ book: ProgressBook, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard environment["PREFLIGHT_AUTO_SYNC"] != "0", book.recorder != nil, let pending = try? book.store.outboxSummary().pending, pending > 0 else { return nil }
        guard let executable = DetachedLaunch.currentExecutable else { return "cannot find Preflight's own executable to sync in the background" }
        do {
            try DetachedLaunch.start(executable: executable,
                                     arguments: ["sync", "--background", "--course", book.course.root.path, "--state", book.location.path],
                                     environment: environment)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// What the outbox holds and how the last sync went, in plain words.
    public static func statusLines(_ book: ProgressBook, environment: [String: String], now: Date = Date()) throws -> [String] {
        let folder = UserConfigFolder(environment: environment)
        let summary = try book.access("read the outbox") { try book.store.outboxSummary() }
        let record = try book.access("read the last sync") { try book.store.syncRecord() }
        var lines: [String] = []
        if let connection = try LRSConnection.load(folder) {
            let agent = LearnerAgent(identity: try LearnerIdentity.load(folder), connection: connection)
            lines.append("LRS: \(connection.endpoint) (user \(connection.user)); records name you as \(agent.description).")
        } else {
            lines.append("No LRS is connected (`preflight lrs connect URL --user NAME`); nothing new is recorded for one.")
        }
        if summary.pending == 0 {
            lines.append("Outbox: empty; \(record.sentTotal) statement\(record.sentTotal == 1 ? "" : "s") sent from this course so far.")
        } else {
            let age = summary.oldestPending.map { " (the oldest from \(Self.ago(Date(timeIntervalSince1970: $0), now: now)))" } ?? ""
            lines.append("Outbox: \(summary.pending) statement\(summary.pending == 1 ? "" : "s") waiting\(age)" + (summary.claimed > 0 ? ", \(summary.claimed) being sent now" : "") + "; \(record.sentTotal) sent so far.")
        }
        if let attempt = record.lastAttemptAt {
            let when = Self.ago(Date(timeIntervalSince1970: attempt), now: now)
            if let error = record.lastError {
                lines.append("Last sync (\(when)) stopped: \(error).")
            } else {
                lines.append("Last sync (\(when)) finished cleanly.")
            }
        } else {
            lines.append("No sync has run yet.")
        }
        if !summary.rejected.isEmpty {
            lines.append("Set aside: \(summary.rejected.count) statement\(summary.rejected.count == 1 ? "" : "s") the LRS rejected (`preflight sync --retry-rejected` sends them again):")
            for entry in summary.rejected.prefix(10) {
                lines.append("  \(entry.id) (\(Self.describe(statement: entry.body))): \(entry.reason)")
            }
            if summary.rejected.count > 10 { lines.append("  … and \(summary.rejected.count - 10) more") }
        }
        return lines
    }

    /// "completed lessons/model-serving": the verb and the activity's path under the course.
    static func describe(statement body: String) -> String {
        guard let json = JSONValue.parse(body) else { return "unreadable" }
        let verb = json["verb"]?["id"]?.string?.split(separator: "/").last.map(String.init) ?? "?"
        let object = json["object"]?["id"]?.string ?? "?"
        return "\(verb) \(object)"
    }

    static func ago(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        if seconds < 90 { return "\(Int(seconds)) s ago" }
        if seconds < 5400 { return "\(Int((seconds / 60).rounded())) min ago" }
        if seconds < 129_600 { return "\(Int((seconds / 3600).rounded())) h ago" }
        return "\(Int((seconds / 86_400).rounded())) days ago"
    }

    /// Statements waiting, as their JSON (for `sync --status --json` and tests).
    public static func pending(_ book: ProgressBook) throws -> [String] {
        try book.access("read the outbox") { try book.store.pendingStatements().map(\.body) }
    }

    public static func retryRejected(_ book: ProgressBook) throws -> Int {
        try book.access("queue the rejected statements again") { try book.store.requeueRejected() }
    }
}
