import Foundation
import PreflightApp
import PreflightCore

/// `preflight exercise watch`: re-checks the learner's file a moment after each save that
/// changed it, and moves on when it passes. A check is bounded by its time limit and output
/// cap, so a runaway solution cannot freeze the loop; a file system that sends no change events
/// is polled instead, and the learner is told. Full screen on a terminal; in accessible mode
/// (no terminal given) each check and message is printed once, as lines, and commands are
/// typed on lines of their own, through the same event queue.
public final class WatchLoop {
    let terminal: RawTerminal?
    var state: WatchState
    let session: ExerciseSession
    let styler: Styler
    let poll: Bool
    let write: (String) -> Void
    /// Accessible mode: what was printed last, so each thing is said once.
    var printedResult: [String] = []
    var printedMessage: String?
    var typedLine = ""
    /// Quiet time after the last file event before checking, so one save runs one check.
    static let debounceMilliseconds: Int32 = 120
    /// The contents last checked, so a save that changed nothing checks nothing.
    var checkedContents: Data?

    /// - Parameter terminal: nil for accessible mode, where lines go to `write`.
    public init(terminal: RawTerminal?, state: WatchState, session: ExerciseSession, styler: Styler, poll: Bool, write: @escaping (String) -> Void = { print($0) }) {
        self.terminal = terminal
        self.state = state
        self.session = session
        self.styler = terminal == nil ? Styler(enabled: false) : styler
        self.poll = poll
        self.write = write
    }

    var plain: Bool { terminal == nil }

    var workspace: ExerciseWorkspace { session.workspace }

    /// One event queue: keys, file events, the debounce timer, polling and resizes all arrive
    /// through the one `KeyReader.next` call at the top of the loop, so no key typed while a save
    /// is being debounced is read and dropped elsewhere.
    public func run() {
        terminal?.enter()
        defer { terminal?.restore() }
        let keys = KeyReader()
        if plain { introduce() }
        openCheck()
        var watcher = open(state.current)
        /// When the last file event is this old (uptime nanoseconds), the check runs.
        var checkDue: UInt64?
        // A save made while the exercise was being checked, before the watcher existed.
        if changedSinceLastCheck() { checkDue = DispatchTime.now().uptimeNanoseconds }
        loop: while true {
            draw(watcher)
            let now = DispatchTime.now().uptimeNanoseconds
            // Wake at least once a second to see whether a change arrived without its event.
            var wait: Int32 = watcher.usesPolling ? 300 : 1000
            if let checkDue { wait = Int32(checkDue > now ? (checkDue - now) / 1_000_000 + 1 : 0) }
            var effects: [WatchState.Effect] = []
            switch keys.next(watching: watcher.descriptor, timeoutMilliseconds: wait) {
            case .endOfInput: break loop
            case .resize: break
            case .ready, .timeout:
                if let reason = watcher.checkForSilence() {
                    state.message = "No change event arrived after a save (\(reason)); watching by polling from now on."
                }
                if watcher.consumeChanges() {
                    // Debounce: one save makes a burst of events; check once it is quiet.
                    checkDue = DispatchTime.now().uptimeNanoseconds + UInt64(Self.debounceMilliseconds) * 1_000_000
                }
            case .key(let key):
                effects = plain ? typed(key) : state.handle(key)
            }
            if let due = checkDue, DispatchTime.now().uptimeNanoseconds >= due, !effects.contains(.quit) {
                checkDue = nil
                if changedSinceLastCheck() { effects.append(.check) } else { state.message = "Saved without changes; nothing to check again." }
            }
            for effect in effects {
                switch effect {
                case .quit: break loop
                case .check:
                    if checkAndAdvance() {
                        watcher = open(state.current)
                        if changedSinceLastCheck() { checkDue = DispatchTime.now().uptimeNanoseconds }
                    }
                case .revealHint: revealHint()
                case .edit: edit()
                case .switchTo(let index):
                    state.switchTo(index)
                    checkDue = nil
                    openCheck()
                    watcher = open(state.current)
                    if changedSinceLastCheck() { checkDue = DispatchTime.now().uptimeNanoseconds }
                }
            }
        }
    }

    private func open(_ exercise: Exercise) -> FileWatcher {
        // A copy that cannot be made is reported by the check that follows.
        let file = (try? session.prepare(exercise)) ?? workspace.file(for: exercise)
        return FileWatcher(file: file, poll: poll)
    }

