#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct TerminalSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// `COLUMNS` as a shell exports it, for output that goes to a pipe (`show | less`); nil when
    /// unset or not a sensible width.
    public static func columns(environment: [String: String]) -> Int? {
        guard let value = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value >= 20, value <= 10_000 else { return nil }
        return value
    }

    /// The size of the terminal on stdout (or stdin), nil when neither is a terminal.
    public static func current() -> TerminalSize? {
        var size = winsize()
        for fd in [Int32(1), 0] where ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
            return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
        }
        return nil
    }
}
