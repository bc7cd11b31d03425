/// Text a course provides (titles, summaries, questions), which may hold anything an author or an
/// attacker wrote, escape sequences and bidirectional overrides included. It has no description
/// and cannot be interpolated into a `String`: it reaches a terminal only through
/// `Visible.escape`, and a file only through an encoder (JSON, XML, HTML), so the compiler points
/// at every place that shows it. `unescaped` is for comparing, hashing and encoding, not printing.
public struct CourseText: Sendable, Hashable, Comparable, Codable, ExpressibleByStringLiteral {
    public let unescaped: String

    public init(_ text: String) { unescaped = text }

    public init(stringLiteral value: String) { unescaped = value }

    public static func < (lhs: CourseText, rhs: CourseText) -> Bool { lhs.unescaped < rhs.unescaped }

    public init(from decoder: Decoder) throws { unescaped = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(unescaped)
    }

    public var isEmpty: Bool { unescaped.isEmpty }
}

extension DefaultStringInterpolation {
    @available(*, deprecated, message: "course text reaches output only through Visible.escape or an encoder")
    public mutating func appendInterpolation(_ text: CourseText) {}
}

extension Visible {
    public static func escape(_ text: CourseText, keepNewlines: Bool = false, keepTabs: Bool = true) -> String {
        escape(text.unescaped, keepNewlines: keepNewlines, keepTabs: keepTabs)
    }
}
