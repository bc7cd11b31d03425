import Foundation
import PreflightStore

/// `preflight sync`: sends the outbox to the LRS in batches, oldest first.
///
/// - A batch the LRS accepts (200, or 204 when it had every statement already) leaves the outbox.
/// - A batch it refuses as malformed (400, 409 for an id it holds with other content, 413) is
///   split until the refused statement stands alone; that one is set aside with the LRS's reason
///   (`sync --status` shows it, `sync --retry-rejected` queues it again) and the rest go on.
/// - Refused credentials (401, 403) stop the sync at once: retrying cannot help.
/// - No answer, or a server error (5xx, 429, 408), is retried with backoff a few times; then the
///   sync stops and everything stays queued for the next one.
///
/// Statements are taken by claiming them in the database, so concurrent syncs (a background one
/// and a learner's own) never send the same statement at once; ids are deterministic, so a
/// statement sent again after a crash or kill is recognised by the LRS rather than duplicated.
public final class RecordSync: Sendable {
    public struct Options: Sendable {
        public var batchSize = 50
        /// Seconds from the start after which no new batch is begun.
        public var timeLimit: Double = 120
        /// Retries of one batch after no answer or a server error, with backoff.
        public var retries = 3
        public var requestTimeout: Double = 15
        /// Wait for statements another sync holds (a dead one's, while its request may still
        /// land; a live one's, until it is done), within the time limit.
        public var waitForOthers = true
        /// First backoff, doubled at each retry.
        public var backoff: Double = 0.5

        public init() {}
    }

    public enum Stop: Sendable, Hashable {
        case unreachable(String)
        case credentials(String)
        case server(String)
        case timeLimit

        /// A short key kept in the database (`sync --status`).
        var kind: String {
            switch self {
            case .unreachable: return "unreachable"
            case .credentials: return "credentials"
            case .server: return "server"
            case .timeLimit: return "time-limit"
            }
        }

        public var message: String {
            switch self {
            case .unreachable(let text), .credentials(let text), .server(let text): return text
            case .timeLimit: return "the sync ran out of time; the rest waits for the next one"
            }
        }
    }

    public struct Report: Sendable {
        public var sent = 0
        public var rejected: [(id: String, reason: String)] = []
        public var remaining = 0
        public var stop: Stop?
    }

    let book: ProgressBook
    let connection: LRSConnection
    let owner = ProcessIdentity.current.token

    public init(book: ProgressBook, connection: LRSConnection) {
        self.book = book
        self.connection = connection
    }

    var store: ProgressStore { book.store }

    public func run(_ options: Options = Options(), environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Report {
        let transport = HTTPTransport(environment: environment)
        defer { transport.close() }
        let client = LRSClient(connection: connection, transport: transport, timeout: options.requestTimeout)
        let started = Date()
        var report = Report()
        defer { try? store.releaseAll(owner: owner) }
        do {
            while true {
                if Date().timeIntervalSince(started) > options.timeLimit { report.stop = .timeLimit; break }
                // Long enough for any request in flight; a dead owner's claims are taken over
                // after `grace`, when its last request has had time to land.
                let lease = options.requestTimeout * Double(options.retries + 2) * 3 + 60
                let grace = min(options.requestTimeout, 2)
                let batch = try store.claimOutbox(owner: owner, limit: options.batchSize, lease: lease, grace: grace,
                                                  isAbandoned: ProcessIdentity.isAbandoned)
                if batch.isEmpty {
                    if options.waitForOthers, try store.heldElsewhere(owner: owner) > 0,
                       Date().timeIntervalSince(started) + 0.25 < options.timeLimit {
                        Thread.sleep(forTimeInterval: 0.25)
                        continue
                    }
                    break
                }
                if let stop = try deliver(batch, client: client, options: options, started: started, report: &report) {
                    report.stop = stop
                    break
                }
            }
            report.remaining = try store.outboxSummary().pending
            try store.recordSyncEnd(at: Date().timeIntervalSince1970, succeeded: report.stop == nil || report.stop == .timeLimit,
                                    errorKind: report.stop?.kind, error: report.stop?.message)
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(.data, "\(store.url.path): the outbox could not be read or updated: \(error)")
        }
        return report
    }

    /// Sends one batch; nil when every statement in it was settled (accepted or set aside).
    private func deliver(_ entries: [OutboxEntry], client: LRSClient, options: Options, started: Date, report: inout Report) throws -> Stop? {
        var attempt = 0
        while true {
            let outcome = client.post(entries.map(\.body))
            var retryable: Stop
            switch outcome {
            case .response(let status, _, _, _) where (200..<300).contains(status):
                report.sent += try store.acknowledge(entries.map(\.id), owner: owner)
                return nil
            case .response(let status, _, _, let body) where [400, 409, 413, 422].contains(status):
                guard entries.count > 1 else {
                    let reason = "HTTP \(status): " + LRSClient.reason(body)
                    try store.reject(entries[0].id, owner: owner, reason: reason)
                    report.rejected.append((entries[0].id, reason))
                    return nil
                }
                let middle = entries.count / 2
                for half in [Array(entries[..<middle]), Array(entries[middle...])] {
                    if let stop = try deliver(half, client: client, options: options, started: started, report: &report) { return stop }
                }
                return nil
            case .response(let status, let reason, _, _) where status == 401 || status == 403:
                try store.release(entries.map(\.id), owner: owner, countAttempt: false)
                return .credentials("the LRS at \(connection.endpoint) refused the credentials of user `\(connection.user)` (HTTP \(status) \(reason)); run `preflight lrs connect \(connection.endpoint) --user \(connection.user)` again with the right password")
            case .response(let status, let reason, _, let body) where status >= 500 || status == 429 || status == 408:
                retryable = .server("the LRS at \(connection.endpoint) answered HTTP \(status) \(reason)" + (body.isEmpty ? "" : ": " + LRSClient.reason(body)) + "; the statements stay in the outbox for the next sync")
            case .response(let status, let reason, _, let body):
                try store.release(entries.map(\.id), owner: owner, countAttempt: true)
                let hint = status == 404 || status == 405 ? " (is \(connection.endpoint) the LRS's xAPI endpoint? statements are sent to \(connection.statementsURL))" : ""
                return .server("the LRS answered HTTP \(status) \(reason)\(hint)" + (body.isEmpty ? "" : ": " + LRSClient.reason(body)))
            case .failure(let kind, let message):
                retryable = .unreachable(Self.unreachable(kind: kind, message: message, endpoint: connection.endpoint))
            }
            attempt += 1
            let wait = options.backoff * pow(2, Double(attempt - 1)) * Double.random(in: 0.8...1.2)
            if attempt > options.retries || Date().timeIntervalSince(started) + wait > options.timeLimit {
                try store.release(entries.map(\.id), owner: owner, countAttempt: true)
                return retryable
            }
            Thread.sleep(forTimeInterval: wait)
        }
    }

    static func unreachable(kind: String, message: String, endpoint: String) -> String {
        switch kind {
        case "refused": return "could not reach the LRS at \(endpoint): the connection was refused (is it running? is the address right?); the statements stay in the outbox"
        case "dns": return "could not reach the LRS at \(endpoint): \(message) (are you online?); the statements stay in the outbox"
        case "timeout": return "could not reach the LRS at \(endpoint): it did not answer in time (are you online?); the statements stay in the outbox"
        case "tls": return "could not reach the LRS at \(endpoint) securely: \(message); the statements stay in the outbox"
        default: return "could not reach the LRS at \(endpoint): \(message); the statements stay in the outbox"
        }
    }
}
