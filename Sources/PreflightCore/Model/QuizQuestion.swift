/// A quiz question: a prompt, an answer key whose shape decides the question's type, and the
/// author's explanation, shown once the learner has answered.
public struct QuizQuestion: Sendable {
    /// Stable across runs and across reordering: derived from the lesson id and the heading text.
    public var id: String
    public var lessonID: String
    public var title: CourseText
    /// Prose and code under the heading, before the answer block.
    public var prompt: [MarkdownNode]
    public var answer: QuizAnswer
    public var explanation: String?
    public var location: SourceLocation

    public init(
        id: String, lessonID: String, title: CourseText, prompt: [MarkdownNode], answer: QuizAnswer,
        explanation: String?, location: SourceLocation
    ) {
        self.id = id
        self.lessonID = lessonID
        self.title = title
        self.prompt = prompt
        self.answer = answer
        self.explanation = explanation
        self.location = location
    }

    public var kind: QuizAnswer.Kind { answer.kind }
}

public enum QuizAnswer: Sendable {
    public enum Kind: String, Sendable, Codable {
        case singleChoice = "single-choice"
        case multipleChoice = "select-all"
        case trueFalse = "true-false"
        case shortAnswer = "short-answer"
        case predictOutput = "predict-output"
        case ordering
    }

    case choice([ChoiceOption])
    case shortAnswer([AnswerKey])
    /// The code is run by `preflight check` so the key can never be wrong.
    case predictOutput(Example)
    /// Items in the right order; learners see them shuffled.
    case ordering([String])

    /// What the learner picks from or puts in order, in authored order; none for typed answers.
    public var labels: [String] {
        switch self {
        case .choice(let options): return options.map(\.text)
        case .ordering(let items): return items
        case .shortAnswer, .predictOutput: return []
        }
    }

    public var kind: Kind {
        switch self {
        case .choice(let options):
            let labels = Set(options.map { $0.text.lowercased() })
            if options.count == 2 && labels == ["true", "false"] { return .trueFalse }
            return options.filter(\.isCorrect).count > 1 ? .multipleChoice : .singleChoice
        case .shortAnswer: return .shortAnswer
        case .predictOutput: return .predictOutput
        case .ordering: return .ordering
        }
    }
}

public struct ChoiceOption: Sendable, Hashable {
    public var text: String
    public var isCorrect: Bool
    /// Shown when the learner picks this option.
    public var feedback: String?
    public var location: SourceLocation

    public init(text: String, isCorrect: Bool, feedback: String? = nil, location: SourceLocation) {
        self.text = text
        self.isCorrect = isCorrect
        self.feedback = feedback
        self.location = location
    }
}

/// One accepted short answer.
public enum AnswerKey: Sendable, Hashable {
    /// Compared after trimming, case folding, whitespace collapsing and NFC normalisation.
    case text(String)
    /// Anchored to the whole answer.
    case regex(String)
    /// `value ± tolerance`; `allowsPercent` when the author wrote the key as a percentage.
    case number(value: Double, tolerance: Double, allowsPercent: Bool)
}
