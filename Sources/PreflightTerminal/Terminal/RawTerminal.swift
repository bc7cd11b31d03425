#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw keyboard mode and the alternate screen, always given back: on normal exit, on Ctrl-C,
/// on SIGTERM, SIGHUP and SIGQUIT, and on the crash path (SIGSEGV, SIGILL, SIGTRAP, SIGABRT,
/// SIGBUS), where the handler restores the terminal and then lets the signal do its work.
public final class RawTerminal {
    public private(set) var isActive = false

    public init?() {
        guard isatty(0) == 1, isatty(1) == 1 else { return nil }
    }

    public func enter() {
        guard !isActive else { return }
        var original = termios()
        guard tcgetattr(0, &original) == 0 else { return }
        TerminalRestore.saved = original
        TerminalRestore.hasSaved = true
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSAFLUSH, &raw)
        TerminalRestore.installHandlers()
        write(ANSI.enterAlternateScreen + ANSI.hideCursor)
        isActive = true
    }

    public func restore() {
        guard isActive else { return }
        TerminalRestore.restoreNow()
        isActive = false
    }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    deinit { restore() }
}

/// State the signal handlers need: they may only touch globals and call async-signal-safe
/// functions (tcsetattr, write, signal, raise).
enum TerminalRestore {
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var hasSaved = false
    /// Written to on SIGWINCH so the event loop wakes and redraws.
    nonisolated(unsafe) static var resizePipe: [Int32] = [-1, -1]
    static let leaveSequence: [UInt8] = Array((ANSI.showCursor + ANSI.leaveAlternateScreen).utf8)

    static func restoreNow() {
        guard hasSaved else { return }
        tcsetattr(0, TCSAFLUSH, &saved)
        leaveSequence.withUnsafeBytes { _ = Glibc.write(1, $0.baseAddress, $0.count) }
        hasSaved = false
    }

    static func installHandlers() {
        if resizePipe[0] < 0 {
            var fds: [Int32] = [0, 0]
            if pipe(&fds) == 0 {
                resizePipe = fds
                for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            }
        }
        for sig in [SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS] {
            signal(sig) { received in
                if TerminalRestore.hasSaved {
                    tcsetattr(0, TCSAFLUSH, &TerminalRestore.saved)
                    TerminalRestore.leaveSequence.withUnsafeBytes { _ = Glibc.write(1, $0.baseAddress, $0.count) }
                    TerminalRestore.hasSaved = false
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        signal(SIGWINCH) { _ in
            var byte: UInt8 = 1
            _ = Glibc.write(TerminalRestore.resizePipe[1], &byte, 1)
        }
        atexit { TerminalRestore.restoreNow() }
    }
}
