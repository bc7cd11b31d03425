import Foundation
import PreflightRunner
import Synchronization

/// One HTTP request, as Preflight needs them for an LRS: a method, a URL, headers and a body.
public struct HTTPRequest: Sendable, Hashable, Encodable {
    public var method: String
    public var url: String
    public var headers: [String: String]
    public var body: String?
    /// Seconds to wait for the connection and for each read.
    public var timeout: Double

    public init(method: String, url: String, headers: [String: String] = [:], body: String? = nil, timeout: Double = 15) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// What came back: an HTTP answer, or why there was none.
public enum HTTPOutcome: Sendable, Hashable {
    case response(status: Int, reason: String, headers: [String: String], body: String)
    /// No HTTP answer: `kind` is `refused`, `timeout`, `dns`, `tls`, `network` or `helper`.
    case failure(kind: String, message: String)
}

/// Sends HTTP requests through the embedded Python helper (`HTTPProgram`), one at a time over a
/// kept-alive connection. The helper starts with the first request and ends with `close()` (or
/// with this process). A helper that stops answering is killed and the request reported as a
/// timeout; the next request starts a new one.
public final class HTTPTransport: Sendable {
    private let helper = Mutex<TrustedHelper?>(nil)
    let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    deinit { close() }

    public func send(_ request: HTTPRequest) -> HTTPOutcome {
        let running: TrustedHelper
        do {
            running = try helper.withLock { current in
                if let current { return current }
                let started = try TrustedHelper.startPython(source: HTTPProgram.source, environment: environment)
                current = started
                return started
            }
        } catch {
            return .failure(kind: "helper", message: "\(error)")
        }
        guard let line = try? JSONEncoder().encode(request), running.send(line: line) else {
            restart()
            return .failure(kind: "helper", message: "the HTTP helper (python3) is not running")
        }
        // The helper's own timeouts apply to connecting and to each read; this is the backstop
        // for a helper that hangs altogether.
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64((request.timeout * 3 + 5) * 1_000_000_000)
        switch running.receiveLine(deadline: deadline) {
        case .line(let data):
            guard let reply = try? JSONDecoder().decode(Reply.self, from: data) else {
                restart()
                return .failure(kind: "helper", message: "the HTTP helper answered something that is not its protocol")
            }
            if let status = reply.status {
                return .response(status: status, reason: reply.reason ?? "", headers: reply.headers ?? [:], body: reply.body ?? "")
            }
            return .failure(kind: reply.error ?? "network", message: reply.message ?? "no answer")
        case .timeout:
            restart()
            return .failure(kind: "timeout", message: "no answer in time")
        case .ended(let errors):
            restart()
            return .failure(kind: "helper", message: "the HTTP helper (python3) ended" + (errors.isEmpty ? "" : ": " + (errors.split(separator: "\n").last.map(String.init) ?? "")))
        }
    }

    private struct Reply: Decodable {
        var status: Int?
        var reason: String?
        var headers: [String: String]?
        var body: String?
        var error: String?
        var message: String?
    }

    private func restart() {
        let old = helper.withLock { current -> TrustedHelper? in
            defer { current = nil }
            return current
        }
        old?.stop()
    }

    /// Ends the helper now.
    public func close() { restart() }
}
