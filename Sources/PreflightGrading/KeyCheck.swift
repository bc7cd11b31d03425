import Foundation
import PreflightCore

/// Runs each quiz question's own answer key through the grader, so a learner is never marked
/// wrong for giving the author's answer. `preflight lint` reports what this finds.
public enum KeyCheck {
    public static func diagnostics(for lesson: Lesson) -> [Diagnostic] {
        lesson.quiz.flatMap(check)
    }

    static func check(_ question: QuizQuestion) -> [Diagnostic] {
        var problems: [String] = []
        switch question.answer {
        case .choice(let options):
            let right = Set(options.indices.filter { options[$0].isCorrect })
            if !Grader.grade(question, .choice(right)).correct { problems.append("the options marked [x] are not graded right") }
        case .ordering(let items):
            if !Grader.grade(question, .ordering(Array(items.indices))).correct { problems.append("the authored order is not graded right") }
        case .predictOutput(let example):
            if !example.expected.options.ellipsis && !Grader.grade(question, .text(example.expected.text)).correct {
                problems.append("the expected output is not graded right when typed back")
            }
        case .shortAnswer(let keys):
            for key in keys {
                switch key {
                case .text(let text):
                    if !Grader.matches(text, key: key) { problems.append("answer `\(text)` would not be accepted as typed") }
                case .number(let value, _, let percent):
                    let written = percent ? "\(value * 100)%" : "\(value)"
                    if !Grader.matches(written, key: key) { problems.append("number `\(written)` would not be accepted as typed") }
                case .regex(let pattern):
                    if Grader.matches("", key: key) { problems.append("regex /\(pattern)/ accepts an empty answer, so a blank answer would be marked right") }
                }
            }
        }
        return problems.map { .error(question.location, "quiz answer key does not grade itself right: \($0)", id: "quiz.key-self-check") }
    }
}

extension LessonChecks {
    /// The key check, as the course index runs it on every lesson it reads.
    public static let keyCheck = LessonChecks(name: "key-check") { KeyCheck.diagnostics(for: $0) }
}
