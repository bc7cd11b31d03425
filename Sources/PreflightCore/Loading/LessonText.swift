import Foundation

/// The checks a lesson file must pass before any parsing: size, emptiness, UTF-8 and front
/// matter fences. The body keeps its line numbers: front matter lines are blanked, not removed,
/// so libcmark's positions are the file's positions.
struct LessonText {
    var frontMatter: String
    /// Line number of the first front matter line, after the opening `---`.
    var frontMatterFirstLine: Int
    var body: String

    static func read(_ url: URL, displayPath: String, maxSize: Int) -> (LessonText?, [Diagnostic]) {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        if size > maxSize {
            return (nil, [.error(start, "lesson file is \(size) bytes, over the \(maxSize)-byte limit (set `max_file_size` in course.yaml to raise it)", id: "file.too-large")])
        }
        guard let data = try? Data(contentsOf: url) else {
            return (nil, [.error(start, "cannot read the file", id: "file.unreadable")])
        }
        return parse(data, displayPath: displayPath)
    }

    static func parse(_ data: Data, displayPath: String) -> (LessonText?, [Diagnostic]) {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        guard let text = String(validating: data, as: UTF8.self) else {
            let position = firstInvalidUTF8(in: data)
            return (nil, [.error(SourceLocation(file: displayPath, line: position.line, column: position.column), "file is not valid UTF-8 (first bad byte here); save it as UTF-8", id: "file.not-utf8")])
        }
        var source = text
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return (nil, [.error(start, "lesson file is empty; a lesson starts with front matter (`---`, then id, title and summary, then `---`)", id: "file.empty")])
        }
        source = source.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            return (nil, [.error(start, "missing front matter: a lesson starts with a `---` line, then `id:`, `title:` and `summary:`, then `---`", id: "frontmatter.missing")])
        }
        guard let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) }) else {
            return (nil, [.error(start, "front matter opened here is never closed with a `---` line", id: "frontmatter.unclosed")])
        }
        let frontMatter = lines[1..<close].joined(separator: "\n")
        for index in 0...close { lines[index] = "" }
        return (LessonText(frontMatter: frontMatter, frontMatterFirstLine: 2, body: lines.joined(separator: "\n")), [])
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
