import CRunnerSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One long-lived Python interpreter running `warm_runner.py`, which forks a fresh child per
/// example. The protocol is one JSON line each way over two pipes (docs/warm-runner.md). Any
/// failure (the interpreter crashed, wedged past the deadline, or answered nonsense) kills it
/// and its whole group; the caller then runs that example cold and starts a new interpreter.
final class WarmInterpreter {
    let pid: pid_t
    private let requests: Int32
    private let responses: Int32
    private var pending = Data()

    struct Request: Encodable {
        var file, cwd: String
        var env: [String: String]
        var timeout: Double
        var cpu, memory, fsize, cap: Int
    }

    private struct Response: Decodable {
        var status: String
        var code: Int32
        var stdout, stderr: String
        var seconds: Double
    }

    /// Starts the interpreter and waits for its ready line.
    init?(python: String, script: String, environment: [String: String], directory: String) {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pf_pipe_cloexec(&toChild) == 0 else { return nil }
        guard pf_pipe_cloexec(&fromChild) == 0 else { close(toChild[0]); close(toChild[1]); return nil }
        // The warm parent itself runs without limits on CPU time; each example's child gets its own.
        let unlimited = ProcessLimits(timeout: 0, cpuSeconds: 0, memoryBytes: 0, fileSizeBytes: 0)
        let started = ChildProcess.spawn(executable: python, arguments: [script], environment: environment, directory: directory,
                                         descriptors: [-1, -1, -1, toChild[0], fromChild[1]], limits: unlimited)
        close(toChild[0]); close(fromChild[1])
        requests = toChild[1]
        responses = fromChild[0]
        pid = started
        guard started > 0 else { close(requests); close(responses); return nil }
        guard let line = readLine(deadline: DispatchTime.now().uptimeNanoseconds + 10_000_000_000), line.contains("\"ready\"") else {
            shutDown()
            return nil
        }
    }

    /// Runs one example; nil when the interpreter failed and must be replaced.
    func run(_ request: Request) -> ProcessOutcome? {
        guard var line = try? JSONEncoder().encode(request) else { return nil }
        line.append(0x0A)
        guard line.withUnsafeBytes({ writeAll(requests, $0) }) else { return nil }
        // The child's own deadline is enforced inside; this one catches a wedged interpreter.
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64((request.timeout + 10) * 1_000_000_000)
        guard let reply = readLine(deadline: deadline), let response = try? JSONDecoder().decode(Response.self, from: Data(reply.utf8)) else { return nil }
        let termination: Termination
        switch response.status {
        case "exited": termination = .exited(response.code)
        case "signaled": termination = .signaled(response.code)
        case "timeout": termination = .timedOut
        case "cap": termination = .outputCapExceeded
        default: return nil
        }
        return ProcessOutcome(termination: termination, stdout: Data(base64Encoded: response.stdout) ?? Data(),
                              stderr: Data(base64Encoded: response.stderr) ?? Data(), duration: response.seconds)
    }

    private func readLine(deadline: UInt64) -> String? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var scanned = 0  // bytes of `pending` already known to hold no newline
        while true {
            if let newline = pending[(pending.startIndex + scanned)...].firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                return String(decoding: line, as: UTF8.self)
            }
            scanned = pending.count
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return nil }
            var entry = pollfd(fd: responses, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min((deadline - now) / 1_000_000 + 1, 1000)))
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            let count = read(responses, &buffer, buffer.count)
            if count == 0 { return nil }
            if count < 0 { if errno == EINTR || errno == EAGAIN { continue } else { return nil } }
            pending.append(contentsOf: buffer[..<count])
        }
    }

    /// Kills the interpreter and every example child it still has, and reaps them.
    func shutDown() {
        close(requests)
        close(responses)
        killpg(pid, SIGKILL)
        kill(pid, SIGKILL)
        ChildProcess.reap(pid)
    }

}

/// Warm interpreters for one run, at most one per worker, handed out one at a time.
public final class WarmPool: @unchecked Sendable {
    private let python: String
    private let script: String
    private let environment: [String: String]
    private var idle: [WarmInterpreter] = []
    private let lock = NSLock()
    private let folder: URL
    public private(set) var replacements = 0

    /// - Parameter environment: what every example sees apart from HOME and TMPDIR; the warm
    ///   interpreter starts with it, so settings read at start-up (PYTHONHASHSEED, the
    ///   encoding of the standard streams) match a cold start.
    public init?(python: String, environment: [String: String]) {
        guard let script = Bundle.module.url(forResource: "warm_runner", withExtension: "py")?.path else { return nil }
        self.python = python
        self.script = script
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-warm-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var env = environment
        env["HOME"] = folder.path
        env["TMPDIR"] = folder.path
        self.environment = env
    }

    func run(_ request: WarmInterpreter.Request) -> ProcessOutcome? {
        let interpreter: WarmInterpreter? = lock.withLock { idle.popLast() } ?? WarmInterpreter(python: python, script: script, environment: environment, directory: folder.path)
        guard let interpreter else { return nil }
        guard let outcome = interpreter.run(request) else {
            interpreter.shutDown()
            lock.withLock { replacements += 1 }
            return nil
        }
        lock.withLock { idle.append(interpreter) }
        return outcome
    }

    deinit {
        for interpreter in idle { interpreter.shutDown() }
        try? FileManager.default.removeItem(at: folder)
    }
}
