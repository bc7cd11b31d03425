import Foundation
import PreflightApp
import PreflightCore

/// `preflight exercise watch`: re-checks the learner's file a moment after each save and moves
/// on when it passes. A check is bounded by its time limit and output cap, so a runaway
/// solution cannot freeze the loop.
public final class WatchLoop {
    let terminal: RawTerminal
    var state: WatchState
    let session: ExerciseSession
    let styler: Styler
    let poll: Bool
    /// Quiet time after the last file event before checking, so one save runs one check.
    static let debounceMilliseconds: Int32 = 120

    public init(terminal: RawTerminal, state: WatchState, session: ExerciseSession, styler: Styler, poll: Bool) {
        self.terminal = terminal
        self.state = state
        self.session = session
        self.styler = styler
        self.poll = poll
    }

    var workspace: ExerciseWorkspace { session.workspace }

    /// One event queue: keys, file events, the debounce timer, polling and resizes all arrive
    /// through the one `KeyReader.next` call at the top of the loop, so no key typed while a save
    /// is being debounced is read and dropped elsewhere.
    public func run() {
        terminal.enter()
        defer { terminal.restore() }
        let keys = KeyReader()
        var watcher = open(state.current)
        runCheck()
        /// When the last file event is this old (uptime nanoseconds), the check runs.
        var checkDue: UInt64?
        loop: while true {
            draw(watcher)
            let now = DispatchTime.now().uptimeNanoseconds
            var wait: Int32 = watcher.usesPolling ? 300 : -1
            if let checkDue { wait = Int32(checkDue > now ? (checkDue - now) / 1_000_000 + 1 : 0) }
            var effects: [WatchState.Effect] = []
            switch keys.next(watching: watcher.descriptor, timeoutMilliseconds: wait) {
            case .endOfInput: break loop
            case .resize: break
            case .ready, .timeout:
                if watcher.consumeChanges() {
                    // Debounce: one save makes a burst of events; check once it is quiet.
                    checkDue = DispatchTime.now().uptimeNanoseconds + UInt64(Self.debounceMilliseconds) * 1_000_000
                }
            case .key(let key):
                effects = state.handle(key)
            }
            if let due = checkDue, DispatchTime.now().uptimeNanoseconds >= due, !effects.contains(.quit) {
                checkDue = nil
                effects.append(.check)
            }
            for effect in effects {
                switch effect {
                case .quit: break loop
                case .check: if runCheckAndAdvance() { watcher = open(state.current) }
                case .revealHint: revealHint()
                case .switchTo(let index):
                    state.switchTo(index)
                    watcher = open(state.current)
                    checkDue = nil
                    runCheck()
                }
            }
        }
    }

    private func open(_ exercise: Exercise) -> FileWatcher {
        // A copy that cannot be made is reported by the check that follows.
        let file = (try? session.prepare(exercise)) ?? workspace.file(for: exercise)
        return FileWatcher(file: file, poll: poll)
    }

    @discardableResult
    private func runCheck() -> Bool {
        state.checking = true
        state.message = "Checking…"
        draw(nil)
        let exercise = state.current
        defer { state.checking = false }
        do {
            let check = try session.check(exercise)
            if check.passed && state.statuses[exercise.id] != .done { state.statuses[exercise.id] = .passing }
            state.resultLines = ExercisePanel.lines(check, styler: styler)
            state.message = nil
            return check.passed
        } catch {
            state.message = "\(error)"
            return false
        }
    }

    /// Checks; on a pass marks the exercise done and switches to the next. True when it switched.
    private func runCheckAndAdvance() -> Bool {
        guard runCheck() else { return false }
        do {
            try session.markDone(state.current)
        } catch {
            state.message = "\(error)"
            return false
        }
        let passedLines = state.resultLines
        for effect in state.passed() {
            if case .switchTo(let index) = effect {
                let message = state.message
                state.switchTo(index)
                runCheck()
                state.resultLines = passedLines + [""] + state.resultLines
                state.message = message
                return true
            }
        }
        return false
    }

    private func revealHint() {
        let exercise = state.current
        guard !exercise.hints.isEmpty else { state.message = "This exercise has no hints."; return }
        do {
            state.hintsShown[exercise.id] = try session.revealHint(exercise)
        } catch {
            state.message = "\(error)"
        }
    }

    private func draw(_ watcher: FileWatcher?) {
        let size = TerminalSize.current() ?? TerminalSize(columns: 80, rows: 24)
        let width = max(size.columns, 20)
        var lines: [String] = []
        let exercise = state.current
        let done = state.statuses.values.filter { $0 == .done }.count
        lines.append(styler.apply([.bold], "Exercise \(state.index + 1) of \(state.exercises.count): \(Visible.escape(exercise.title))") + styler.apply([.dim], "  (\(done) done)"))
        lines.append(styler.apply([.dim], "Edit \(Visible.escape(workspace.file(for: exercise).path)) and save; it is checked each time." + (watcher?.usesPolling == true ? " (polling)" : "")))
        lines.append("")
        if state.mode == .list {
            for (number, item) in state.exercises.enumerated() {
                let mark = state.statuses[item.id] == .done ? "✓" : state.statuses[item.id] == .passing ? "•" : " "
                lines.append("\(number + 1). \(mark) \(Visible.escape(item.title))  \(styler.apply([.dim], "(\(item.lessonID))"))")
            }
            lines.append("")
            lines.append(styler.apply([.dim], "Press a number to switch, any other key to go back."))
        } else {
            lines += state.resultLines
            let hints = state.hintsShown[exercise.id] ?? 0
            if hints > 0 {
                let renderer = LessonRenderer(width: width - 2, styler: styler)
                for (number, hint) in exercise.hints.prefix(hints).enumerated() {
                    lines.append("")
                    lines.append(styler.apply([.bold], "Hint \(number + 1) of \(exercise.hints.count):"))
                    lines += renderer.render(blocks: hint).map { "  " + $0 }
                }
            }
        }
        let bodyRows = max(size.rows - 2, 1)
        var body = Array(lines.prefix(bodyRows - 1))
        body += Array(repeating: "", count: max(0, bodyRows - 1 - body.count))
        body.append(styler.apply([.yellow], Visible.escape(state.message ?? "")))
        body.append(styler.apply([.dim], "h hint  c check now  n next exercise  l list  q quit"))
        let fitted = body.map { TextWidth.of($0) <= width || styler.enabled ? $0 : TextWidth.prefix($0, fitting: width) }
        terminal.write(ANSI.moveTo(row: 1, column: 1) + fitted.map { $0 + ANSI.clearLineToEnd }.joined(separator: "\r\n"))
    }
}
