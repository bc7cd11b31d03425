import Foundation
import PreflightTerminal

/// Plain writes to stdout and stderr. Everything coloured or interactive goes through the
/// terminal module instead.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prose for a terminal, wrapped at word boundaries to its width (the terminal would cut
    /// words in half); unwrapped when stdout is not a terminal.
    static func wrapped(_ text: String, styler: Styler = Styler(enabled: false), indent: String = "") -> String {
        guard let columns = TerminalSize.current()?.columns, isatty(1) == 1 else { return indent + text }
        return TextWrapper(width: LessonRenderer.readingWidth(forColumns: columns), styler: styler).wrap([StyledRun(text)], firstPrefix: indent, restPrefix: indent).joined(separator: "\n")
    }
}
