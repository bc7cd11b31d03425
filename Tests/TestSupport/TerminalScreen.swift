/// What a terminal shows, rebuilt from the bytes a program wrote: enough of a VT100/xterm to
/// follow Preflight's screens (cursor moves, erasing, the alternate screen, autowrap and
/// scrolling), so tests assert what the learner sees rather than what was written at some point.
/// Styles are ignored; wide characters take two cells.
public struct TerminalScreen {
    public private(set) var rows: Int
    public private(set) var columns: Int
    private var cells: [[Character]]
    private var saved: [[Character]]?
    private var row = 0
    private var column = 0
    /// Set after writing in the last column: the next character wraps first (as xterm does).
    private var pendingWrap = false
    private var pending: [UInt8] = []

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// Each row's text, trailing spaces removed.
    public var lines: [String] {
        cells.map { String($0.filter { $0 != "\u{0}" }).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
    }

    public var text: String { lines.joined(separator: "\n") }

    public func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    /// The row holding `text`, if any.
    public func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }

    public mutating func resize(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        row = min(row, rows - 1)
        column = min(column, columns - 1)
    }

    public mutating func feed(_ bytes: [UInt8]) {
        pending += bytes
        // An incomplete UTF-8 character at the end waits for its other bytes.
        var cut = pending.count
        var back = pending.count - 1
        while back >= 0, back >= pending.count - 4, pending[back] & 0xC0 == 0x80 { back -= 1 }
        if back >= 0 {
            let lead = pending[back]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if back + length > pending.count { cut = back }
        }
        let tail = Array(pending[cut...])
        var text = String(decoding: pending[..<cut], as: UTF8.self)
        // Keep an incomplete escape sequence or UTF-8 character for the next feed.
        if let escape = text.lastIndex(of: "\u{1B}"), !Self.isComplete(text[escape...]) {
            let kept = String(text[escape...])
            text = String(text[..<escape])
            pending = Array(kept.utf8) + tail
        } else {
            pending = tail
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\u{1B}" {
                let end = Self.sequenceEnd(text, from: index)
                apply(String(text[index..<end]))
                index = end
                continue
            }
            put(character)
            index = text.index(after: index)
        }
    }

    static func isComplete(_ sequence: Substring) -> Bool {
        let scalars = Array(sequence.unicodeScalars)
        guard scalars.count >= 2 else { return false }
        switch scalars[1] {
        case "[": return scalars.dropFirst(2).contains { (0x40...0x7E).contains($0.value) }
        case "]": return scalars.contains { $0.value == 0x07 } || sequence.contains("\u{1B}\\")
        default: return true
        }
    }

    static func sequenceEnd(_ text: String, from start: String.Index) -> String.Index {
        var index = text.index(after: start)
        guard index < text.endIndex else { return index }
        let kind = text[index]
        index = text.index(after: index)
        if kind == "[" {
            while index < text.endIndex, let value = text[index].unicodeScalars.first?.value, !(0x40...0x7E).contains(value) { index = text.index(after: index) }
            return index < text.endIndex ? text.index(after: index) : index
        }
        if kind == "]" {
            while index < text.endIndex, text[index] != "\u{07}" { index = text.index(after: index) }
            return index < text.endIndex ? text.index(after: index) : index
        }
        return index
    }

    private mutating func apply(_ sequence: String) {
        guard sequence.hasPrefix("\u{1B}[") else { return }
        let body = sequence.dropFirst(2)
        guard let final = body.last else { return }
        let parameters = body.dropLast()
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0.filter(\.isNumber)) }
        func number(_ at: Int, _ fallback: Int) -> Int { at < numbers.count ? (numbers[at] ?? fallback) : fallback }
        pendingWrap = false
        switch final {
        case "H", "f":
            row = max(0, min(rows - 1, number(0, 1) - 1))
            column = max(0, min(columns - 1, number(1, 1) - 1))
        case "A": row = max(0, row - number(0, 1))
        case "B": row = min(rows - 1, row + number(0, 1))
        case "C": column = min(columns - 1, column + number(0, 1))
        case "D": column = max(0, column - number(0, 1))
        case "G": column = max(0, min(columns - 1, number(0, 1) - 1))
        case "K":
            switch number(0, 0) {
            case 1: for c in 0...column { cells[row][c] = " " }
            case 2: cells[row] = Array(repeating: " ", count: columns)
            default: for c in column..<columns { cells[row][c] = " " }
            }
        case "J":
            switch number(0, 0) {
            case 2, 3: cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
            case 1:
                for r in 0..<row { cells[r] = Array(repeating: " ", count: columns) }
                for c in 0...column { cells[row][c] = " " }
            default:
                for c in column..<columns { cells[row][c] = " " }
                for r in (row + 1)..<max(rows, row + 1) { cells[r] = Array(repeating: " ", count: columns) }
            }
        case "h" where parameters == "?1049":
            saved = cells
            cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        case "l" where parameters == "?1049":
            if let saved, saved.count == rows, saved.first?.count == columns { cells = saved }
            saved = nil
        default: break
        }
    }

    private mutating func put(_ character: Character) {
        switch character {
        case "\r\n": column = 0; lineFeed(); pendingWrap = false; return  // one Character in Swift
        case "\r": column = 0; pendingWrap = false; return
        case "\n": lineFeed(); pendingWrap = false; return
        case "\u{08}": column = max(0, column - 1); pendingWrap = false; return
        case "\t": column = min(columns - 1, (column / 8 + 1) * 8); return
        case "\u{07}": return
        default: break
        }
        if let value = character.unicodeScalars.first?.value, value < 0x20 { return }
        let width = Self.width(character)
        if width == 0 { return }
        if pendingWrap || column + width > columns {
            column = 0
            lineFeed()
            pendingWrap = false
        }
        cells[row][column] = character
        if width == 2, column + 1 < columns { cells[row][column + 1] = "\u{0}" }
        if column + width >= columns {
            column = columns - 1
            pendingWrap = true
        } else {
            column += width
        }
    }

    private mutating func lineFeed() {
        if row == rows - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: columns))
        } else {
            row += 1
        }
    }

    static func width(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let value = scalar.value
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1F64F, 0x1F900...0x1F9FF]
        return wide.contains { $0.contains(value) } || scalar.properties.isEmojiPresentation ? 2 : 1
    }
}
