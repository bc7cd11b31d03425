import CRunnerSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended.
public enum Termination: Sendable, Hashable {
    case exited(Int32)
    case signaled(Int32)
    /// Killed, with its whole process group, at the deadline.
    case timedOut
    /// Killed, with its whole process group, after writing more than the output cap.
    case outputCapExceeded
}

public struct ProcessOutcome: Sendable {
    public var termination: Termination
    public var stdout: Data
    public var stderr: Data
    public var duration: Double
}

public struct SpawnError: Error, Sendable, CustomStringConvertible {
    public var program: String
    public var code: Int32
    public var description: String { "cannot run `\(program)`: \(String(cString: strerror(code)))" }
}

/// Runs one program to completion under `ProcessLimits`: its own process group, no standard
/// input, output captured up to a cap, killed with every descendant at the deadline, and every
/// process it leaves behind reaped before this returns.
public enum ChildProcess {
    private static let subreaper: Void = { _ = pf_become_subreaper() }()

    public static func run(executable: String, arguments: [String], environment: [String: String], directory: String, limits: ProcessLimits) throws -> ProcessOutcome {
        _ = subreaper
        let started = DispatchTime.now()
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pf_pipe_cloexec(&outPipe) == 0 else { throw SpawnError(program: executable, code: errno) }
        guard pf_pipe_cloexec(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw SpawnError(program: executable, code: errno)
        }
        let pid = spawn(executable: executable, arguments: arguments, environment: environment, directory: directory,
                        descriptors: [-1, outPipe[1], errPipe[1]], limits: limits)
        close(outPipe[1]); close(errPipe[1])
        guard pid > 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw SpawnError(program: executable, code: -pid)
        }
        var collector = OutputCollector(fds: [outPipe[0], errPipe[0]], cap: limits.outputCap)
        let deadline = started.uptimeNanoseconds + UInt64(limits.timeout * 1_000_000_000)
        var termination: Termination?
        var exitStatus: Int32?
        while termination == nil {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { termination = .timedOut; break }
            collector.wait(timeoutMilliseconds: exitStatus == nil ? Int32(min(50, (deadline - now) / 1_000_000 + 1)) : 0)
            if collector.overCap { termination = .outputCapExceeded; break }
            if exitStatus == nil { exitStatus = peekExit(pid) }
            // The leader has ended: kill what it left in its group, then read to the end.
            if let status = exitStatus {
                killpg(pid, SIGKILL)
                if collector.allClosed { termination = decode(status) }
                else if DispatchTime.now().uptimeNanoseconds >= deadline { termination = decode(status) }
            }
        }
        killpg(pid, SIGKILL)
        reap(pid)
        collector.drain(until: DispatchTime.now().uptimeNanoseconds + 500_000_000)
        collector.closeAll()
        let duration = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return ProcessOutcome(termination: termination ?? .timedOut, stdout: collector.data[0], stderr: collector.data[1], duration: duration)
    }

    /// Starts a program in its own process group with descriptor i set to `descriptors[i]`
    /// (-1 for /dev/null); returns its pid, or -errno.
    static func spawn(executable: String, arguments: [String], environment: [String: String], directory: String, descriptors: [Int32], limits: ProcessLimits) -> pid_t {
        let argv = [executable] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in
                descriptors.withUnsafeBufferPointer { fds in
                    pf_spawn(executable, argvPointers, envPointers, directory, fds.baseAddress, Int32(fds.count),
                             pf_limits(cpu_seconds: limits.cpuSeconds, memory_bytes: limits.memoryBytes, file_size_bytes: limits.fileSizeBytes))
                }
            }
        }
    }

    /// The leader's wait status if it has ended, without reaping it, so its pid (and so its
    /// group id) cannot be reused before the group is killed.
    private static func peekExit(_ pid: pid_t) -> Int32? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info._sifields._sigchld.si_pid == pid else { return nil }
        let code = info._sifields._sigchld.si_status
        return info.si_code == CLD_EXITED ? code << 8 : code & 0x7F
    }

    private static func decode(_ status: Int32) -> Termination {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    /// Reaps the leader and, as subreaper, every member of its group that was re-parented here.
    static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let until = DispatchTime.now().uptimeNanoseconds + 2_000_000_000
        while DispatchTime.now().uptimeNanoseconds < until {
            let reaped = waitpid(-pid, &status, WNOHANG)
            if reaped > 0 { continue }
            if reaped < 0 { break }   // ECHILD: nothing of that group is ours any more
            usleep(2_000)
        }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
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

    mutating func wait(timeoutMilliseconds: Int32) {
        var entries = fds.indices.filter { open[$0] }.map { pollfd(fd: fds[$0], events: Int16(POLLIN), revents: 0) }
        guard !entries.isEmpty else {
            // Both pipes are closed but the process has not been seen to end: look again soon.
            if timeoutMilliseconds > 0 { usleep(500) }
            return
        }
        let ready = poll(&entries, nfds_t(entries.count), timeoutMilliseconds)
        guard ready > 0 else { return }
        for entry in entries where entry.revents != 0 {
            guard let index = fds.firstIndex(of: entry.fd) else { continue }
            readAvailable(index)
        }
    }

    mutating func drain(until deadline: UInt64) {
        while !allClosed && !overCap && DispatchTime.now().uptimeNanoseconds < deadline { wait(timeoutMilliseconds: 20) }
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
        for fd in fds { close(fd) }
        open = open.map { _ in false }
    }
}
