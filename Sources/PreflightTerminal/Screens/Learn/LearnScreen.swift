import PreflightApp
import PreflightCore

/// Turns a `LearnState` into exactly `size.rows` lines, none wider than the terminal: the
/// lesson's title and place, a rule, the body, a message line and the keys. Prose is wrapped
/// to a reading width; whatever is still too wide is cut with `…`, so nothing wraps on screen.
public struct LearnScreen {
    public let size: TerminalSize
    public let styler: Styler

    public init(size: TerminalSize, styler: Styler) {
        self.size = size
        self.styler = styler
    }

    public func frame(_ state: inout LearnState) -> [String] {
        let width = max(size.columns, 20)
        let bodyHeight = max(size.rows - 4, 1)
        state.page = bodyHeight
        let header = headerLine(state, width: width)
        var body: [String]
        var more = ""
        switch state.mode {
        case .lessonList(var picker):
            picker.page = bodyHeight
            body = lessonList(state, picker: &picker, height: bodyHeight, width: width)
            state.mode = .lessonList(picker)
        case .panel(let title, let lines):
            let all = [styler.apply([.bold], Visible.escape(title)), ""] + lines.flatMap { ScreenText.wrap($0, width: width, continuation: "  ") }
            state.panelScroll = min(state.panelScroll, max(0, all.count - bodyHeight))
            body = Array(all.dropFirst(state.panelScroll).prefix(bodyHeight))
            if all.count > state.panelScroll + bodyHeight { more = " ↓ more (j/k)" }
        case .reading:
            let all = readingLines(state, width: LessonRenderer.readingWidth(forColumns: width))
            state.scroll = min(state.scroll, max(0, all.count - bodyHeight))
            body = Array(all.dropFirst(state.scroll).prefix(bodyHeight))
            if all.count > state.scroll + bodyHeight { more = " ↓ more (j/k to scroll)" }
        }
        body += Array(repeating: "", count: max(0, bodyHeight - body.count))
        let message = styler.apply([.yellow], (state.message.map { Visible.escape($0) } ?? "") + more)
        let lines = [styler.apply([.bold], header), styler.apply([.dim], String(repeating: "─", count: width))]
            + body + [message, styler.apply([.dim], footerLine(state, width: width))]
        return lines.map { ScreenText.fit($0, width: width) }
    }

    /// "Dependencies ✓ · part 2 of 7 · lesson 3 of 28 · Deployment Environment · 10% of the course":
    /// the lesson's title and the part are always there (a long title is shortened to keep the
    /// part); the rest goes, last first, when the terminal is narrow.
    func headerLine(_ state: LearnState, width: Int) -> String {
        let done = state.status(state.lesson) == .done ? " ✓" : ""
        let title = Visible.escape(state.lesson.title) + done
        let sectionTitle = state.course.section(id: state.lesson.sectionID)?.title ?? CourseText(state.lesson.sectionID)
        let part = "part \(state.partIndex + 1) of \(state.lesson.sections.count)"
        let rest = ["lesson \(state.lessonIndex + 1) of \(state.course.lessons.count)", Visible.escape(sectionTitle), "\(state.percentOfCourse)% of the course"]
        for count in stride(from: rest.count, through: 0, by: -1) {
            let line = ([title, part] + rest.prefix(count)).joined(separator: " · ")
            if TextWidth.of(line) <= width { return line }
        }
        let room = width - TextWidth.of(" · " + part)
        return (room > 8 ? ScreenText.fit(title, width: room) + " · " + part : ScreenText.fit(title, width: width))
    }

    /// The keys that fit, most useful first; `? help` and `q quit` always end the line.
    func footerLine(_ state: LearnState, width: Int) -> String {
        let keys: [String]
        switch state.mode {
        case .reading: keys = ["→ next", "← back", "r run", "t quiz", "l lessons", "j/k scroll", "m mark done"]
        case .lessonList(let picker):
            if picker.typing { return "type to filter · Enter open · Esc clear" }
            keys = ["↑/↓ choose", "Enter open", "/ filter", "PgUp/PgDn", "Home/End"]
        case .panel: return "j/k scroll · any other key: back"
        }
        let end = state.mode == .reading ? "? help  q quit" : "Esc back  q quit"
        var line = end
        for count in stride(from: keys.count, through: 0, by: -1) {
            line = (keys.prefix(count) + [end]).joined(separator: "  ")
            if TextWidth.of(line) <= width { break }
        }
        return line
    }

    func readingLines(_ state: LearnState, width: Int) -> [String] {
        let renderer = LessonRenderer(width: width, styler: styler)
        var lines = renderer.render(blocks: [heading(state.part.title)])
        lines.append("")
        lines += partBody(state, renderer: renderer)
        if state.isLastPart { lines += ["", ""] + endOfLesson(state, width: width) }
        return lines
    }

