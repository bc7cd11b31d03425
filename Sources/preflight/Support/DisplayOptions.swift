import ArgumentParser
import Foundation
import PreflightTerminal

/// Colour settings shared by commands that draw.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "Never use colours or styles (also: NO_COLOR, TERM=dumb).")
    var noColor = false

    enum Stream { case standardOutput, standardError }

    func styler(for stream: Stream) -> Styler {
        let fd: Int32 = stream == .standardOutput ? 1 : 2
        return Styler.decide(isTerminal: isatty(fd) == 1, noColorFlag: noColor, environment: ProcessInfo.processInfo.environment)
    }
}
