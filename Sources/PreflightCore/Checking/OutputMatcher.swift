import Foundation

/// Decides whether what an example printed is what its lesson says it prints. Pure: the same
/// rules serve `preflight check` and the grading of predict-the-output answers.
public enum OutputMatcher {
    /// Line endings unified, trailing whitespace cut from each line, trailing blank lines dropped.
    public static func normalize(_ text: String) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                var end = line.endIndex
                while end > line.startIndex, line[line.index(before: end)].isWhitespace { end = line.index(before: end) }
                return line[..<end]
            }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// With `whitespace`: runs of blanks become one space, lines are trimmed, blank lines dropped.
    static func collapseWhitespace(_ text: String) -> String {
        text.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    public static func prepare(_ text: String, options: OutputOptions) -> String {
        let normal = normalize(text)
        return options.ignoreWhitespace ? collapseWhitespace(normal) : normal
    }

    public static func matches(expected: String, actual: String, options: OutputOptions) -> Bool {
        let want = prepare(expected, options: options)
        let got = prepare(actual, options: options)
        guard options.ellipsis, want.contains("...") else { return want == got }
        return ellipsisMatch(pattern: want, text: got)
    }

    /// `...` stands for any text, including none and including line breaks. Matched piece by
    /// piece from the left, which is exact for this one-wildcard language without backtracking
    /// blow-ups on long output.
    static func ellipsisMatch(pattern: String, text: String) -> Bool {
        let pieces = pattern.components(separatedBy: "...")
        var rest = Substring(text)
        guard let first = pieces.first, rest.hasPrefix(first) else { return false }
        rest = rest.dropFirst(first.count)
        for (index, piece) in pieces.enumerated().dropFirst() {
            if index == pieces.count - 1 { return piece.isEmpty || rest.hasSuffix(piece) }
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
