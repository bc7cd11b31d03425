import CTerminalSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw keyboard mode and the alternate screen, always given back: on normal exit, on Ctrl-C,
/// on SIGTERM, SIGHUP and SIGQUIT, and on the crash path (SIGSEGV, SIGILL, SIGTRAP, SIGABRT,
/// SIGBUS), where the handler restores the terminal and then lets the signal do its work. The
/// handlers are in C (CTerminalSupport): they must be async-signal-safe.
public final class RawTerminal {
    public private(set) var isActive = false

    public init?() {
        guard isatty(0) == 1, isatty(1) == 1 else { return nil }
    }

    public func enter() {
        guard !isActive else { return }
        guard pf_term_enter_raw(ANSI.enterAlternateScreen + ANSI.hideCursor, ANSI.showCursor + ANSI.leaveAlternateScreen) == 0 else { return }
        isActive = true
    }

    public func restore() {
        guard isActive else { return }
        pf_term_restore()
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
