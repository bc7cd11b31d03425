import PreflightApp
import PreflightCore
import PreflightGrading

/// The interactive course: reads keys, updates `LearnState`, carries out its effects through the
/// application layer (saving progress, running examples, taking a quiz) and redraws. The
/// terminal is restored however it ends.
public final class LearnLoop {
    let terminal: RawTerminal
    let book: ProgressBook
    let examples: ExampleSession
    let styler: Styler
    var state: LearnState

    public init(terminal: RawTerminal, state: LearnState, book: ProgressBook, examples: ExampleSession, styler: Styler) {
        self.terminal = terminal
        self.state = state
        self.book = book
        self.examples = examples
        self.styler = styler
    }

    /// Runs until the learner quits. Progress is saved as it happens, so nothing waits for here.
    public func run() {
        terminal.enter()
        defer { terminal.restore() }
        let keys = KeyReader()
        perform(state.start())
        draw()
        loop: while true {
            switch keys.next() {
            case .endOfInput: break loop
            case .resize, .ready, .timeout: draw()
            case .key(let key):
                let effects = state.handle(key)
                if effects.contains(where: { if case .quit = $0 { return true } else { return false } }) { break loop }
                perform(effects)
                draw()
            }
        }
    }

    func draw() {
        let size = TerminalSize.current() ?? TerminalSize(columns: 80, rows: 24)
        let lines = LearnScreen(size: size, styler: styler).frame(&state)
        terminal.write(ANSI.moveTo(row: 1, column: 1) + lines.map { $0 + ANSI.clearLineToEnd }.joined(separator: "\r\n"))
    }

    func perform(_ effects: [LearnEffect]) {
        for effect in effects {
            do {
                switch effect {
                case .runExamples(let list): try runExamples(list)
                case .takeQuiz(let lesson): try takeQuiz(lesson)
                default: try LearnRecords.apply(effect, to: &state, book: book)
                }
            } catch {
                // The learner keeps reading; the message says what was not saved.
                state.message = "\(error)"
            }
        }
    }

    private func runExamples(_ list: [Example]) throws {
        state.message = "Running \(list.count) example\(list.count == 1 ? "" : "s")…"
        draw()
        let runs = try examples.run(list)
        let panel = runs.flatMap { ExamplePanel.lines(for: $0, styler: styler) }
        perform(state.examplesFinished(runs.map { ($0.example, $0.passed) }, panel: panel))
    }

    /// The lesson's quiz in line mode, then back to the lesson.
    private func takeQuiz(_ lesson: Lesson) throws {
        guard let session = QuizSession.lessonQuiz(lesson, seed: state.quizSeed) else {
            state.message = "This lesson has no quiz."
            return
        }
        terminal.restore()
        defer { terminal.enter() }
        print(styler.apply([.bold], "Quiz: " + Visible.escape(lesson.title)))
        let sitting = try QuizSitting(session: session, book: book, styler: styler, write: { print($0) }).run()
        print(styler.apply([.dim], "\nPress Enter to return to the lesson."))
        _ = readLine()
        state.message = sitting.finished ? "Quiz score: \(QuizScore(sitting.graded).text)." : "You left the quiz; nothing was recorded."
    }
}

/// The effects both learn loops carry out the same way: saving the place and completion, and
/// loading a lesson's example runs.
enum LearnRecords {
    static func apply(_ effect: LearnEffect, to state: inout LearnState, book: ProgressBook) throws {
        switch effect {
        case .savePosition(let id, let part): try book.recordPosition(lessonID: id, part: part)
        case .markDone(let id): try book.markDone(lessonID: id)
        case .loadLesson(let id): state.lessonOpened(examplesRun: try book.examplesRun(lessonID: id))
        case .quit, .runExamples, .takeQuiz: break
        }
    }
}
