/// A problem found in course material. The core library never prints or throws these one at a
/// time: it collects them, so one lint run reports every problem, and the CLI decides how to show
/// them and which exit code they earn.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// A stable name for the kind of problem, such as `quiz.no-answer-block`: shown in JSON, used
    /// by `lint --strict` and editor integrations, and by authors to silence a warning they mean.
    public var id: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Further lines that help (what was meant, where the other half of a conflict is).
    public var notes: [String]

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, id: String = "", notes: [String] = []) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(_ location: SourceLocation, _ message: String, id: String = "", notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, location, message, id: id, notes: notes)
    }

    public static func warning(_ location: SourceLocation, _ message: String, id: String = "", notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, location, message, id: id, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// File order, then position, so output reads top to bottom like a compiler's.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
