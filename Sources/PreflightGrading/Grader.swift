import Foundation
import PreflightCore

/// Grades answers to quiz questions. Pure and deterministic: the same question and response
/// always give the same grade, so it is tested exhaustively and reused by lint to check that
/// every answer key passes its own grader.
///
/// One rule for the score: an answer's score is its credit, from 0 to 1. Select-all and
/// ordering questions give partial credit (see `partialCredit`); every other type scores 1 for
/// a right answer and 0 otherwise. `correct` is true only for a fully right answer. The quiz
/// summary, the JSON report, the stored attempt and `preflight progress` all add up scores.
public enum Grader {
    /// - Parameter order: how the options were shown, so the answer and the right answer are
    ///   described with the letters the learner saw (authored order when nil).
    public static func grade(_ question: QuizQuestion, _ response: QuizResponse, shown order: DisplayOrder? = nil) -> GradedAnswer {
        var result = GradedAnswer(
            questionID: question.id, correct: false, score: 0, given: describe(response, for: question, shown: order),
            rightAnswer: rightAnswer(question, shown: order), explanation: question.explanation, feedback: [], skipped: response == .skipped)
        guard response != .skipped else { return result }
        // Over the question's types, with no default: a new type must be graded here. A response
        // of the wrong shape (text for a choice question, say) is simply not right.
        switch question.answer {
        case .choice(let options):
            guard case .choice(let picked) = response else { break }
            let right = Set(options.indices.filter { options[$0].isCorrect })
            result.correct = picked == right
            if question.kind == .multipleChoice {
                let hits = picked.intersection(right).count
                let falsePicks = picked.subtracting(right).count
                result.score = Double(max(0, hits - falsePicks)) / Double(right.count)
            }
            result.feedback = picked.sorted().compactMap { $0 < options.count ? options[$0].feedback : nil }
        case .shortAnswer(let keys):
            guard case .text(let text) = response else { break }
            result.correct = keys.contains { matches(text, key: $0) }
        case .predictOutput(let example):
            guard case .text(let text) = response else { break }
            let options = example.expected.options
            result.correct = OutputMatcher.matches(expected: example.expected.text, actual: text, options: options)
            if !result.correct {
                let diff = UnifiedDiff.make(expected: OutputMatcher.prepare(example.expected.text, options: options),
                                            actual: OutputMatcher.prepare(text, options: options), actualLabel: "your answer")
                result.diff = diff.isEmpty ? nil : diff
            }
        case .ordering(let items):
            guard case .ordering(let order) = response else { break }
            result.correct = order == Array(items.indices)
            let inPlace = zip(order, items.indices).filter { $0 == $1 }.count
            result.score = items.isEmpty ? 0 : Double(inPlace) / Double(items.count)
        }
        // Exact answers score 1 whatever the type; partial credit never reaches 1 otherwise.
        if result.correct { result.score = 1 } else if question.kind != .multipleChoice && question.kind != .ordering { result.score = 0 }
        return result
    }

    /// Does free text match one accepted answer? The text is read as `ResponseText` says:
    /// surrounding backticks dropped; numbers with a unit word, thousands separators or a
    /// decimal comma understood.
    public static func matches(_ text: String, key: AnswerKey) -> Bool {
        let answer = ResponseText.unwrapped(text)
        switch key {
        case .text(let expected):
            return AnswerNormalizer.normalize(answer) == AnswerNormalizer.normalize(expected)
        case .regex(let pattern):
            let collapsed = answer.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive]) else { return false }
            return regex.firstMatch(in: collapsed, range: NSRange(collapsed.startIndex..., in: collapsed)) != nil
        case .number(let value, let tolerance, let allowsPercent):
            guard let given = ResponseText.number(answer, allowPercent: allowsPercent) else { return false }
            // A little slack for binary floating point: 0.1 + 0.2 is not 0.3.
            return abs(given - value) <= tolerance + 1e-9 * max(1, abs(value))
        }
    }

    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index % 26)))
    }

    /// Picked options as the learner saw them: letters in display order, each with its text.
    static func describe(choices: [Int], of options: [ChoiceOption], shown order: DisplayOrder?) -> String {
        choices.filter { $0 < options.count }
            .map { (position: order?.shown.firstIndex(of: $0) ?? $0, text: options[$0].text) }
            .sorted { $0.position < $1.position }
            .map { "\(letter($0.position)) (\($0.text))" }.joined(separator: ", ")
    }

    /// The right answer as a learner would write it, with the letters they saw. A short answer
    /// shows its first plain (text or number) alternative; a regex is described only when the
    /// key has nothing plainer. Expected output is shown as its lines, as it is compared.
    public static func rightAnswer(_ question: QuizQuestion, shown order: DisplayOrder? = nil) -> String {
        switch question.answer {
        case .choice(let options):
            return describe(choices: options.indices.filter { options[$0].isCorrect }, of: options, shown: order)
        case .shortAnswer(let keys):
            let plain = keys.first { if case .regex = $0 { return false } else { return true } }
            return describe(key: plain ?? keys[0])
        case .predictOutput(let example):
            return OutputMatcher.normalize(example.expected.text)
        case .ordering(let items):
            return items.joined(separator: " → ")
        }
    }

    static func describe(key: AnswerKey) -> String {
        switch key {
        case .text(let text): return text
        case .regex(let pattern): return "text matching /\(pattern)/"
        case .number(let value, let tolerance, let percent):
            let shown = percent ? "\(format(value * 100))%" : format(value)
            guard tolerance > 0 else { return shown }
            return shown + " ± " + (percent ? "\(format(tolerance * 100))%" : format(tolerance))
        }
    }

    /// `300`, `0.25`, `7.35`: whole numbers without a point, others as short as they round-trip
    /// after the percent scaling (so 0.0735 * 100 shows 7.35, not 7.3500000000000005).
    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        let short = String(format: "%.10g", value)
        return Double(short) == value || abs(Double(short)! - value) < 1e-12 * max(1, abs(value)) ? short : String(value)
    }

    static func describe(_ response: QuizResponse, for question: QuizQuestion, shown order: DisplayOrder?) -> String {
        switch response {
        case .skipped: return "(skipped)"
        case .text(let text): return text
        case .choice(let picked):
            guard case .choice(let options) = question.answer else { return "" }
            return describe(choices: Array(picked), of: options, shown: order)
        case .ordering(let order):
            guard case .ordering(let items) = question.answer else { return "" }
            return order.map { $0 < items.count ? items[$0] : "?" }.joined(separator: " → ")
        }
    }
}
