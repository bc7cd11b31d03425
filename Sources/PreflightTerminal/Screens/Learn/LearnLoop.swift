import PreflightCore
import PreflightRunner
import PreflightStore

/// The interactive course: reads keys, updates `LearnState`, carries out its effects (saving
/// progress, running examples) and redraws. The terminal is restored however it ends.
public final class LearnLoop {
    public typealias QuizHook = (Lesson, RawTerminal) -> String?

    let terminal: RawTerminal
    let store: ProgressStore
    let runner: ExampleRunner
    let styler: Styler
    let takeQuiz: QuizHook?
    var state: LearnState

    public init(terminal: RawTerminal, state: LearnState, store: ProgressStore, runner: ExampleRunner, styler: Styler, takeQuiz: QuizHook?) {
        self.terminal = terminal
        self.state = state
        self.store = store
        self.runner = runner
        self.styler = styler
        self.takeQuiz = takeQuiz
    }

    /// Runs until the learner quits. Progress is saved as it happens, so nothing waits for here.
    public func run() {
        terminal.enter()
        defer { terminal.restore() }
        let keys = KeyReader()
        perform(state.moveSection(by: 0))
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
                case .quit: return
                case .savePosition(let id, let position): try store.recordPosition(lessonID: id, position: position)
                case .markDone(let id): try store.markCompleted(lessonID: id)
                case .loadLesson(let id): state.lessonOpened(examplesRun: try store.examplesRun(lessonID: id))
                case .runExamples(let examples): runExamples(examples)
                case .takeQuiz(let lesson):
                    if let takeQuiz {
                        terminal.restore()
                        state.message = takeQuiz(lesson, terminal)
                        terminal.enter()
                    } else {
                        state.message = "Quizzes are coming soon: this key will open the lesson's quiz."
                    }
                }
            } catch {
                state.message = "Could not save progress: \(error)"
            }
        }
    }

    private func runExamples(_ examples: [Example]) {
        state.message = "Running \(examples.count) example\(examples.count == 1 ? "" : "s")…"
        draw()
        var results: [(Example, Bool)] = []
        var panel: [String] = []
        for example in examples {
            let item = CheckItem(kind: .example, example: example, label: "example \(example.index)", name: "\(example.lessonID)/example-\(example.index)")
            let result = runner.run(item)
            results.append((example, result.verdict.passed))
            try? store.recordExampleRun(lessonID: example.lessonID, exampleIndex: example.index, passed: result.verdict.passed)
            panel += ExamplePanel.lines(for: result, styler: styler)
        }
        perform(state.examplesFinished(results, panel: panel))
    }
}
