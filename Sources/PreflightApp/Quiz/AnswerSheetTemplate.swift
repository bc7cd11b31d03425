import PreflightCore
import PreflightGrading

/// `quiz --answers-template`: the answer sheet for a planned quiz, before it is taken. One block
/// per question, in the order the quiz asks them: its title, the options or items with the
/// letters they will have (shuffled as `--seed` shuffles them), the form the answer takes, and a
/// `skip` line to replace with the answer. A `skip` holds each question's place, so a sheet
/// with some answers filled in still lines up. Course text is escaped: the sheet is shown on a
/// terminal and edited as a file.
extension QuizSession {
    /// - Parameter command: the command that grades the filled-in sheet (the same plan).
    public func answerSheetTemplate(command: String) -> String {
        var lines = [
            "# Answer sheet: \(questions.count) question\(questions.count == 1 ? "" : "s").",
            "# Replace each `skip` with your answer; lines starting with # are comments.",
            "# Then grade it with: \(command)",
        ]
        for (number, question) in questions.enumerated() {
            let order = plan.orders[number]
            lines.append("")
            lines.append("# \(number + 1). " + Visible.escape(question.title) + "  [\(Self.form(of: question))]")
            switch question.answer {
            case .choice, .ordering:
                let labels = question.answer.labels
                for (letter, authored) in order.shown.enumerated() where authored < labels.count {
                    lines.append("#    \(Grader.letter(letter))) " + Visible.escape(labels[authored]))
                }
            case .predictOutput(let example):
                lines.append("#    The code:")
                var code = example.code
                while code.hasSuffix("\n") { code.removeLast() }
                lines += code.split(separator: "\n", omittingEmptySubsequences: false).map { "#    | " + Visible.escape(String($0)) }
                lines.append("#    Replace `skip` with the lines it prints, then a line holding a single `.`.")
            case .shortAnswer:
                break
            }
            lines.append("skip")
        }
        return lines.joined(separator: "\n")
    }

    /// The form an answer to the question takes on a sheet.
    static func form(of question: QuizQuestion) -> String {
        switch question.answer {
        case .choice(let options):
            switch question.kind {
            case .trueFalse: return "true/false: True or False"
            case .multipleChoice: return "select all that apply: letters separated by commas, e.g. A,C"
            default: return "single choice: one letter, A to \(Grader.letter(options.count - 1))"
            }
        case .ordering(let items):
            return "put in order: all \(items.count) letters, first to last, e.g. \((0..<items.count).reversed().map(Grader.letter).joined(separator: ","))"
        case .shortAnswer(let keys):
            let numeric = keys.allSatisfy { if case .number = $0 { return true } else { return false } }
            return numeric ? "short answer: a number (a unit word may follow)" : "short answer: one line of text"
        case .predictOutput:
            return "predict the output: the lines it prints, then a line holding a single `.`"
        }
    }
}
