import Foundation

/// An author's `<!-- preflight-lint: allow ID ... -->` comment (in course.yaml,
/// `# preflight-lint: allow ID ...`): the warnings with that id are meant, in that file only.
/// Errors cannot be allowed; `LintPolicy` says so when a comment tries.
public struct LintAllowance: Sendable, Hashable, Codable {
    /// The diagnostic id allowed, or the comment's text when it is not an `allow` comment.
    public var id: String
    public var location: SourceLocation
    /// False for a `preflight-lint:` comment that does not read `allow ID ...`.
    public var isWellFormed: Bool

    public init(id: String, location: SourceLocation, isWellFormed: Bool = true) {
        self.id = id
        self.location = location
        self.isWellFormed = isWellFormed
    }

    static let marker = "preflight-lint:"

    /// Comments in HTML blocks and inline HTML; text inside code blocks is not a comment.
    static func scan(markdown document: MarkdownNode, file: String) -> [LintAllowance] {
        var found: [LintAllowance] = []
        document.walk { node in
            let html: String
            switch node.kind {
            case .htmlBlock(let text), .htmlInline(let text): html = text
            default: return
            }
            var searchFrom = html.startIndex
            while let open = html.range(of: "<!--", range: searchFrom..<html.endIndex) {
                let close = html.range(of: "-->", range: open.upperBound..<html.endIndex)
                let body = html[open.upperBound..<(close?.lowerBound ?? html.endIndex)]
                let line = node.start.line + html[..<open.lowerBound].filter { $0 == "\n" }.count
                let column = line == node.start.line ? node.start.column + html.distance(from: html.startIndex, to: open.lowerBound) : 1
                found += parse(String(body), at: SourceLocation(file: file, line: line, column: column))
                searchFrom = close?.upperBound ?? html.endIndex
            }
        }
        return found
    }

    /// `# preflight-lint: allow ID ...` lines of a YAML file.
    static func scan(yaml text: String, file: String) -> [LintAllowance] {
        var found: [LintAllowance] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let hash = line.firstIndex(of: "#") else { continue }
            let column = line.distance(from: line.startIndex, to: hash) + 1
            found += parse(String(line[line.index(after: hash)...]), at: SourceLocation(file: file, line: index + 1, column: column))
        }
        return found
    }

    /// The ids of one comment's text: `preflight-lint: allow a.b, c.d (why)`. The ids are the
    /// words after `allow` that look like ids; what follows them is the author's reason.
    private static func parse(_ body: String, at location: SourceLocation) -> [LintAllowance] {
        let text = body.trimmingWhitespaceAndNewlines()
        guard text.hasPrefix(marker) else { return [] }
        let words = text.dropFirst(marker.count).split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        let ids = words.dropFirst().prefix { $0.range(of: #"^[a-z][a-z0-9-]*\.[a-z0-9-]+$"#, options: .regularExpression) != nil }
        guard words.first == "allow", !ids.isEmpty else {
            return [LintAllowance(id: text, location: location, isWellFormed: false)]
        }
        return ids.map { LintAllowance(id: $0, location: location) }
    }
}
