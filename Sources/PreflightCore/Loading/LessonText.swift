import Foundation

/// The checks a lesson file must pass before any parsing: size, emptiness, UTF-8 and front
/// matter fences. The body keeps its line numbers: front matter lines are blanked, not removed,
/// so libcmark's positions are the file's positions. All of it works on the file's bytes, once.
struct LessonText {
    var frontMatter: String
    /// Line number of the first front matter line, after the opening `---`.
    var frontMatterFirstLine: Int
    /// The Markdown, line endings made `\n`, front matter lines left empty.
    var body: SourceText

    static func read(_ url: URL, displayPath: String, maxSize: Int) -> (LessonText?, [Diagnostic]) {
        read(LessonFile.read(url, maxSize: maxSize), displayPath: displayPath, maxSize: maxSize)
    }

    static func read(_ file: LessonFile, displayPath: String, maxSize: Int) -> (LessonText?, [Diagnostic]) {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        switch file.contents {
        case .tooLarge(let size):
            return (nil, [.error(start, "lesson file is \(size) bytes, over the \(maxSize)-byte limit (set `max_file_size` in course.yaml to raise it)", id: "file.too-large")])
        case .unreadable:
            return (nil, [.error(start, "cannot read the file", id: "file.unreadable")])
        case .bytes(let bytes):
            return parse(bytes: bytes, displayPath: displayPath)
        }
    }

    static func parse(_ data: Data, displayPath: String) -> (LessonText?, [Diagnostic]) {
        parse(bytes: [UInt8](data), displayPath: displayPath)
    }

    static func parse(bytes raw: [UInt8], displayPath: String) -> (LessonText?, [Diagnostic]) {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        guard String(validating: raw, as: UTF8.self) != nil else {
            let position = firstInvalidUTF8(in: Data(raw))
            return (nil, [.error(SourceLocation(file: displayPath, line: position.line, column: position.column), "file is not valid UTF-8 (first bad byte here); save it as UTF-8", id: "file.not-utf8")])
        }
        let bomLength = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if LineBytes.isBlank(raw[bomLength...]) {
            return (nil, [.error(start, "lesson file is empty; a lesson starts with front matter (`---`, then id, title and summary, then `---`)", id: "file.empty")])
        }
        let text = withoutCarriageReturns(raw[bomLength...])
        // The fences: the first line, and the first later line that reads `---` or `...`.
        let firstEnd = text.firstIndex(of: UInt8(ascii: "\n")) ?? text.count
        guard LineBytes.trimmed(text[0..<firstEnd], equals: "---") else {
            return (nil, [.error(start, "missing front matter: a lesson starts with a `---` line, then `id:`, `title:` and `summary:`, then `---`", id: "frontmatter.missing")])
        }
        var lineStart = firstEnd + 1
        var line = 1
        var close: (line: Int, start: Int, end: Int)?
        while lineStart <= text.count {
            let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
            let content = text[lineStart..<lineEnd]
            if LineBytes.trimmed(content, equals: "---") || LineBytes.trimmed(content, equals: "...") {
                close = (line, lineStart, lineEnd)
                break
            }
            lineStart = lineEnd + 1
            line += 1
        }
        guard let close else {
            return (nil, [.error(start, "front matter opened here is never closed with a `---` line", id: "frontmatter.unclosed")])
        }
        let matterStart = min(firstEnd + 1, close.start)
        let frontMatter = String(decoding: text[matterStart..<max(matterStart, close.start - 1)], as: UTF8.self)
        // Lines 0...close become empty: as many newlines as lines, then what follows the fence.
        var body = [UInt8](repeating: UInt8(ascii: "\n"), count: close.line)
        if close.end < text.count {
            body.reserveCapacity(close.line + text.count - close.end)
            body.append(contentsOf: text[close.end...])
        }
        return (LessonText(frontMatter: frontMatter, frontMatterFirstLine: 2, body: SourceText(bytes: body)), [])
    }

    /// The text with each `\r\n` made `\n` (a lone `\r` stays, as before).
    private static func withoutCarriageReturns(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\r")) else { return Array(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\n") {
                index += 1
                continue
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    /// Line and column (in characters) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let length = sequenceLength(bytes, at: offset)
            if length == 0 { break }
            offset += length
        }
        let before = bytes[..<offset]
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    /// Length of the valid UTF-8 sequence starting at `offset`, or 0 when it is invalid.
    private static func sequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        let slice = Array(bytes[offset..<offset + length])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : length
    }
}
