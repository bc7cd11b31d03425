/// What a learner answered, in terms of the question as authored (not as shuffled on screen).
public enum QuizResponse: Sendable, Hashable {
    /// Indexes into the authored options.
    case choice(Set<Int>)
    /// Free text: short answers and predicted output.
    case text(String)
    /// Indexes into the authored items, in the order the learner put them.
    case ordering([Int])
    case skipped
}

/// A graded answer, with everything the learner should see afterwards.
public struct GradedAnswer: Sendable, Hashable {
    public var questionID: String
    public var correct: Bool
    /// 1 for a right answer, 0 otherwise: full marks only for an exact answer.
    public var score: Double
    /// Partial credit for select-all (hits minus false picks, floored at 0, over the right
    /// options) and ordering (items in the right place over all items); equal to `score` for
    /// the other types. An instructor may choose to count this instead.
    public var partialScore: Double
    /// The learner's answer as they would write it (`B`, `A, C`, the text).
    public var given: String
    /// The right answer, written the same way.
    public var rightAnswer: String
    public var explanation: String?
    /// Author feedback on the options the learner picked.
    public var feedback: [String]
    public var skipped: Bool
}
