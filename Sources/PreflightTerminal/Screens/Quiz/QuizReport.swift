import Foundation
import PreflightCore
import PreflightApp
import PreflightGrading

/// How graded quizzes are shown: per-question verdicts, the misses with their explanations, a
/// score, and earlier attempts at the same set.
public struct QuizReport {
    public let styler: Styler
    /// The terminal's width, to wrap explanations and feedback at word boundaries; nil (piped
    /// output) leaves each on one line.
    public let width: Int?
    /// Accessible mode: verdicts as whole sentences, no symbols.
    public let plain: Bool

    public init(styler: Styler, width: Int? = nil, plain: Bool = false) {
        self.styler = styler
        self.width = width
        self.plain = plain
    }

    public func verdict(_ graded: GradedAnswer) -> [String] {
        if plain { return plainVerdict(graded) }
        if graded.skipped { return headline(StyledRun("– Skipped.", [.yellow]), right: graded.rightAnswer) }
        var lines: [String]
        if graded.correct {
            lines = [styler.apply([.green, .bold], "✓ Right.")]
        } else {
            lines = headline(StyledRun("✗ Not quite.", [.red, .bold]), right: graded.rightAnswer)
            if graded.score > 0 { lines.append("  Partly right: \(Int((graded.score * 100).rounded(.down)))% credit, counted in your score.") }
            lines += diffLines(graded.diff)
        }
        for feedback in graded.feedback { lines += paragraph(Visible.escape(feedback), first: "  » ", rest: "    ", styles: [.italic]) }
        if let explanation = graded.explanation { lines += paragraph(Visible.escape(explanation, keepNewlines: true), first: "  ", rest: "  ") }
        return lines
    }

    /// "Correct." / "Not quite; the right answer is B (p99)." / "Partly right: 50% credit,
    /// counted in your score; the right answer is A, C." / "Skipped; the right answer is …".
    private func plainVerdict(_ graded: GradedAnswer) -> [String] {
        var lines: [String]
        let right = graded.rightAnswer
        func sentence(_ opening: String) -> [String] {
            right.contains("\n") ? [opening + "; the right answer is:"] + block(right) + ["End of answer."] : [opening + "; the right answer is " + Visible.escape(right) + "."]
        }
        if graded.skipped {
            lines = sentence("Skipped")
        } else if graded.correct {
            lines = ["Correct."]
        } else if graded.score > 0 {
            lines = sentence("Partly right: \(Int((graded.score * 100).rounded(.down)))% credit, counted in your score")
        } else {
            lines = sentence("Not quite")
        }
        if !graded.skipped && !graded.correct { lines += diffLines(graded.diff) }
        for feedback in graded.feedback { lines.append("Feedback: " + Visible.escape(feedback)) }
        if let explanation = graded.explanation { lines.append("Explanation: " + Visible.escape(explanation)) }
        return lines
    }

    /// "✗ Not quite. Right answer: …", wrapped when the width is known. An answer of several
    /// lines (a predicted output) follows on its own lines, indented, each escaped.
    private func headline(_ verdict: StyledRun, right: String) -> [String] {
        if right.contains("\n") { return [styler.apply(verdict.styles, verdict.text) + " Right answer:"] + block(right) }
        guard let width else { return [styler.apply(verdict.styles, verdict.text) + " Right answer: " + Visible.escape(right)] }
        return TextWrapper(width: width, styler: styler).wrap([verdict, StyledRun(" Right answer: " + Visible.escape(right))], restPrefix: "  ")
    }

    /// "  Your answer: …" in the summary; answers of several lines keep their own lines.
    private func labelled(_ label: String, _ answer: String) -> [String] {
        answer.contains("\n") ? ["  \(label):"] + block(answer) : paragraph("\(label): " + Visible.escape(answer), first: "  ", rest: "    ")
    }

