import ArgumentParser
import Foundation
import PreflightTerminal

/// Colour and accessible-mode settings shared by commands that draw.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "Never use colours or styles (also: NO_COLOR, TERM=dumb).")
    var noColor = false

    @Flag(name: .long, help: "Accessible mode: no full-screen drawing, boxes or colour; one line per event, read line by line (also: PREFLIGHT_PLAIN=1, TERM=dumb).")
    var plain = false

    enum Stream { case standardOutput, standardError }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Accessible mode, asked for by the flag, the environment or a dumb terminal.
    var isPlain: Bool { PlainMode.requested(flag: plain, environment: environment) }

    func styler(for stream: Stream) -> Styler {
        let fd: Int32 = stream == .standardOutput ? 1 : 2
        return Styler.decide(isTerminal: isatty(fd) == 1, noColorFlag: noColor || isPlain, environment: environment)
    }

    /// Columns to wrap line output to: the terminal's, else `COLUMNS`, else 80.
    var columns: Int { TerminalSize.current()?.columns ?? TerminalSize.columns(environment: environment) ?? 80 }
}
