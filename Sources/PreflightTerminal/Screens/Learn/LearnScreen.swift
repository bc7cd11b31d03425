import PreflightApp
import PreflightCore

/// Turns a `LearnState` into exactly `size.rows` lines: a progress line, the body, a message
/// line and a footer naming the keys.
public struct LearnScreen {
    public let size: TerminalSize
    public let styler: Styler

    public init(size: TerminalSize, styler: Styler) {
        self.size = size
        self.styler = styler
    }

    public func frame(_ state: inout LearnState) -> [String] {
        let width = max(size.columns, 20)
        let header = fit(progressLine(state), width: width)
        let footer = fit(footerLine(state), width: width)
        let bodyHeight = max(size.rows - 4, 1)
        let body = bodyLines(state, width: width)
        state.scroll = min(state.scroll, max(0, body.count - bodyHeight))
        var visible = Array(body.dropFirst(state.scroll).prefix(bodyHeight))
        visible += Array(repeating: "", count: bodyHeight - visible.count)
        let more = body.count > state.scroll + bodyHeight ? " ↓ more (j/k to scroll)" : ""
        let message = fit((state.message.map { Visible.escape($0) } ?? "") + more, width: width)
        return [styler.apply([.bold], header), styler.apply([.dim], String(repeating: "─", count: width))]
            + visible + [styler.apply([.yellow], message), styler.apply([.dim], footer)]
    }

    func progressLine(_ state: LearnState) -> String {
        let sectionTitle = state.course.section(id: state.lesson.sectionID)?.title ?? CourseText(state.lesson.sectionID)
        let done = state.statuses[state.lesson.id] == .done ? " ✓" : ""
        return "Lesson \(state.lessonIndex + 1) of \(state.course.lessons.count)\(done) · \(Visible.escape(sectionTitle)) · "
            + "section \(state.sectionIndex + 1)/\(state.lesson.sections.count) · \(state.percentOfCourse)% of the course"
    }

    func footerLine(_ state: LearnState) -> String {
        switch state.mode {
        case .reading: return "→ next  ← back  j/k scroll  r run example  t quiz  l lessons  m mark done  ? help  q quit"
        case .lessonList: return "↑/↓ choose  Enter open  Esc back  q quit"
        case .panel, .help: return "any key: back to the lesson"
        }
    }

    func bodyLines(_ state: LearnState, width: Int) -> [String] {
        let renderer = LessonRenderer(width: width, styler: styler)
        switch state.mode {
        case .reading:
            var lines = renderer.render(blocks: [heading(state.section.title)])
            lines.append("")
            lines += sectionBody(state, renderer: renderer)
            return lines
        case .lessonList(let selected):
            return lessonList(state, selected: selected, width: width)
        case .panel(let title, let panel):
            return [styler.apply([.bold], Visible.escape(title)), ""] + panel
        case .help:
            return [
                styler.apply([.bold], "Keys"), "",
                "→, n, Space, Enter   next section (then the next lesson)",
                "←, p, Backspace      previous section",
                "↓/j ↑/k, PgDn/PgUp   scroll this section",
                "r                    run the example in this section and compare its output",
                "t                    take this lesson's quiz",
                "l                    the list of lessons",
                "m                    mark this lesson done",
                "q, Ctrl-C            quit (your place is saved)",
                "",
                "A lesson is done once you reach its last section and have run its examples.",
            ]
        }
    }

    private func heading(_ title: String) -> MarkdownNode {
        let origin = SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
        return MarkdownNode(kind: .heading(level: 2), range: origin, children: [MarkdownNode(kind: .text(title), range: origin)])
    }

    /// Quiz answers and interview answers stay hidden while reading; they have their own screens.
    private func sectionBody(_ state: LearnState, renderer: LessonRenderer) -> [String] {
        switch state.section.role {
        case .quiz:
            let count = state.lesson.quiz.count
            return ["This lesson has \(count) quiz question\(count == 1 ? "" : "s"). Press t to take the quiz."]
        case .interviewQuestions:
            var lines = state.lesson.interviewQuestions.enumerated().map { "\($0.offset + 1). " + Visible.escape($0.element.question) }
            lines += ["", styler.apply([.dim], "Practise them as flashcards with `preflight review`.")]
            return lines
        default:
            let lines = renderer.render(blocks: state.section.blocks)
            return lines.isEmpty ? [styler.apply([.dim], "(this section is empty)")] : lines
        }
    }

    private func lessonList(_ state: LearnState, selected: Int, width: Int) -> [String] {
        var lines: [String] = []
        var currentSection = ""
        for (index, lesson) in state.course.lessons.enumerated() {
            if lesson.sectionID != currentSection {
                currentSection = lesson.sectionID
                if !lines.isEmpty { lines.append("") }
                lines.append(styler.apply([.bold], Visible.escape(state.course.section(id: currentSection)?.title ?? CourseText(currentSection))))
            }
            let mark: String
            switch state.statuses[lesson.id] ?? .notStarted {
            case .done: mark = "✓"
            case .inProgress: mark = "•"
            case .notStarted: mark = " "
            }
            let row = fit("\(index == selected ? "›" : " ") \(mark) \(Visible.escape(lesson.title))", width: width)
            lines.append(index == selected ? styler.apply([.inverse], row) : row)
        }
        return lines
    }

    func fit(_ text: String, width: Int) -> String {
        TextWidth.of(text) <= width ? text : TextWidth.prefix(text, fitting: width - 1) + "…"
    }
}
