import CRunnerSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How an example's run ended.
public enum Termination: Sendable, Hashable {
    case exited(Int32)
    case signaled(Int32)
    /// Killed, with everything it started, at the deadline.
    case timedOut
    /// Killed, with everything it started, after writing more than the output cap.
    case outputCapExceeded
}

public struct ProcessOutcome: Sendable {
    public var termination: Termination
    public var stdout: Data
    public var stderr: Data
    public var duration: Double
    /// Processes the example left running when its own process ended; they were killed.
    public var stragglers: Int
}

/// Why an example could not be run at all.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// True when the host failed (rather than the example's own set-up): it must be replaced.
    var hostFailed: Bool
    /// True when nothing of the example ran yet, so trying again on a new host is safe.
    var beforeStart: Bool
}

/// The one supervision loop, for cold and warm runs alike: it hands the example's output pipes
/// to the host, reads them, keeps the deadline and the output cap, and decides the outcome from
/// the example's own process; then it has the host kill whatever is left and counts it. Waiting
/// is always `poll` with a real timeout, so a sleeping example costs no CPU here.
enum Supervisor {
    private struct Start: Encodable {
        struct Body: Encodable {
            var argv: [String]?
            var file: String?
            var cwd: String
            var env: [String: String]
            var limits: [String: Int]
        }
        var start: Body
    }

    private struct Stop: Encodable { var stop = 1 }

    static func run(_ command: HostCommand, on host: ExampleHost, directory: String, environment: [String: String],
                    limits: ProcessLimits) -> Result<ProcessOutcome, RunFailure> {
        let started = DispatchTime.now().uptimeNanoseconds
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pf_pipe_cloexec(&out) == 0 else { return .failure(RunFailure(description: "cannot make a pipe: \(String(cString: strerror(errno)))", hostFailed: false, beforeStart: true)) }
        guard pf_pipe_cloexec(&err) == 0 else {
            close(out[0]); close(out[1])
            return .failure(RunFailure(description: "cannot make a pipe: \(String(cString: strerror(errno)))", hostFailed: false, beforeStart: true))
        }
        var body = Start.Body(cwd: directory, env: environment, limits: [
            "cpu": limits.cpuSeconds, "memory": limits.memoryBytes, "fsize": limits.fileSizeBytes, "nproc": limits.processes,
        ])
        switch command {
        case .execute(let arguments): body.argv = arguments
        case .runPython(let file): body.file = file
        }
        let sent = host.send(Start(start: body), fds: [out[1], err[1]])
        close(out[1]); close(err[1])
        var collector = OutputCollector(fds: [out[0], err[0]], cap: limits.outputCap)
        defer { collector.closeAll() }
        guard sent else { return .failure(RunFailure(description: "the example host stopped answering", hostFailed: true, beforeStart: true)) }

        let examplePID: pid_t
        switch host.next(deadline: started + 15_000_000_000) {
        case .event(.started(let pid)): examplePID = pid
        case .event(.failed(let step, let error)):
            return .failure(RunFailure(description: "\(step): \(String(cString: strerror(error)))", hostFailed: false, beforeStart: true))
        default:
            return .failure(RunFailure(description: "the example host stopped answering", hostFailed: true, beforeStart: true))
        }

        let deadline = started + UInt64(limits.timeout * 1_000_000_000)
        var status: Int32?
        var graceEnd: UInt64?
        var stopping: Termination?
        var hostGone = false
        loop: while true {
            // Events already received first: one read of the socket may have brought several.
            events: while true {
                switch host.next(deadline: 0) {
                case .event(.exited(let wait)):
                    status = wait
                    graceEnd = DispatchTime.now().uptimeNanoseconds + UInt64(limits.grace * 1_000_000_000)
                case .event: continue
                case .timeout: break events
                case .closed: hostGone = true; break loop
                }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { stopping = .timedOut; break }
            if status != nil && collector.allClosed { break }
            if let graceEnd, now >= graceEnd { break }
            let wake = min(deadline, graceEnd ?? deadline)
            let ready = collector.wait(also: host.control, timeoutMilliseconds: Int32(min((wake - now) / 1_000_000 + 1, 60_000)))
            if collector.overCap { stopping = .outputCapExceeded; break }
            if ready { host.receive() }
        }

        var stragglers = 0
        if !hostGone && host.send(Stop()) {
            // Everything is being killed, so the pipes close soon; read them meanwhile.
            let until = DispatchTime.now().uptimeNanoseconds + 5_000_000_000
            waiting: while DispatchTime.now().uptimeNanoseconds < until {
                switch host.next(deadline: 0) {
                case .event(.stopped(let count)): stragglers = count; break waiting
                case .event(.exited(let wait)): if status == nil && stopping == nil { status = wait }
                case .event: break
                case .closed: hostGone = true; break waiting
                case .timeout:
                    if collector.wait(also: host.control, timeoutMilliseconds: 50) { host.receive() }
                    continue
                }
            }
        } else {
            hostGone = true
        }
        if hostGone && !host.isInit {
            // Without a namespace, the example's own session is what can still be named.
            kill(-examplePID, SIGKILL)
        }
        collector.drain(until: DispatchTime.now().uptimeNanoseconds + 500_000_000)
        let duration = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let termination: Termination
        if let stopping {
            termination = stopping
        } else if let status {
            termination = decode(status)
        } else {
            // The host went away before the example ended: the example was (or will be) killed
            // with it, and there is no honest verdict to give.
            return .failure(RunFailure(description: "the process supervising the example died while the example ran (the example may have killed its parent process, or memory ran out); the example was stopped", hostFailed: true, beforeStart: false))
        }
        if hostGone { return .failure(RunFailure(description: "the process supervising the example stopped answering after the example ended", hostFailed: true, beforeStart: false)) }
        return .success(ProcessOutcome(termination: termination, stdout: collector.data[0], stderr: collector.data[1], duration: duration, stragglers: stragglers))
    }

    static func decode(_ status: Int32) -> Termination {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }
}

/// Reads several pipes at once with poll(2), keeping at most `cap` bytes in all.
struct OutputCollector {
    var fds: [Int32]
    var open: [Bool]
    var data: [Data]
    let cap: Int
    private(set) var overCap = false

