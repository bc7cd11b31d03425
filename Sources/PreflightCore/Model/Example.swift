/// A runnable code block and the output it claims to print. Every example is a claim that
/// `preflight check` proves or refutes.
public struct Example: Sendable, Hashable, Codable {
    public var lessonID: String
    /// 1-based position among the lesson's examples, stable while the lesson is unchanged.
    public var index: Int
    public var language: String
    public var code: String
    public var location: SourceLocation
    /// Per-example wall-clock limit (`timeout=S` in the info string), else the course default.
    public var timeout: Double?
    public var expected: ExpectedOutput

    public init(
        lessonID: String, index: Int, language: String, code: String, location: SourceLocation,
        timeout: Double? = nil, expected: ExpectedOutput
    ) {
        self.lessonID = lessonID
        self.index = index
        self.language = language
        self.code = code
        self.location = location
        self.timeout = timeout
        self.expected = expected
    }
}

public struct ExpectedOutput: Sendable, Hashable, Codable {
    public var text: String
    /// Where the block's opening fence is.
    public var location: SourceLocation
    public var options: OutputOptions
    /// The line of the block's closing fence (or its last line, when the fence is never
    /// closed), so `check --accept` can rewrite the block; nil when not known.
    public var lastLine: Int?

    public init(text: String, location: SourceLocation, options: OutputOptions = OutputOptions(), lastLine: Int? = nil) {
        self.text = text
        self.location = location
        self.options = options
        self.lastLine = lastLine
    }
}

/// How an expected-output block is compared, set by words in its info string:
/// ```output ellipsis whitespace stderr exit=1```
public struct OutputOptions: Sendable, Hashable, Codable {
    public enum Stream: String, Sendable, Hashable, Codable { case stdout, stderr }

    /// `...` matches any text, within a line or across lines.
    public var ellipsis: Bool
    /// Runs of whitespace compare equal to a single space, and blank lines are ignored.
    public var ignoreWhitespace: Bool
    /// Which stream the block describes.
    public var stream: Stream
    /// The exit status the example must end with.
    public var exitCode: Int32

    public init(ellipsis: Bool = false, ignoreWhitespace: Bool = false, stream: Stream = .stdout, exitCode: Int32 = 0) {
        self.ellipsis = ellipsis
        self.ignoreWhitespace = ignoreWhitespace
        self.stream = stream
        self.exitCode = exitCode
    }
}
