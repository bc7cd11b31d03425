import PreflightApp
import PreflightCore
import PreflightGrading

/// The course in accessible mode (`--plain`, `PREFLIGHT_PLAIN=1`, `TERM=dumb`): no full-screen
/// drawing, no boxes, no colour; each part is printed once, as text, and the learner types a
/// command on a line of its own. Works the same through a pipe, so a screen reader (or a
/// test) can follow every line. The rules are `LearnState`'s, as on the full screen.
public final class PlainLearnLoop {
    let book: ProgressBook
    let examples: ExampleSession
    var state: LearnState
    let readLine: () -> String?
    let write: (String) -> Void
    let styler = Styler(enabled: false)

    public init(state: LearnState, book: ProgressBook, examples: ExampleSession,
                readLine: @escaping () -> String? = { Swift.readLine() }, write: @escaping (String) -> Void) {
        self.state = state
        self.book = book
        self.examples = examples
        self.readLine = readLine
        self.write = write
    }

    static let help = [
        "Commands, each on a line of its own:",
        "Enter or n: the next part (after the last part, the next lesson).",
        "p: the previous part.",
        "a number: that part of this lesson.",
        "r: run the example in this part and compare its output with the lesson's.",
        "t: take this lesson's quiz.",
        "l: the list of lessons, to open another.",
        "m: mark this lesson done.",
        "again: print this part again.",
        "h: these commands.",
        "q: quit; your place is saved.",
    ]

    public func run() {
        perform(state.start())
        write("Preflight, accessible mode. Type h and Enter for the commands.")
        showPart()
        while true {
            write(prompt)
            guard let line = readLine() else { break }
            let command = line.trimmingCharacters(in: .whitespaces)
            let before = (state.lessonIndex, state.partIndex)
            switch command.lowercased() {
            case "", "n", "next": perform(state.movePart(by: 1))
            case "p", "previous", "back": perform(state.movePart(by: -1))
            case "r", "run": runExamples()
            case "t", "quiz": perform([.takeQuiz(state.lesson)])
            case "l", "lessons", "list": chooseLesson()
            case "m", "done": perform(state.handle(.character("m")))
            case "again", "a": showPart()
            case "h", "?", "help": Self.help.forEach(write)
            case "q", "quit", "exit": return
            default:
                if let number = Int(command) {
                    goToPart(number)
                } else {
                    write("Unknown command \u{201C}" + Visible.escape(command) + "\u{201D}. Type h for the commands.")
                }
            }
            flushMessage()
            if before != (state.lessonIndex, state.partIndex) { showPart() }
        }
    }

    var prompt: String {
        "Part \(state.partIndex + 1) of \(state.lesson.sections.count). Command (Enter for the next part, h for help):"
    }

    private func flushMessage() {
        if let message = state.message { write(message) }
        state.message = nil
    }

    /// The part as text: where it is, then its blocks, unwrapped, with code announced.
    func showPart() {
        let lesson = state.lesson
        let done = state.status(lesson) == .done ? " (done)" : ""
        write("")
        write("Lesson \(state.lessonIndex + 1) of \(state.course.lessons.count): " + Visible.escape(lesson.title) + done
              + ". Part \(state.partIndex + 1) of \(lesson.sections.count): " + Visible.escape(state.part.title) + ".")
        write("")
        let renderer = LessonRenderer(width: PlainText.width, styler: styler, plain: true)
        var lines = PartText.lines(state.part, lesson: lesson, renderer: renderer, styler: styler)
        if state.part.role == .quiz { lines = lines.map { $0.replacingOccurrences(of: "Press t", with: "Type t") } }
        lines.forEach(write)
        if state.isLastPart {
            write("")
            LearnScreen(size: TerminalSize(columns: PlainText.width, rows: 1), styler: styler).endOfLesson(state, width: PlainText.width)
                .map { $0.replacingOccurrences(of: "(press →)", with: "(press Enter)") }.forEach(write)
        }
        write("")
    }

    private func goToPart(_ number: Int) {
        guard (1...state.lesson.sections.count).contains(number) else {
            write("This lesson has parts 1 to \(state.lesson.sections.count).")
            return
        }
        perform(state.movePart(by: number - 1 - state.partIndex))
    }

    private func runExamples() {
        let effects = state.handle(.character("r"))
        guard !effects.isEmpty else { return }
        perform(effects)
        if case .panel(let title, let lines) = state.mode {
            write(title + ".")
            lines.filter { !$0.isEmpty }.forEach(write)
            state.mode = .reading
        }
    }

    private func chooseLesson() {
        let rows = state.pickerRows
        write("Lessons:")
        for (number, row) in rows.enumerated() {
            let name = Visible.escape(row.title ?? CourseText(row.file))
            guard row.lessonIndex != nil else {
                write("\(number + 1). " + name + ": unavailable: " + Visible.escape(row.problem ?? "it has errors") + ".")
                continue
            }
            let status: String
            switch state.progress.status(id: row.id ?? "") {
            case .done: status = "done"
            case .inProgress: status = "in progress"
            case .notStarted: status = "not started"
            }
            let here = row.lessonIndex == state.lessonIndex ? ", reading now" : ""
            write("\(number + 1). " + name + " (" + Visible.escape(row.id ?? "") + "), \(status)\(here).")
        }
        write("Type a number, an id or words of a title to open a lesson, or Enter to stay:")
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return }
        let matches: [LessonPicker.Row]
        if let number = Int(answer), rows.indices.contains(number - 1) {
            matches = [rows[number - 1]]
        } else if let exact = rows.first(where: { $0.id == answer }) {
            matches = [exact]
        } else {
            matches = rows.filter { LessonFilter.matches(answer, id: $0.id ?? $0.file, title: $0.title) }
        }
        guard matches.count == 1, let row = matches.first else {
            write(matches.isEmpty ? "No lesson matches \u{201C}" + Visible.escape(answer) + "\u{201D}." : "\(matches.count) lessons match; type more of the title, or its number.")
            return
        }
        guard let index = row.lessonIndex else {
            write("That lesson cannot be opened: " + Visible.escape(row.problem ?? "it has errors") + ".")
            return
        }
        if index == state.lessonIndex { write("You are reading that lesson.") }
        perform(state.openLesson(index))
    }

    private func perform(_ effects: [LearnEffect]) {
        for effect in effects {
            do {
                switch effect {
                case .runExamples(let list):
                    write("Running \(list.count) example\(list.count == 1 ? "" : "s")…")
                    let runs = try examples.run(list)
                    let panel = runs.flatMap { ExamplePanel.lines(for: $0, styler: styler, plain: true) }
                    perform(state.examplesFinished(runs.map { ($0.example, $0.passed) }, panel: panel))
                case .takeQuiz(let lesson):
                    guard let session = QuizSession.lessonQuiz(lesson, seed: state.quizSeed) else {
                        write("This lesson has no quiz.")
                        continue
                    }
                    write("Quiz: " + Visible.escape(lesson.title) + ". Type q to leave it.")
                    let sitting = try QuizSitting(session: session, book: book, styler: styler, plain: true, write: write, readLine: readLine).run()
                    write(sitting.finished ? "Back to the lesson. Quiz score: \(QuizScore(sitting.graded).text)." : "Back to the lesson.")
                default:
                    try LearnRecords.apply(effect, to: &state, book: book)
                }
            } catch {
                write("\(error)")
            }
        }
    }
}
