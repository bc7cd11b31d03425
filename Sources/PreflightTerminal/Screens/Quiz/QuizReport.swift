import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore

/// How graded quizzes are shown: per-question verdicts, the misses with their explanations, a
/// score, and earlier attempts at the same set. Also the JSON form for scripts.
public struct QuizReport {
    public let styler: Styler
    /// The terminal's width, to wrap explanations and feedback at word boundaries; nil (piped
    /// output) leaves each on one line.
    public let width: Int?

    public init(styler: Styler, width: Int? = nil) {
        self.styler = styler
        self.width = width
    }

    public func verdict(_ graded: GradedAnswer) -> [String] {
        if graded.skipped { return headline(StyledRun("– Skipped.", [.yellow]), right: graded.rightAnswer, unwrapped: Visible.escape(graded.rightAnswer)) }
        var lines: [String]
        if graded.correct {
            lines = [styler.apply([.green, .bold], "✓ Right.")]
        } else {
            lines = headline(StyledRun("✗ Not quite.", [.red, .bold]), right: graded.rightAnswer, unwrapped: shown(graded.rightAnswer))
            if graded.partialScore > 0 { lines.append("  Partly right: \(Int((graded.partialScore * 100).rounded()))% partial credit.") }
        }
        for feedback in graded.feedback { lines += paragraph(Visible.escape(feedback), first: "  » ", rest: "    ", styles: [.italic]) }
        if let explanation = graded.explanation { lines += paragraph(Visible.escape(explanation, keepNewlines: true), first: "  ", rest: "  ") }
        return lines
    }

    /// "✗ Not quite. Right answer: …", wrapped when the answer is one line and the width known;
    /// otherwise `unwrapped` is the answer as shown.
    private func headline(_ verdict: StyledRun, right: String, unwrapped: String) -> [String] {
        guard let width, !right.contains("\n") else { return [styler.apply(verdict.styles, verdict.text) + " Right answer: " + unwrapped] }
        return TextWrapper(width: width, styler: styler).wrap([verdict, StyledRun(" Right answer: " + Visible.escape(right))], restPrefix: "  ")
    }

    /// "  Your answer: …" in the summary; answers of several lines keep their own lines.
    private func labelled(_ label: String, _ answer: String) -> [String] {
        answer.contains("\n") ? ["  \(label): \(shown(answer))"] : paragraph("\(label): " + Visible.escape(answer), first: "  ", rest: "    ")
    }

    /// Author's prose under a verdict: wrapped to `width` when known, indented either way.
    private func paragraph(_ text: String, first: String, rest: String, styles: [ANSI.SGR] = []) -> [String] {
        guard let width else { return [styler.apply(styles, first + text.replacingOccurrences(of: "\n", with: "\n" + rest))] }
        return TextWrapper(width: width, styler: styler).wrap([StyledRun(text, styles)], firstPrefix: first, restPrefix: rest)
    }

    private func shown(_ answer: String) -> String {
        answer.contains("\n") ? "\n" + answer.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + Visible.escape(String($0)) }.joined(separator: "\n") : Visible.escape(answer)
    }

    /// `sections` gives, in course order, each section's title and lesson ids; when the questions
    /// span more than one section the summary scores each, so an exam shows where to go back.
    public func summary(questions: [QuizQuestion], graded: [GradedAnswer], previous: [QuizAttemptSummary],
                        sections: [(title: String, lessonIDs: Set<String>)] = []) -> [String] {
        let right = graded.filter(\.correct).count
        let percent = graded.isEmpty ? 0 : right * 100 / graded.count
        var lines = ["", styler.apply([.bold], "Score: \(right) of \(graded.count) (\(percent)%)")]
        let skipped = graded.filter(\.skipped).count
        if skipped > 0 { lines.append("Skipped: \(skipped)") }
        lines += bySection(questions: questions, graded: graded, sections: sections)
        let misses = zip(questions, graded).filter { !$0.1.correct }
        if !misses.isEmpty {
            lines.append("")
            lines.append(styler.apply([.bold], "To review:"))
            for (question, answer) in misses {
                lines += paragraph("\(Visible.escape(question.title)) (\(question.lessonID))", first: "• ", rest: "  ")
                lines += labelled("Your answer", answer.given)
                lines += labelled("Right answer", answer.rightAnswer)
                if let explanation = answer.explanation { lines += paragraph(Visible.escape(explanation), first: "  ", rest: "  ") }
            }
        }
        if !previous.isEmpty {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            lines.append("")
            lines.append("Earlier attempts at this set: " + previous.suffix(5).map { "\(formatter.string(from: $0.finishedAt)) \($0.correct)/\($0.total)" }.joined(separator: ", "))
            if let last = previous.last {
                let change = right - last.correct
                lines.append(change > 0 ? "Up \(change) on last time." : change < 0 ? "Down \(-change) on last time." : "The same as last time.")
            }
        }
        return lines
    }

    private func bySection(questions: [QuizQuestion], graded: [GradedAnswer], sections: [(title: String, lessonIDs: Set<String>)]) -> [String] {
        let scored = sections.compactMap { section -> (title: String, right: Int, total: Int)? in
            let answers = zip(questions, graded).filter { section.lessonIDs.contains($0.0.lessonID) }.map(\.1)
            return answers.isEmpty ? nil : (section.title, answers.filter(\.correct).count, answers.count)
        }
        guard scored.count > 1 else { return [] }
        let width = scored.map { TextWidth.of(Visible.escape($0.title)) }.max() ?? 0
        var lines = ["", styler.apply([.bold], "By section:")]
        for entry in scored {
            let title = Visible.escape(entry.title)
            let mark = entry.right == entry.total ? styler.apply([.green], "✓") : styler.apply([.yellow], "·")
            lines.append("  \(mark) \(title)\(String(repeating: " ", count: width - TextWidth.of(title)))  \(entry.right) of \(entry.total)")
        }
        let weakest = scored.filter { $0.right < $0.total }.min { Double($0.right) / Double($0.total) < Double($1.right) / Double($1.total) }
        if let weakest { lines.append("  Revisit first: \(Visible.escape(weakest.title)).") }
        return lines
    }

    public static func json(questions: [QuizQuestion], graded: [GradedAnswer]) throws -> String {
        struct Entry: Encodable {
            var id, lesson, title, type, given, correctAnswer: String
            var correct, skipped: Bool
            var score, partialScore: Double
            enum CodingKeys: String, CodingKey {
                case id, lesson, title, type, given, correct, skipped, score
                case correctAnswer = "correct_answer", partialScore = "partial_score"
            }
        }
        struct Total: Encodable { var questions, correct, answered, skipped: Int; var score: Double; var percent: Int }
        struct Report: Encodable { var questions: [Entry]; var total: Total }
        let entries = zip(questions, graded).map { question, answer in
            Entry(id: question.id, lesson: question.lessonID, title: question.title, type: question.kind.rawValue, given: answer.given,
                  correctAnswer: answer.rightAnswer, correct: answer.correct, skipped: answer.skipped, score: answer.score, partialScore: answer.partialScore)
        }
        let right = graded.filter(\.correct).count
        let total = Total(questions: graded.count, correct: right, answered: graded.filter { !$0.skipped }.count, skipped: graded.filter(\.skipped).count,
                          score: graded.reduce(0) { $0 + $1.score }, percent: graded.isEmpty ? 0 : right * 100 / graded.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Report(questions: entries, total: total)), as: UTF8.self)
    }
}
