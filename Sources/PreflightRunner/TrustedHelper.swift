import CRunnerSupport
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A program of Preflight's own (not a course's), run outside any sandbox because it needs what
/// examples may not have, such as the network: today the Python program that speaks HTTP to a
/// Learning Record Store. It talks in lines over one Unix socket that is its standard input and
/// output; its standard error is kept for the message when it fails. It runs in a process
/// group of its own, and the program is expected to ask the kernel to kill it when Preflight
/// ends (`PR_SET_PDEATHSIG`; it gets Preflight's pid as its first argument to check the race),
/// so it never outlives the command that started it.
public final class TrustedHelper: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    let pid: pid_t
    let socket: Int32
    let errors: Int32
    private let buffer = Mutex<[UInt8]>([])
    private let ended = Mutex(false)
    private let stopped = Mutex(false)

    private init(pid: pid_t, socket: Int32, errors: Int32) {
        self.pid = pid
        self.socket = socket
        self.errors = errors
    }

    deinit { stop() }

    /// Starts `python3 -c <source> <this process's pid>` (the interpreter found on `PATH`).
    public static func startPython(source: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TrustedHelper {
        let searchPath = environment["PATH"] ?? ExampleRunner.searchPath
        guard let python = ExecutableResolver.find("python3", searchPath: searchPath) else {
            throw Failure(description: "python3 was not found on PATH (\(searchPath)); Preflight needs it to reach the network")
        }
        var sockets: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        guard pf_socketpair_cloexec(&sockets) == 0 else { throw Failure(description: "cannot make a socket: \(String(cString: strerror(errno)))") }
        guard pf_pipe_cloexec(&errorPipe) == 0 else {
            close(sockets[0]); close(sockets[1])
            throw Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        var env = environment
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONIOENCODING"] = "utf-8"
        let arguments = [python, "-c", source, String(getpid())]
        let envp = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let descriptors: [Int32] = [sockets[1], sockets[1], errorPipe[1]]
        var failure = pf_spawn_failure()
        // No PF_NEW_SESSION: it stays in this session (it has no terminal to read anyway) but
        // in a group of its own, so a Ctrl-C meant for Preflight reaches Preflight first.
        let pid = withCStrings(arguments) { argv in
            withCStrings(envp) { env in
                descriptors.withUnsafeBufferPointer { fds in
                    pf_spawn(arguments[0], argv, env, nil, fds.baseAddress, Int32(fds.count), pf_limits(), 0, nil, 0, &failure)
                }
            }
        }
        close(sockets[1]); close(errorPipe[1])
        guard pid > 0 else {
            close(sockets[0]); close(errorPipe[0])
            let step = withUnsafeBytes(of: failure.step) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw Failure(description: "cannot start \(python): \(step): \(String(cString: strerror(failure.error)))")
        }
        return TrustedHelper(pid: pid, socket: sockets[0], errors: errorPipe[0])
    }

    /// Sends one line (a newline is added). False when the helper has gone.
    public func send(line: Data) -> Bool {
        var bytes = [UInt8](line)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    public enum Reply: Sendable, Equatable {
        case line(Data)
        /// Nothing came before the deadline.
        case timeout
        /// The helper ended; what it wrote on standard error, if anything.
        case ended(String)
    }

    /// The next line the helper writes, waiting until `deadline` (uptime nanoseconds).
    public func receiveLine(deadline: UInt64) -> Reply {
        while true {
            if let line = takeLine() { return .line(line) }
            if ended.withLock({ $0 }) { return .ended(errorOutput()) }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .timeout }
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min((deadline - now) / 1_000_000 + 1, 1000)))
            if ready < 0 && errno != EINTR { ended.withLock { $0 = true } }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = recv(socket, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                buffer.withLock { $0 += chunk[..<count] }
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                ended.withLock { $0 = true }
            }
        }
    }

    private func takeLine() -> Data? {
        buffer.withLock { bytes in
            guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
            let line = Data(bytes[..<newline])
            bytes.removeSubrange(...newline)
            return line
        }
    }

    /// What the helper wrote on standard error (the start of it), once it has ended.
    private func errorOutput() -> String {
        var collected: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let flags = fcntl(errors, F_GETFL)
        _ = fcntl(errors, F_SETFL, flags | O_NONBLOCK)
        while collected.count < 8192 {
            let count = read(errors, &chunk, chunk.count)
            if count <= 0 { break }
            collected += chunk[..<count]
        }
        return String(decoding: collected, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Ends the helper: closing its input asks it to finish; it is killed (with its group) if it
    /// has not ended within a fraction of a second, and always reaped.
    public func stop() {
        let first = stopped.withLock { state -> Bool in
            defer { state = true }
            return !state
        }
        guard first else { return }
        ended.withLock { $0 = true }
        shutdown(socket, Int32(SHUT_RDWR))
        var status: Int32 = 0
        let until = DispatchTime.now().uptimeNanoseconds + 300_000_000
        var reaped = false
        while DispatchTime.now().uptimeNanoseconds < until {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno == ECHILD) { reaped = true; break }
            usleep(2_000)
        }
        if !reaped {
            killpg(pid, SIGKILL)
            Glibc.kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        close(socket)
        close(errors)
    }
}

/// Starts a program that carries on after this command ends (the background `preflight sync`):
/// in a session of its own (no terminal, so closing the window does not hang it up), with
/// /dev/null for its standard streams. Nobody waits for it; a thread of this process reaps it
/// if it ends first, so a long-lived caller keeps no zombie.
public enum DetachedLaunch {
    /// This program's own executable, as the kernel knows it.
    public static var currentExecutable: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func start(executable: String, arguments: [String], environment: [String: String]) throws {
        let argv = [executable] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let descriptors: [Int32] = [-1, -1, -1]
        var failure = pf_spawn_failure()
        let pid = withCStrings(argv) { args in
            withCStrings(envp) { env in
                descriptors.withUnsafeBufferPointer { fds in
                    pf_spawn(executable, args, env, "/", fds.baseAddress, Int32(fds.count), pf_limits(), Int32(PF_NEW_SESSION), nil, 0, &failure)
                }
            }
        }
        guard pid > 0 else {
            let step = withUnsafeBytes(of: failure.step) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw TrustedHelper.Failure(description: "cannot start \(executable): \(step): \(String(cString: strerror(failure.error)))")
        }
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }
}