    /// Author's prose under a verdict: wrapped to `width` when known, indented either way.
    private func paragraph(_ text: String, first: String, rest: String, styles: [ANSI.SGR] = []) -> [String] {
        guard let width else { return [styler.apply(styles, first + text.replacingOccurrences(of: "\n", with: "\n" + rest))] }
        return TextWrapper(width: width, styler: styler).wrap([StyledRun(text, styles)], firstPrefix: first, restPrefix: rest)
    }

    /// A predicted output's diff, one escaped line each, `-` expected and `+` the learner's.
    private func diffLines(_ diff: String?) -> [String] {
        guard let diff else { return [] }
        return ["  Difference (- expected, + yours):"] + diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).map { line in
            let text = "    " + Visible.escape(String(line))
            switch line.first {
            case "-": return styler.apply([.red], text)
            case "+": return styler.apply([.green], text)
            case "@": return styler.apply([.dim], text)
            default: return text
            }
        }
    }

    /// Lines of an answer as they were typed or printed, indented, control characters escaped.
    private func block(_ answer: String) -> [String] {
        answer.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + Visible.escape(String($0)) }
    }

    /// `sections` gives, in course order, each section's title and lesson ids; when the questions
    /// span more than one section the summary scores each, so an exam shows where to go back.
    public func summary(questions: [QuizQuestion], graded: [GradedAnswer], previous: [AttemptSummary],
                        sections: [(title: CourseText, lessonIDs: Set<String>)] = []) -> [String] {
        let score = QuizScore(graded)
        var lines = ["", styler.apply([.bold], "Score: \(score.text)")]
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
                lines += diffLines(answer.diff)
                if let explanation = answer.explanation { lines += paragraph(Visible.escape(explanation), first: "  ", rest: "  ") }
            }
        }
        if !previous.isEmpty {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            lines.append("")
            let earlier = previous.suffix(5).map { "\(formatter.string(from: $0.finishedAt)) \($0.score.pointsText)/\($0.score.questions)" }
            lines.append("Earlier attempts at this set: " + earlier.joined(separator: ", "))
            if let last = previous.last {
                let change = score.tenths - last.score.tenths
                lines.append(change > 0 ? "Up \(QuizScore.tenthsText(change)) on last time." : change < 0 ? "Down \(QuizScore.tenthsText(-change)) on last time." : "The same as last time.")
            }
        }
        return lines
    }

    private func bySection(questions: [QuizQuestion], graded: [GradedAnswer], sections: [(title: CourseText, lessonIDs: Set<String>)]) -> [String] {
        let scored = sections.compactMap { section -> (title: CourseText, score: QuizScore)? in
            let answers = zip(questions, graded).filter { section.lessonIDs.contains($0.0.lessonID) }.map(\.1)
            return answers.isEmpty ? nil : (section.title, QuizScore(answers))
        }
        guard scored.count > 1 else { return [] }
        let width = scored.map { TextWidth.of(Visible.escape($0.title)) }.max() ?? 0
        var lines = ["", styler.apply([.bold], "By section:")]
        for entry in scored {
            let title = Visible.escape(entry.title)
            let perfect = entry.score.points >= Double(entry.score.questions) - 1e-9
            if plain {
                lines.append("  \(title): \(entry.score.pointsText) of \(entry.score.questions)" + (perfect ? ", all right." : "."))
                continue
            }
            let mark = perfect ? styler.apply([.green], "✓") : styler.apply([.yellow], "·")
            lines.append("  \(mark) \(title)\(String(repeating: " ", count: width - TextWidth.of(title)))  \(entry.score.pointsText) of \(entry.score.questions)")
        }
        let fraction = { (score: QuizScore) in score.points / Double(score.questions) }
        let weakest = scored.filter { fraction($0.score) < 1 - 1e-9 }.min { fraction($0.score) < fraction($1.score) }
        if let weakest { lines.append("  Revisit first: \(Visible.escape(weakest.title)).") }
        return lines
    }
}
