import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
import PreflightTerminal

struct ExerciseWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-check your file each time you save it, and move on when it passes.",
        discussion: """
            Shows the task above the last check's result. e opens the file in $VISUAL or $EDITOR.
            File systems that send no change events (network mounts, WSL's /mnt/<drive>) are polled, and so
            is any file whose change arrives without an event. In accessible mode (--plain, PREFLIGHT_PLAIN=1,
            TERM=dumb) results are printed as lines and commands typed on lines. Without a terminal (and
            without --plain) it checks once and exits (0 when it passes).
            """)

    @OptionGroup var options: ExerciseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("Start with this exercise (default: the first not done).", valueName: "NAME"))
    var name: String?

    @Flag(help: "Look for saves by modification time instead of file events.")
    var poll = false

    func run() throws {
        let session = try options.session()
        defer { LearningRecords.syncInBackground(session.progressBook) }
        guard !session.exercises.isEmpty else { Console.out("This course has no exercises."); return }
        let states = try session.states()
        let start = try name.map { try session.exercise(named: $0) } ?? session.current(states) ?? session.exercises[0]
        let styler = display.styler(for: .standardOutput)
        let state = WatchState(
            exercises: session.exercises, index: session.exercises.firstIndex { $0.id == start.id } ?? 0,
            statuses: states.mapValues(\.status), hintsShown: states.mapValues(\.hintsUsed))
        if display.isPlain && (display.plain || isatty(0) == 1) {
            WatchLoop(terminal: nil, state: state, session: session, styler: styler, poll: poll, write: { Console.out($0) }).run()
            return
        }
        guard !display.isPlain, let terminal = RawTerminal() else {
            let check = try session.check(start)
            ExerciseOutput.show(check, styler: styler)
            if !check.passed { throw AppError(.failed, "") }
            return
        }
        WatchLoop(terminal: terminal, state: state, session: session, styler: styler, poll: poll).run()
    }
}
