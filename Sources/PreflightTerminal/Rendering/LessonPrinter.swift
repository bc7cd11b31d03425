import PreflightCore
import PreflightGrading

/// A whole lesson for reading (`preflight show`): the Markdown as written, except that the quiz
/// is printed from its questions, without the answer key (`[x]`, `Answer:`, explanations),
/// unless the reader asks for the answers.
public struct LessonPrinter {
    public let renderer: LessonRenderer

    public init(renderer: LessonRenderer) { self.renderer = renderer }

    public func render(_ lesson: Lesson, answers: Bool) -> [String] {
        guard !answers else { return renderer.render(document: lesson.document) }
        var blocks: [MarkdownNode] = []
        var inQuiz = false
        var lines: [String] = []
        func flush() {
            guard !blocks.isEmpty else { return }
            if !lines.isEmpty { lines.append("") }
            lines += renderer.render(blocks: blocks)
            blocks = []
        }
        for block in lesson.document.children {
            if block.headingLevel == 2 {
                inQuiz = SectionRole(heading: block.plainText.trimmingCharacters(in: .whitespaces)) == .quiz
                if inQuiz {
                    blocks.append(block)
                    flush()
                    lines += [""] + quiz(lesson)
                    continue
                }
            }
            if !inQuiz { blocks.append(block) }
        }
        flush()
        return lines
    }

    /// The questions as a quiz asks them: title, prompt, lettered options in the authored order.
    func quiz(_ lesson: Lesson) -> [String] {
        let styler = renderer.styler
        let wrapper = TextWrapper(width: renderer.width, styler: styler)
        var lines: [String] = []
        for (number, question) in lesson.quiz.enumerated() {
            if !lines.isEmpty { lines.append("") }
            lines += wrapper.wrap([StyledRun(Visible.escape(question.title), [.bold])], firstPrefix: "\(number + 1). ", restPrefix: "   ")
            let prompt = renderer.render(blocks: question.prompt)
            if !prompt.isEmpty { lines += [""] + prompt }
            for (position, label) in question.answer.labels.enumerated() {
                lines += wrapper.wrap([StyledRun(Grader.letter(position), [.cyan, .bold]), StyledRun(". " + Visible.escape(label))], firstPrefix: "  ", restPrefix: "     ")
            }
        }
        lines += [""] + wrapper.wrap([StyledRun("Answers are hidden: take the quiz with `preflight quiz \(lesson.id)`, or show them with --answers.", [.dim])])
        return lines
    }
}