    private func changedSinceLastCheck() -> Bool {
        guard let checked = checkedContents else { return true }
        return (try? Data(contentsOf: workspace.file(for: state.current))) != checked
    }

    /// Checks the current exercise; a check the learner asked for (a save, `c`) scrolls to its
    /// result, one made on opening an exercise leaves its task in view.
    @discardableResult
    private func runCheck(reveal: Bool = true) -> Bool {
        state.checking = true
        state.resultLines = []
        state.message = "Checking…"
        draw(nil)
        let exercise = state.current
        defer { state.checking = false }
        do {
            // What is checked is the file as it is now: a save during the check is a change.
            checkedContents = try? Data(contentsOf: try session.prepare(exercise))
            let check = try session.check(exercise)
            if check.passed && state.statuses[exercise.id] != .done { state.statuses[exercise.id] = .passing }
            state.resultLines = ExercisePanel.lines(check, styler: styler, maxLines: .max, plain: plain)
            state.message = nil
            state.revealResult = reveal
            return check.passed
        } catch {
            state.message = "\(error)"
            return false
        }
    }

    /// Checks the exercise just opened (the watch started on it, or the learner switched to
    /// it); one that already passes and was not done is completed and the watch moves on, as
    /// often as that happens.
    private func openCheck() {
        var passedOnTheWay: [String] = []
        var news: String?
        while runCheck(reveal: false), ExerciseSession.movesOn(afterPassing: state.current, onOpening: true, statuses: state.statuses) {
            let lines = Self.summary(of: state.resultLines)
            let title = state.current.title
            guard moveOn() else {
                state.resultLines = passedOnTheWay + state.resultLines
                return
            }
            passedOnTheWay += lines + [""]
            let onward = (state.message ?? "").replacingOccurrences(of: "Passed! ", with: "")
            news = "\u{201C}" + Visible.escape(title) + "\u{201D} already passes: marked done. " + onward
            state.resultLines = passedOnTheWay
        }
        if !passedOnTheWay.isEmpty { state.resultLines = passedOnTheWay + state.resultLines }
        if let news { state.message = [news, state.message].compactMap { $0 }.joined(separator: " ") }
    }

    /// Checks; on a pass marks the exercise done and moves to the next. True when it moved.
    private func checkAndAdvance() -> Bool {
        guard runCheck() else { return false }
        let passedLines = Self.summary(of: state.resultLines)
        guard moveOn() else { return false }
        let message = state.message
        openCheck()
        state.resultLines = passedLines + [""] + state.resultLines
        state.message = [message, state.message].compactMap { $0 }.joined(separator: " ")
        return true
    }

    /// A passed exercise's result in two lines, its verdict and its last (the totals), so the
    /// next exercise's task and result stay in view.
    static func summary(of lines: [String]) -> [String] {
        guard let first = lines.first else { return [] }
        let last = lines.dropFirst().last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return [first] + (last.map { [$0] } ?? [])
    }

    /// Marks the current exercise done and switches to the next not done; false when there is none.
    private func moveOn() -> Bool {
        do {
            try session.markDone(state.current)
        } catch {
            state.message = "\(error)"
            return false
        }
        for effect in state.passed() {
            if case .switchTo(let index) = effect {
                state.switchTo(index)
                return true
            }
        }
        return false
    }

    private func revealHint() {
        let exercise = state.current
        guard !exercise.hints.isEmpty else { state.message = "This exercise has no hints."; return }
        do {
            let shown = try session.revealHint(exercise)
            state.hintsShown[exercise.id] = shown
            state.revealResult = false
            if plain, shown > 0 {
                write("Hint \(shown) of \(exercise.hints.count):")
                LessonRenderer(width: PlainText.width, styler: styler, plain: true).render(blocks: exercise.hints[shown - 1]).forEach(write)
            }
        } catch {
            state.message = "\(error)"
        }
    }

    /// Hands the terminal to the learner's editor on the exercise's file, then takes it back;
    /// the save is noticed like any other.
    private func edit() {
        let file = (try? session.prepare(state.current)) ?? workspace.file(for: state.current)
        terminal?.restore()
        let outcome = Editor.open(file, environment: ProcessInfo.processInfo.environment)
        terminal?.enter()
        state.message = outcome
    }

