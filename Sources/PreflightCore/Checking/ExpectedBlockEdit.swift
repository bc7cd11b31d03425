import Foundation

/// Replaces the text of expected-output blocks in a lesson file's bytes, and nothing else: the
/// opening fence with its options, the closing fence, the block's indentation or block-quote
/// markers, and the file's line endings stay as they were. Pure; `check --accept` reads and
/// writes the file, and re-reads the result to prove it says what was meant.
public enum ExpectedBlockEdit {
    public struct Replacement: Sendable {
        /// The opening fence's line and the closing fence's (or the block's last) line, 1-based.
        public var firstLine: Int
        public var lastLine: Int
        /// The new text, lines separated by `\n`; written with the file's line ending.
        public var text: String

        public init(firstLine: Int, lastLine: Int, text: String) {
            self.firstLine = firstLine
            self.lastLine = lastLine
            self.text = text
        }
    }

    public struct Problem: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// One line of the file and the line ending after it (`\n`, `\r\n`, `\r`, or none at the end).
    struct Line {
        var text: Substring
        var ending: Substring
    }

    /// Lines as CommonMark counts them: `\n`, `\r\n` and `\r` each end one.
    static func lines(_ source: String) -> [Line] {
        var lines: [Line] = []
        var start = source.startIndex
        var index = start
        while index < source.endIndex {
            let character = source[index]
            // Swift reads "\r\n" as one Character.
            if character == "\n" || character == "\r" || character == "\r\n" {
                let next = source.index(after: index)
                lines.append(Line(text: source[start..<index], ending: source[index..<next]))
                start = next
                index = next
            } else {
                index = source.index(after: index)
            }
        }
        if start < source.endIndex { lines.append(Line(text: source[start...], ending: "")) }
        return lines
    }

    public static func apply(_ replacements: [Replacement], to source: String) -> Result<String, Problem> {
        var lines = lines(source)
        let dominant = lines.first { !$0.ending.isEmpty }?.ending ?? "\n"
        // From the bottom up, so earlier line numbers still hold.
        for replacement in replacements.sorted(by: { $0.firstLine > $1.firstLine }) {
            guard replacement.firstLine >= 1, replacement.lastLine >= replacement.firstLine, replacement.lastLine <= lines.count else {
                return .failure(Problem(line: replacement.firstLine, message: "the block's lines \(replacement.firstLine)–\(replacement.lastLine) are not in the file"))
            }
            let opening = lines[replacement.firstLine - 1]
            guard let fence = Fence(opening: opening.text) else {
                return .failure(Problem(line: replacement.firstLine, message: "no code fence opens the expected output here"))
            }
            let closingIndex = replacement.lastLine - 1
            let closed = closingIndex > replacement.firstLine - 1 && fence.isClosing(lines[closingIndex].text)
            let ending = opening.ending.isEmpty ? Substring(dominant) : opening.ending
            let newText = replacement.text.isEmpty ? [] : replacement.text.split(separator: "\n", omittingEmptySubsequences: false)
            // A line of the output that would close the fence needs a longer fence.
            let longest = newText.map { fence.runLength(in: $0) }.max() ?? 0
            let length = longest >= fence.length ? longest + 1 : fence.length
            var written: [Line] = []
            written.append(Line(text: Substring(fence.resized(opening.text, to: length)), ending: ending))
            for line in newText {
                let text = line.isEmpty ? fence.continuation.trimmingTrailingSpaces : fence.continuation + line
                written.append(Line(text: Substring(text), ending: ending))
            }
            if closed {
                let closing = lines[closingIndex]
                written.append(Line(text: Substring(length == fence.length ? String(closing.text) : fence.resized(closing.text, to: length)), ending: closing.ending))
            } else {
                // A block never closed ran to the end of the file; it is closed now.
                let last = lines[closingIndex]
                written.append(Line(text: Substring(fence.continuation.trimmingTrailingSpaces + String(repeating: fence.character, count: length)), ending: last.ending))
            }
            lines.replaceSubrange((replacement.firstLine - 1)...closingIndex, with: written)
        }
        return .success(lines.map { String($0.text) + String($0.ending) }.joined())
    }

    /// An opening code fence: what comes before it on its line (indentation, `>` markers, a list
    /// item's marker), its character and length.
    struct Fence {
        var prefixLength: Int
        var character: Character
        var length: Int
        /// What goes before each line of the block's text: the prefix with list markers turned
        /// into the spaces that continue the item.
        var continuation: String

        init?(opening line: Substring) {
            guard let start = line.firstIndex(where: { $0 == "`" || $0 == "~" }) else { return nil }
            let prefix = line[..<start]
            guard prefix.allSatisfy({ " \t>-*+.)".contains($0) || $0.isNumber }) else { return nil }
            character = line[start]
            length = line[start...].prefix { $0 == line[start] }.count
            guard length >= 3 else { return nil }
            prefixLength = prefix.count
            continuation = String(prefix.map { $0 == ">" || $0 == " " || $0 == "\t" ? $0 : " " })
        }

        /// The run of fence characters a line of text starts with, after up to three spaces,
        /// when nothing but spaces follows it (what CommonMark reads as a closing fence).
        func runLength(in text: Substring) -> Int {
            let body = text.drop { $0 == " " }
            guard text.count - body.count <= 3 else { return 0 }
            let run = body.prefix { $0 == character }.count
            return body.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) ? run : 0
        }

        func isClosing(_ line: Substring) -> Bool {
            let text = line.dropFirst(min(prefixLength, line.prefix { " \t>".contains($0) }.count))
            return runLength(in: text) >= length
        }

        /// A fence line with its run of fence characters made `newLength` long.
        func resized(_ line: Substring, to newLength: Int) -> String {
            guard let start = line.firstIndex(of: character) else { return String(line) }
            let run = line[start...].prefix { $0 == character }
            return String(line[..<start]) + String(repeating: character, count: newLength) + String(line[run.endIndex...])
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
