/// What `course.yaml` says: the course's identity, its ordered sections, how to run each code
/// fence language, and the limits examples run under.
public struct CourseConfig: Sendable, Hashable {
    public var id: String
    public var title: CourseText
    public var sections: [SectionConfig]
    /// Code-fence language (lower-cased) to the command that runs it.
    public var runners: [String: RunnerConfig]
    /// Default wall-clock limit for one example, in seconds.
    public var timeout: Double
    /// Lesson files larger than this are rejected before parsing.
    public var maxFileSize: Int
    /// Extra environment variables given to every example, on top of a minimal base.
    public var environment: [String: String]
    /// Folder holding practice exercises, relative to the course folder.
    public var exercises: String?
    /// Run Python examples through warm interpreters (`warm: false` runs one cold process each).
    public var warm: Bool = true
    /// Run examples in a bubblewrap sandbox where one is available (`sandbox: off` turns it off).
    public var sandbox: Bool = true
    /// Whether raw HTML in lessons reaches a web page as HTML (`html: allow`); by default it is
    /// shown as text, so a lesson cannot add markup or scripts to the exported site.
    public var html: HTMLPolicy = .escape

    /// The course's IRI (`iri:`), under which learning records name its lessons and questions.
    public var iri: String?

    /// `iri:` when given, else `urn:preflight:<course-id>`: learning records name every activity
    /// under it (`<iri>/lessons/<lesson-id>`), so it must not change once records exist.
    public var activityIRI: String { iri ?? "urn:preflight:\(id)" }

    /// An absolute IRI Preflight can put activity paths under: a scheme, no spaces or characters
    /// IRIs forbid, and no trailing `/`, `#` or `?` (the lesson path adds its own `/`).
    public static func isUsableIRI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
              text[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              text[text.startIndex].isLetter, text.index(after: colon) != text.endIndex else { return false }
        let forbidden: Set<Character> = ["<", ">", "\"", "{", "}", "|", "\\", "^", "`"]
        guard !text.contains(where: { $0.isWhitespace || forbidden.contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }) else { return false }
        return !(text.hasSuffix("/") || text.hasSuffix("#") || text.hasSuffix("?"))
    }

    public static let defaultTimeout = 10.0
    /// An hour: an example that needs longer is a mistake, and every limit must stay a number the
    /// clocks and `setrlimit` can hold.
    public static let maximumTimeout = 3600.0

    /// A time limit Preflight accepts, wherever it is written: positive, at most an hour.
    public static func isValidTimeout(_ seconds: Double) -> Bool { seconds > 0 && seconds <= maximumTimeout }
    public static let defaultMaxFileSize = 1 << 20

    public init(
        id: String, title: CourseText, sections: [SectionConfig] = [], runners: [String: RunnerConfig] = [:],
        timeout: Double = CourseConfig.defaultTimeout, maxFileSize: Int = CourseConfig.defaultMaxFileSize,
        environment: [String: String] = [:], exercises: String? = nil
    ) {
        self.id = id
        self.title = title
        self.sections = sections
        self.runners = runners
        self.timeout = timeout
        self.maxFileSize = maxFileSize
        self.environment = environment
        self.exercises = exercises
    }

    /// Where each field of `course.yaml` is written (`exercises`, `runners.python`, …), so rules
    /// that check a field against the file system (lint) can point at it.
    public var fieldLocations: [String: SourceLocation] = [:]

    public func runner(for language: String) -> RunnerConfig? { runners[language.lowercased()] }
}

/// What the HTML exporter does with raw HTML written in a lesson.
public enum HTMLPolicy: String, Sendable, Hashable, CaseIterable {
    /// Shown as text (the default).
    case escape
    /// Passed through as HTML; the page's Content-Security-Policy still blocks scripts.
    case allow
}

public struct SectionConfig: Sendable, Hashable {
    public var id: String
    public var title: CourseText
    public var summary: CourseText
    public var location: SourceLocation

    public init(id: String, title: CourseText, summary: CourseText, location: SourceLocation) {
        self.id = id
        self.title = title
        self.summary = summary
        self.location = location
    }
}

/// A command such as `python3 {file}`: `{file}` is replaced by the example's path.
public struct RunnerConfig: Sendable, Hashable {
    public var command: [String]
    /// File-name extension for the example's source file, without the dot.
    public var fileExtension: String

    public init(command: [String], fileExtension: String) {
        self.command = command
        self.fileExtension = fileExtension
    }

    /// The words of the command with `{file}` filled in; the file goes last when no word names it.
    public func arguments(file: String) -> [String] {
        let filled = command.map { $0.replacingOccurrences(of: "{file}", with: file) }
        return command.contains { $0.contains("{file}") } ? filled : filled + [file]
    }

    static let knownExtensions = [
        "python": "py", "python3": "py", "py": "py", "sh": "sh", "bash": "sh", "shell": "sh",
        "ruby": "rb", "javascript": "js", "js": "js", "node": "js", "perl": "pl",
    ]
}