    private func draw(_ watcher: FileWatcher?) {
        guard let terminal else { return say(watcher) }
        let size = TerminalSize.current() ?? TerminalSize(columns: 80, rows: 24)
        let file = workspace.file(for: state.current).path
        let polling = watcher.flatMap { $0.usesPolling ? ($0.pollingReason ?? "as asked") : nil }
        let lines = WatchScreen(size: size, styler: styler).frame(&state, file: file, polling: polling)
        terminal.write(ANSI.moveTo(row: 1, column: 1) + lines.map { $0 + ANSI.clearLineToEnd }.joined(separator: "\r\n"))
    }

    // MARK: Accessible mode

    private func introduce() {
        write("Watching your exercise files; each save is checked. Commands, each followed by Enter: c check now, t the task again, h hint, e edit, n next, p previous, l list, a number to switch, q quit.")
    }

    private var lastAnnounced: String?

    /// Prints what is new since the last look: the exercise, a check's result, a message.
    private func say(_ watcher: FileWatcher?) {
        let exercise = state.current
        if lastAnnounced != exercise.id {
            lastAnnounced = exercise.id
            write("")
            write("Exercise \(state.index + 1) of \(state.exercises.count): " + Visible.escape(exercise.title) + ". Edit " + Visible.escape(workspace.file(for: exercise).path) + ".")
            if let reason = watcher?.pollingReason { write("Watching by polling: " + Visible.escape(reason) + ".") }
            printTask()
        }
        if state.resultLines != printedResult {
            printedResult = state.resultLines
            state.resultLines.filter { !$0.isEmpty }.forEach(write)
        }
        if state.message != printedMessage {
            printedMessage = state.message
            if let message = state.message, message != "Checking…" { write(Visible.escape(message)) }
        }
    }

    private func printTask() {
        write("The task:")
        LessonRenderer(width: PlainText.width, styler: styler, plain: true).render(blocks: state.current.task).forEach(write)
        write("End of the task.")
    }

    /// A command typed on a line: the line's keys gathered until Enter.
    private func typed(_ key: Key) -> [WatchState.Effect] {
        switch key {
        case .controlC, .controlD: return [.quit]
        case .character(let character): typedLine.append(character); return []
        case .backspace: if !typedLine.isEmpty { typedLine.removeLast() }; return []
        case .enter: break
        default: return []
        }
        let command = typedLine.trimmingCharacters(in: .whitespaces).lowercased()
        typedLine = ""
        printedMessage = nil
        state.message = nil
        switch command {
        case "q", "quit": return [.quit]
        case "", "c", "check": return [.check]
        case "h", "hint": return [.revealHint]
        case "t", "task":
            printTask()
            return []
        case "e", "edit": return [.edit]
        case "n", "next": return state.handle(.character("n"))
        case "p", "previous": return state.handle(.character("p"))
        case "l", "list":
            for (number, exercise) in state.exercises.enumerated() {
                let status = state.statuses[exercise.id] ?? .pending
                write("\(number + 1). " + Visible.escape(exercise.title) + ", \(status.rawValue)" + (number == state.index ? ", watching now." : "."))
            }
            return []
        default:
            if let number = Int(command), (1...state.exercises.count).contains(number) { return number - 1 == state.index ? [] : [.switchTo(number - 1)] }
            write("Unknown command \u{201C}" + Visible.escape(command) + "\u{201D}: c, t, h, e, n, p, l, a number, or q.")
            return []
        }
    }
}

/// The learner's editor, as `$VISUAL` or `$EDITOR` names it (words and all, as shells run it).
public enum Editor {
    /// Runs the editor on `file` and waits; returns what to tell the learner when it did not run.
    public static func open(_ file: URL, environment: [String: String]) -> String? {
        guard let command = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return "Set $VISUAL or $EDITOR to open the file from here (for example: export EDITOR=nano)."
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The file is an argument of its own ("$1"), never part of the command text.
        process.arguments = ["-c", command + " \"$1\"", "preflight-editor", file.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return "Could not start the editor (" + Visible.escape(command) + "): \(error.localizedDescription)"
        }
        return process.terminationStatus == 0 ? nil : "The editor (" + Visible.escape(command) + ") exited with status \(process.terminationStatus)."
    }
}
