import CRunnerSupport
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What a host says, one JSON line each (see `HostProgram`).
enum HostEvent: Sendable, Equatable {
    case ready(isInit: Bool, python: String)
    case started(pid_t)
    /// The example could not be set up or executed: the step that failed and its errno.
    case failed(step: String, error: Int32)
    /// The example's own process ended with this wait status.
    case exited(Int32)
    /// After a stop: this many other processes were still running and were killed.
    case stopped(Int)
}

/// What Preflight asks a host to run: a program (cold) or a Python file in the warm interpreter.
enum HostCommand: Sendable, Equatable {
    case execute(arguments: [String])
    case runPython(file: String)
}

/// One long-lived host process and its control socket. Used by one worker at a time; the small
/// mutable state (the unread part of the socket's stream) is behind a lock all the same.
final class ExampleHost: Sendable {
    struct LaunchFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The process `pf_spawn` started (bubblewrap's own process in a sandbox).
    let spawned: pid_t
    /// The host itself, as this machine numbers it; killing it ends its whole namespace.
    let hostPID: pid_t
    let control: Int32
    let isInit: Bool
    /// The interpreter the host runs, resolved past any version-manager shim.
    let python: String
    let containment: Containment
    private let pending = Mutex<[UInt8]>([])
    private let closed = Mutex(false)

    private init(spawned: pid_t, hostPID: pid_t, control: Int32, isInit: Bool, python: String, containment: Containment) {
        self.spawned = spawned
        self.hostPID = hostPID
        self.control = control
        self.isInit = isInit
        self.python = python
        self.containment = containment
    }

    /// Starts a host and waits for it to say it is ready.
    static func launch(python: String, containment: Containment, folder: URL, environment: [String: String], visible: [String], cgroup: Cgroup?, number: Int) -> Result<ExampleHost, LaunchFailure> {
        var sockets: [Int32] = [-1, -1], info: [Int32] = [-1, -1]
        guard pf_socketpair_cloexec(&sockets) == 0, pf_pipe_cloexec(&info) == 0 else {
            return .failure(LaunchFailure(description: "cannot make the host's control socket: \(String(cString: strerror(errno)))"))
        }
        let logPath = folder.appendingPathComponent("host-\(number).log").path
        let log = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let programArguments = [python, "-c", HostProgram.source]
        var arguments = programArguments
        var flags = Int32(PF_NEW_SESSION)
        switch containment.isolation {
        case .sandbox(let bwrap):
            let run = folder.path
            // Everything read-only, then a private /tmp, then back on top of it what lies under
            // /tmp but must stay visible (read-only), and the run's own folder (writable).
            let shown = visible.filter { $0.hasPrefix("/tmp/") && !run.hasPrefix($0) }.flatMap { ["--ro-bind-try", $0, $0] }
            arguments = [bwrap, "--unshare-all", "--new-session", "--as-pid-1", "--info-fd", "4",
                         "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
                + shown + ["--bind", run, run, "--chdir", run, "--"] + programArguments
        case .pidNamespace:
            flags |= Int32(PF_NEW_PID_NAMESPACE)
        case .subreaper:
            break
        }
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let cgroupFDs = cgroup?.openProcs() ?? []
        defer { for fd in cgroupFDs { close(fd) } }
        let descriptors: [Int32] = [-1, -1, log, sockets[1], info[1]]
        var failure = pf_spawn_failure()
        let pid = withCStrings(arguments) { argv in
            withCStrings(envp) { env in
                descriptors.withUnsafeBufferPointer { fds in
                    cgroupFDs.withUnsafeBufferPointer { groups in
                        pf_spawn(arguments[0], argv, env, folder.path, fds.baseAddress, Int32(fds.count), pf_limits(), flags,
                                 groups.baseAddress, Int32(groups.count), &failure)
                    }
                }
            }
        }
        close(sockets[1]); close(info[1])
        if log >= 0 { close(log) }
        guard pid > 0 else {
            close(sockets[0]); close(info[0])
            let step = withUnsafeBytes(of: failure.step) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return .failure(LaunchFailure(description: "cannot start \(arguments[0]): \(step): \(String(cString: strerror(failure.error)))"))
        }
        var hostPID = pid
        if case .sandbox = containment.isolation {
            // bubblewrap names the sandbox's process 1 (the host) on its info descriptor.
            let text = String(decoding: readJSON(info[0], deadline: DispatchTime.now().uptimeNanoseconds + 10_000_000_000), as: UTF8.self)
            if let range = text.range(of: #""child-pid"\s*:\s*(\d+)"#, options: .regularExpression),
               let number = pid_t(text[range].split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) {
                hostPID = number
            }
        }
        close(info[0])
        let partial = ExampleHost(spawned: pid, hostPID: hostPID, control: sockets[0], isInit: false, python: python, containment: containment)
        guard case .event(.ready(let isInit, let realPython)) = partial.next(deadline: DispatchTime.now().uptimeNanoseconds + 15_000_000_000) else {
            partial.kill()
            let reason = (try? String(contentsOfFile: logPath, encoding: .utf8))?.split(separator: "\n").first.map(String.init)
            return .failure(LaunchFailure(description: reason ?? "the example host did not start"))
        }
        return .success(ExampleHost(spawned: pid, hostPID: hostPID, control: sockets[0], isInit: isInit, python: realPython, containment: containment))
    }

    /// Sends one line; `fds` travel with it.
    func send(_ message: some Encodable, fds: [Int32] = []) -> Bool {
        guard var line = try? JSONEncoder().encode(message) else { return false }
        line.append(0x0A)
        return line.withUnsafeBytes { bytes in
            fds.withUnsafeBufferPointer { pf_send_with_fds(control, bytes.baseAddress, bytes.count, $0.baseAddress, Int32($0.count)) == 0 }
        }
    }

    enum Read: Equatable {
        case event(HostEvent)
        case timeout
        /// The host has gone (or said something that is not the protocol).
        case closed
    }

    /// The next event, waiting until `deadline` (uptime nanoseconds) at most.
    func next(deadline: UInt64) -> Read {
        while true {
            if let event = takeEvent() { return event }
            if closed.withLock({ $0 }) { return .closed }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .timeout }
            var entry = pollfd(fd: control, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min((deadline - now) / 1_000_000 + 1, 1000)))
            if ready < 0 && errno != EINTR { closed.withLock { $0 = true } }
            if ready > 0 { receive() }
        }
    }

    /// Reads what the socket holds without waiting (call when poll says it is readable).
    func receive() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(control, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        if count > 0 {
            pending.withLock { $0 += buffer[..<count] }
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            closed.withLock { $0 = true }
        }
    }

    /// One complete line from what was received, decoded; nil when no line is complete.
    private func takeEvent() -> Read? {
        let line: [UInt8]? = pending.withLock { bytes in
            guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
            let line = Array(bytes[..<newline])
            bytes.removeSubrange(...newline)
            return line
        }
        guard let line else { return nil }
        guard let message = try? JSONDecoder().decode(Message.self, from: Data(line)), let event = message.event else { return .closed }
        return .event(event)
    }

    private struct Message: Decodable {
        var ready: Int?
        var `init`: Bool?
        var python: String?
        var started: Int32?
        var failed: String?
        var errno: Int32?
        var exited: Int32?
        var stopped: Int?

        var event: HostEvent? {
            if ready != nil { return .ready(isInit: `init` ?? false, python: python ?? "") }
            if let started { return .started(started) }
            if let failed { return .failed(step: failed, error: errno ?? 0) }
            if let exited { return .exited(exited) }
            if let stopped { return .stopped(stopped) }
            return nil
        }
    }

    /// Ends the host: closing the socket tells it to kill what is left and exit; one that does
    /// not within a second is killed, and in a namespace its end takes everything with it.
    func shutDown() {
        close(control)
        let until = DispatchTime.now().uptimeNanoseconds + 1_000_000_000
        var status: Int32 = 0
        while DispatchTime.now().uptimeNanoseconds < until {
            let reaped = waitpid(spawned, &status, WNOHANG)
            if reaped == spawned || (reaped < 0 && errno == ECHILD) { return }
            usleep(5_000)
        }
        kill()
    }

    /// Kills the host at once (and with it its namespace) and reaps what this process started.
    func kill() {
        Glibc.kill(hostPID, SIGKILL)
        if spawned != hostPID { Glibc.kill(spawned, SIGKILL) }
        var status: Int32 = 0
        while waitpid(spawned, &status, 0) < 0 && errno == EINTR {}
        closed.withLock { $0 = true }
    }

    /// True while the host process runs and its socket is open.
    var isAlive: Bool {
        guard !closed.withLock({ $0 }) else { return false }
        var entry = pollfd(fd: control, events: Int16(POLLIN), revents: 0)
        // A live, idle host has nothing to say: readable here means it hung up.
        return poll(&entry, 1, 0) == 0
    }
}

/// Reads one small JSON object: until its closing brace, end of file or the deadline.
func readJSON(_ fd: Int32, deadline: UInt64) -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while DispatchTime.now().uptimeNanoseconds < deadline {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let now = DispatchTime.now().uptimeNanoseconds
        guard poll(&entry, 1, Int32(min((deadline - now) / 1_000_000 + 1, 1000))) >= 0 || errno == EINTR else { break }
        if entry.revents == 0 { continue }
        let count = read(fd, &buffer, buffer.count)
        if count > 0 {
            result += buffer[..<count]
            if result.contains(UInt8(ascii: "}")) { break }
            continue
        }
        if count < 0 && errno == EINTR { continue }
        break
    }
    return result
}

func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