    init(fds: [Int32], cap: Int) {
        self.fds = fds
        self.open = fds.map { _ in true }
        self.data = fds.map { _ in Data() }
        self.cap = cap
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    var allClosed: Bool { !open.contains(true) }

    /// Waits for output (read at once) or for `extra` to become readable; true when `extra` is.
    mutating func wait(also extra: Int32, timeoutMilliseconds: Int32) -> Bool {
        var entries = fds.indices.filter { open[$0] }.map { pollfd(fd: fds[$0], events: Int16(POLLIN), revents: 0) }
        entries.append(pollfd(fd: extra, events: Int16(POLLIN), revents: 0))
        let ready = poll(&entries, nfds_t(entries.count), timeoutMilliseconds)
        guard ready > 0 else { return false }
        for entry in entries.dropLast() where entry.revents != 0 {
            guard let index = fds.firstIndex(of: entry.fd) else { continue }
            readAvailable(index)
        }
        return entries.last!.revents != 0
    }

    mutating func drain(until deadline: UInt64) {
        while !allClosed && !overCap {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return }
            var entries = fds.indices.filter { open[$0] }.map { pollfd(fd: fds[$0], events: Int16(POLLIN), revents: 0) }
            guard poll(&entries, nfds_t(entries.count), Int32((deadline - now) / 1_000_000 + 1)) > 0 else { continue }
            for entry in entries where entry.revents != 0 {
                if let index = fds.firstIndex(of: entry.fd) { readAvailable(index) }
            }
        }
    }

    private mutating func readAvailable(_ index: Int) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fds[index], &buffer, buffer.count)
            if count > 0 {
                let room = cap - data.reduce(0) { $0 + $1.count }
                data[index].append(contentsOf: buffer[..<min(count, max(room, 0))])
                if count > room { overCap = true; return }
                continue
            }
            if count == 0 || (errno != EAGAIN && errno != EINTR) { open[index] = false }
            return
        }
    }

    mutating func closeAll() {
        for (index, fd) in fds.enumerated() where fd >= 0 {
            close(fd)
            fds[index] = -1
        }
        open = open.map { _ in false }
    }
}
