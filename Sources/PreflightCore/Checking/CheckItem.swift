/// One claim `preflight check` proves: a lesson example, or the code of a predict-the-output
/// quiz question (so a quiz can never carry a wrong answer key).
public struct CheckItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case example, quiz }

    public var kind: Kind
    public var example: Example
    /// Shown in reports: `model-serving example 2` or `model-serving quiz "What does this print?"`.
    public var label: String
    /// Stable name for JSON and JUnit reports.
    public var name: String

    public init(kind: Kind, example: Example, label: String, name: String) {
        self.kind = kind
        self.example = example
        self.label = label
        self.name = name
    }

    /// Every example of the lesson, then every predict-the-output question, in file order.
    public static func items(for lesson: Lesson) -> [CheckItem] {
        let examples = lesson.examples.map {
            CheckItem(kind: .example, example: $0, label: "\(lesson.id) example \($0.index)", name: "\(lesson.id)/example-\($0.index)")
        }
        let quiz = lesson.quiz.compactMap { question -> CheckItem? in
            guard case .predictOutput(let example) = question.answer else { return nil }
            return CheckItem(kind: .quiz, example: example, label: "\(lesson.id) quiz \"\(question.title.unescaped)\"", name: question.id)
        }
        return examples + quiz
    }

    /// Everything that decides the verdict: code, expected block, options, limits and the runner's
    /// command. An unchanged key means the previous pass still holds.
    public func cacheKey(runner: RunnerConfig, defaultTimeout: Double, environment: [String: String]) -> String {
        let options = example.expected.options
        let parts = [
            "v1", example.language, example.code, example.expected.text,
            "\(options.ellipsis)", "\(options.ignoreWhitespace)", options.stream.rawValue, "\(options.exitCode)",
            "\(example.timeout ?? defaultTimeout)", runner.command.joined(separator: " "), runner.fileExtension,
            environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n"),
        ]
        return StableHash.hex(parts.joined(separator: "\u{1F}")) + StableHash.hex(parts.reversed().joined(separator: "\u{1E}"))
    }
}
