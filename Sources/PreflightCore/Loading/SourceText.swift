import Foundation

/// A UTF-8 text and its lines, found once in one pass over the bytes. The parser's byte columns,
/// the interpreter's "what did the author write on these lines" and the loader's front matter
/// fences all read lines; finding them once here, over bytes rather than `Character`s, is what
/// keeps loading a lesson close to the cost of parsing it.
struct SourceText: Sendable {
    let bytes: [UInt8]
    /// Offset of each line's first byte, then one past the last byte plus one, so line `n`
    /// (1-based) spans `lineStarts[n - 1] ..< lineStarts[n] - 1`.
    let lineStarts: [Int]
    /// Whether each line is all ASCII, so a byte column is a character column.
    let asciiLines: [Bool]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ascii: [Bool] = []
        starts.reserveCapacity(bytes.count / 32 + 2)
        ascii.reserveCapacity(bytes.count / 32 + 2)
        bytes.withUnsafeBufferPointer { buffer in
            var lineIsASCII = true
            for offset in 0..<buffer.count {
                let byte = buffer[offset]
                if byte >= 0x80 { lineIsASCII = false }
                if byte == UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                    ascii.append(lineIsASCII)
                    lineIsASCII = true
                }
            }
            ascii.append(lineIsASCII)
        }
        starts.append(bytes.count + 1)
        lineStarts = starts
        asciiLines = ascii
    }

    init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// Lines as `split(separator: "\n", omittingEmptySubsequences: false)` counts them.
    var lineCount: Int { asciiLines.count }

    /// The bytes of a line (1-based), without its newline.
    func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        return start..<max(start, min(lineStarts[line] - 1, bytes.count))
    }

    func line(_ line: Int) -> ArraySlice<UInt8> { bytes[lineRange(line)] }

    /// Lines `first...last` (1-based) joined with newlines: the bytes from the first line's start
    /// to the last line's end.
    func text(lines first: Int, through last: Int) -> String {
        String(decoding: bytes[lineRange(first).lowerBound..<lineRange(last).upperBound], as: UTF8.self)
    }
}

/// Byte-level answers to the questions the loader asks of a line, with the same result as
/// Foundation's `trimmingCharacters(in: .whitespaces)`: ASCII is decided on the bytes, and a
/// line whose edges hold other bytes (a no-break space, say) is handed to Foundation.
enum LineBytes {
    /// Whether the line, with spaces and tabs (and any Unicode space) trimmed, reads `word`.
    static func trimmed<Line: Collection>(_ line: Line, equals word: StaticString) -> Bool where Line.Element == UInt8, Line.Index == Int {
        var start = line.startIndex, end = line.endIndex
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        if start < end, line[start] >= 0x80 || line[end - 1] >= 0x80 {
            let text = String(decoding: line[start..<end], as: UTF8.self)
            return text.trimmingCharacters(in: .whitespaces) == word.description
        }
        guard end - start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            var index = 0
            for offset in start..<end {
                if line[offset] != expected[index] { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether the text holds nothing but whitespace and newlines (in Foundation's sense).
    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            default: return false
            }
        }
        return true
    }
}
