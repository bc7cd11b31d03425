/// A run of text with one set of styles: the unit the wrapper moves around.
public struct StyledRun: Sendable, Hashable {
    public var text: String
    public var styles: [ANSI.SGR]

    public init(_ text: String, _ styles: [ANSI.SGR] = []) {
        self.text = text
        self.styles = styles
    }
}

/// Wraps runs of styled text into lines of at most `width` columns, breaking at spaces, and
/// breaking inside a word only when the word alone is wider than a line.
public struct TextWrapper {
    public let width: Int
    public let styler: Styler

    public init(width: Int, styler: Styler) {
        self.width = max(width, 8)
        self.styler = styler
    }

    /// `runs` may contain "\n" for hard breaks. Each line starts with `firstPrefix` (then
    /// `restPrefix`), whose widths count against `width`.
    public func wrap(_ runs: [StyledRun], firstPrefix: String = "", restPrefix: String = "") -> [String] {
        var lines: [String] = []
        var prefix = firstPrefix
        // The line's text as runs, merged when neighbours share a style, so colour codes are
        // written once per run rather than once per word.
        var runsInLine: [StyledRun] = []
        var lineWidth = TextWidth.of(firstPrefix)
        var lineHasWord = false
        var pendingSpace: StyledRun?

        func append(_ text: String, _ styles: [ANSI.SGR]) {
            if let last = runsInLine.last, last.styles == styles {
                runsInLine[runsInLine.count - 1].text += text
            } else {
                runsInLine.append(StyledRun(text, styles))
            }
        }

        // No-break spaces glue words that belong together (a link and its address); on screen they are spaces.
        func rendered() -> String { prefix + runsInLine.map { styler.apply($0.styles, $0.text.replacingOccurrences(of: "\u{A0}", with: " ")) }.joined() }

        func newLine() {
            lines.append(rendered())
            prefix = restPrefix
            runsInLine = []
            lineWidth = TextWidth.of(restPrefix)
            lineHasWord = false
            pendingSpace = nil
        }

        /// Places one word, which may be made of several styled pieces ("**bold**," is two).
        func place(_ pieces: [StyledRun]) {
            let wordWidth = pieces.reduce(0) { $0 + TextWidth.of($1.text) }
            let spaceWidth = (lineHasWord && pendingSpace != nil) ? 1 : 0
            if lineWidth + spaceWidth + wordWidth > width, lineHasWord { newLine() }
            if lineHasWord, let space = pendingSpace { append(" ", space.styles); lineWidth += 1 }
            pendingSpace = nil
            for piece in pieces {
                var rest = piece.text
                while !rest.isEmpty {
                    let room = width - lineWidth
                    let fitting = TextWidth.prefix(rest, fitting: room)
                    if fitting.count == rest.count {
                        append(rest, piece.styles)
                        lineWidth += TextWidth.of(rest)
                        lineHasWord = true
                        break
                    }
                    // Wider than a whole line: cut it where the line ends.
                    let cut = fitting.isEmpty ? (lineHasWord ? "" : String(rest.prefix(1))) : fitting
                    if !cut.isEmpty {
                        append(cut, piece.styles)
                        lineWidth += TextWidth.of(cut)
                        rest = String(rest.dropFirst(cut.count))
                    }
                    newLine()
                }
            }
        }

        var word: [StyledRun] = []
        func flush() {
            if !word.isEmpty { place(word); word = [] }
        }
        for run in runs {
            var text = ""
            for character in run.text {
                if character == "\n" || character == " " {
                    if !text.isEmpty { word.append(StyledRun(text, run.styles)); text = "" }
                    flush()
                    if character == "\n" { newLine() } else if lineHasWord { pendingSpace = run }
                } else {
                    text.append(character)
                }
            }
            if !text.isEmpty { word.append(StyledRun(text, run.styles)) }
        }
        flush()
        if lineHasWord || lines.isEmpty || !runsInLine.isEmpty { lines.append(rendered()) }
        return lines
    }
}
