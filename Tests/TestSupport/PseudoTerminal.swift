import CTestPTY
import Foundation

/// A program running on a real pseudo-terminal: type keys, read what it drew, see how it ended
/// and whether it gave the terminal back in cooked mode.
public final class PseudoTerminal {
    public let pid: pid_t
    let master: Int32
    let slave: Int32
    public private(set) var transcript = ""
    /// What the terminal shows now, rebuilt from everything the program wrote.
    public private(set) var screen: TerminalScreen

    public init(executable: URL, arguments: [String], environment: [String: String], rows: Int = 24, columns: Int = 80) throws {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env.removeValue(forKey: "NO_COLOR")
        // What a command keeps by itself (progress, the course index) is the test run's, never the developer's.
        env.removeValue(forKey: "PREFLIGHT_STATE")
        env["XDG_STATE_HOME"] = PreflightBinary.stateHome.path
        for (key, value) in environment { env[key] = value }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var master: Int32 = -1, slave: Int32 = -1
        screen = TerminalScreen(rows: rows, columns: columns)
        pid = test_pty_spawn(executable.path, argv, envp, Int32(rows), Int32(columns), &master, &slave)
        guard pid > 0 else { throw NSError(domain: "PseudoTerminal", code: 1) }
        self.master = master
        self.slave = slave
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    public func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    public func resize(rows: Int, columns: Int) {
        pump(milliseconds: 0)
        screen.resize(rows: rows, columns: columns)
        _ = test_pty_resize(master, Int32(rows), Int32(columns))
    }

    /// Reads until `text` appears in the output after `since` (a transcript offset), or the time runs out.
    @discardableResult
    public func waitFor(_ text: String, since: String.Index? = nil, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(milliseconds: 50)
            let start = since ?? transcript.startIndex
            if transcript[start...].contains(text) { return true }
        }
        return false
    }

    public var mark: String.Index { transcript.endIndex }

    /// Reads until the screen satisfies `condition` (it is redrawn in place, so this is what
    /// the learner sees at that moment), or the time runs out.
    @discardableResult
    public func waitForScreen(timeout: Double = 10, _ condition: (TerminalScreen) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(milliseconds: 50)
            if condition(screen) { return true }
        }
        return condition(screen)
    }

    /// Reads until the screen shows `text`.
    @discardableResult
    public func waitForScreen(showing text: String, timeout: Double = 10) -> Bool {
        waitForScreen(timeout: timeout) { $0.contains(text) }
    }

    func pump(milliseconds: Int32) {
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { return }
            transcript += String(decoding: buffer[..<count], as: UTF8.self)
            screen.feed(Array(buffer[..<count]))
        }
    }

    /// Waits for the program to end; nil when it is still running at the deadline.
    public func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            pump(milliseconds: 20)
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F) }
        }
        return nil
    }

    /// True when the terminal is back in cooked mode (echo and line editing on).
    public var isCooked: Bool { test_pty_is_cooked(slave) == 1 }

    public func signal(_ sig: Int32) { kill(pid, sig) }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, WNOHANG)
        close(master)
        close(slave)
    }
}
