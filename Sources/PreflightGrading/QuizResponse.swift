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
    /// The answer's credit, from 0 to 1: 1 for a right answer; for a select-all question, the
    /// right options picked minus the wrong ones picked (floored at 0) over the right options;
    /// for an ordering question, the items in their right place over all items; 0 otherwise.
    public var score: Double
    /// The learner's answer as they would write it (`B`, `A, C`, the text).
    public var given: String
    /// The right answer, written the same way.
    public var rightAnswer: String
    public var explanation: String?
    /// Author feedback on the options the learner picked.
    public var feedback: [String]
    public var skipped: Bool
    /// For a predicted output that does not match: a unified diff of the expected output
    /// (`-`) against the learner's (`+`), after the example's output options are applied.
    public var diff: String?
}
