/// Lines that already carry Preflight's own SGR styles, measured, cut and wrapped by what the
/// terminal shows: escape sequences take no columns and are never split. Every line a screen
/// draws goes through `fit`, so nothing can wrap in the terminal and push the header away.
public enum ScreenText {
    enum Token {
        case escape(String)
        case character(Character, width: Int)
    }

    static func tokens(_ line: String) -> [Token] {
        var tokens: [Token] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "\u{1B}" {
                // CSI: ESC [ parameters final-byte. Course text reaches here escaped, so every ESC is ours.
                var end = line.index(after: index)
                if end < line.endIndex, line[end] == "[" {
                    end = line.index(after: end)
                    while end < line.endIndex, let ascii = line[end].asciiValue, !(0x40...0x7E).contains(ascii) { end = line.index(after: end) }
                    if end < line.endIndex { end = line.index(after: end) }
                }
                tokens.append(.escape(String(line[index..<end])))
                index = end
                continue
            }
            tokens.append(.character(character, width: TextWidth.of(character)))
            index = line.index(after: index)
        }
        return tokens
    }

    /// Columns the line takes on screen.
    public static func width(_ line: String) -> Int {
        tokens(line).reduce(0) { total, token in
            if case .character(_, let width) = token { return total + width }
            return total
        }
    }

    /// The line cut to `width` columns, ending in `…` when something was cut; styles stay balanced.
    public static func fit(_ line: String, width: Int) -> String {
        guard self.width(line) > width else { return line }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        var styled = false
        for token in tokens(line) {
            switch token {
            case .escape(let sequence):
                out += sequence
                styled = sequence != ANSI.reset
            case .character(let character, let columns):
                if used + columns > width - 1 {
                    return out + "…" + (styled ? ANSI.reset : "")
                }
                out.append(character)
                used += columns
            }
        }
        return out
    }

    /// The line in pieces of at most `width` columns, broken after a space when one falls in the
    /// second half of a piece, else where the width ends; pieces after the first start with
    /// `continuation` (such as `↪ `, or spaces), and carry on the style that was open.
    public static func wrap(_ line: String, width: Int, continuation: String = "") -> [String] {
        guard self.width(line) > width else { return [line] }
        let markWidth = self.width(continuation)
        var pieces: [String] = []
        var current: [Token] = []
        var currentWidth = 0
        var openStyle: String?
        var pieceStyle: String?
        var limit = max(width, 1)

        func text(_ tokens: [Token]) -> String {
            tokens.map { token -> String in
                switch token {
                case .escape(let sequence): return sequence
                case .character(let character, _): return String(character)
                }
            }.joined()
        }
        func close(_ tokens: [Token]) {
            var piece = (pieces.isEmpty ? "" : continuation) + (pieceStyle ?? "") + text(tokens)
            if openStyle != nil { piece += ANSI.reset }
            pieces.append(piece)
            pieceStyle = openStyle
            limit = max(width - markWidth, 1)
        }

        for token in tokens(line) {
            if case .escape(let sequence) = token {
                current.append(token)
                openStyle = sequence == ANSI.reset ? nil : sequence
                continue
            }
            guard case .character(_, let columns) = token else { continue }
            if currentWidth + columns > limit, currentWidth > 0 {
                // Break after the last space in the second half, if any.
                let breakAt = current.lastIndex { token in
                    if case .character(" ", _) = token { return true }
                    return false
                }
                let spaceWidth = breakAt.map { index in current[..<index].reduce(0) { if case .character(_, let w) = $1 { return $0 + w }; return $0 } } ?? 0
                if let breakAt, spaceWidth >= limit / 2 {
                    let head = Array(current[...breakAt])
                    let rest = Array(current[current.index(after: breakAt)...])
                    let styleAtBreak = head.reduce(pieceStyle) { style, token in
                        if case .escape(let sequence) = token { return sequence == ANSI.reset ? nil : sequence }
                        return style
                    }
                    let saved = openStyle
                    openStyle = styleAtBreak
                    close(head)
                    openStyle = saved
                    current = rest
                } else {
                    close(current)
                    current = []
                }
                currentWidth = current.reduce(0) { if case .character(_, let w) = $1 { return $0 + w }; return $0 }
            }
            current.append(token)
            currentWidth += columns
        }
        if !current.isEmpty || pieces.isEmpty {
            pieces.append((pieces.isEmpty ? "" : continuation) + (pieceStyle ?? "") + text(current))
        }
        return pieces
    }
}