    /// What follows the lesson's last part: its exercise, and what comes next.
    func endOfLesson(_ state: LearnState, width: Int) -> [String] {
        let wrapper = TextWrapper(width: width, styler: styler)
        var lines: [String] = []
        for (number, exercise) in state.practice[state.lesson.id] ?? [] {
            lines += wrapper.wrap([StyledRun("Practice: ", [.bold]), StyledRun("exercise \(number), \u{201C}" + Visible.escape(exercise.title) + "\u{201D}: run "),
                                   StyledRun("preflight exercise watch " + Visible.escape(exercise.id), [.yellow]), StyledRun(".")])
        }
        if state.lessonIndex + 1 < state.course.lessons.count {
            let next = state.course.lessons[state.lessonIndex + 1]
            lines += wrapper.wrap([StyledRun("Next: ", [.bold]), StyledRun("\u{201C}" + Visible.escape(next.title) + "\u{201D} (press →).")])
        } else {
            lines += wrapper.wrap([StyledRun("This is the last lesson of the course. ", [.bold]), StyledRun("Test yourself with "),
                                   StyledRun("preflight quiz --all", [.yellow]), StyledRun(".")])
        }
        return lines
    }

    private func heading(_ title: CourseText) -> MarkdownNode {
        let origin = SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
        return MarkdownNode(kind: .heading(level: 2), range: origin, children: [MarkdownNode(kind: .text(title.unescaped), range: origin)])
    }

    /// Quiz answers and interview answers stay hidden while reading; they have their own screens.
    private func partBody(_ state: LearnState, renderer: LessonRenderer) -> [String] {
        PartText.lines(state.part, lesson: state.lesson, renderer: renderer, styler: styler)
    }

    private func lessonList(_ state: LearnState, picker: inout LessonPicker, height: Int, width: Int) -> [String] {
        var lines: [String] = []
        if picker.typing || !picker.filter.isEmpty {
            lines.append("Filter: " + Visible.escape(picker.filter) + (picker.typing ? "▏" : "") + "  (\(picker.visible.count) of \(picker.rows.count))")
        }
        var listed: [String] = []
        var selectedLine = 0
        var currentSection = ""
        for (index, row) in picker.visible.enumerated() {
            if row.sectionID != currentSection {
                currentSection = row.sectionID
                if !listed.isEmpty { listed.append("") }
                listed.append(styler.apply([.bold], Visible.escape(state.course.section(id: currentSection)?.title ?? CourseText(currentSection))))
            }
            let mark: String
            if row.lessonIndex == nil { mark = "✗" } else {
                switch state.progress.status(id: row.id ?? "") {
                case .done: mark = "✓"
                case .inProgress: mark = "•"
                case .notStarted: mark = " "
                }
            }
            let here = row.lessonIndex == state.lessonIndex ? styler.apply([.dim], "  (reading)") : ""
            let name = row.title.map { Visible.escape($0) } ?? Visible.escape(row.file)
            let detail = row.lessonIndex == nil ? "  unavailable: " + Visible.escape(row.problem ?? "") : "  " + styler.apply([.dim], Visible.escape(row.id ?? ""))
            let text = ScreenText.fit("\(index == picker.selected ? "›" : " ") \(mark) " + name + here + detail, width: width)
            if index == picker.selected { selectedLine = listed.count }
            listed.append(index == picker.selected ? styler.apply([.inverse], text) : text)
        }
        if listed.isEmpty { listed = ["No lesson matches \u{201C}" + Visible.escape(picker.filter) + "\u{201D}."] }
        let room = max(height - lines.count, 1)
        // Keep the highlighted row in view, with its section heading when there is room.
        if selectedLine < picker.top + 1 { picker.top = max(0, selectedLine - 1) }
        if selectedLine >= picker.top + room { picker.top = selectedLine - room + 1 }
        picker.top = max(0, min(picker.top, max(0, listed.count - room)))
        return lines + Array(listed.dropFirst(picker.top).prefix(room))
    }
}

/// The text of one part of a lesson, as the learn screens show it: quiz answers and interview
/// answers stay hidden (they have their own screens).
public enum PartText {
    public static func lines(_ part: LessonSection, lesson: Lesson, renderer: LessonRenderer, styler: Styler) -> [String] {
        switch part.role {
        case .quiz:
            let count = lesson.quiz.count
            return ["This lesson has \(count) quiz question\(count == 1 ? "" : "s"). Press t to take the quiz."]
        case .interviewQuestions:
            var lines: [String] = []
            let wrapper = TextWrapper(width: renderer.width, styler: styler)
            for (number, question) in lesson.interviewQuestions.enumerated() {
                lines += wrapper.wrap([StyledRun(Visible.escape(question.question))], firstPrefix: "\(number + 1). ", restPrefix: "   ")
            }
            lines += [""] + wrapper.wrap([StyledRun("Practise them as flashcards with `preflight review`.", [.dim])])
            return lines
        default:
            let lines = renderer.render(blocks: part.blocks)
            return lines.isEmpty ? [styler.apply([.dim], "(this part is empty)")] : lines
        }
    }
}
