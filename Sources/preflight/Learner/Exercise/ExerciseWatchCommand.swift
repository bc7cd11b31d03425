import ArgumentParser
import Foundation
import PreflightCore
import PreflightRunner
import PreflightStore
import PreflightTerminal

struct ExerciseWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-check your file each time you save it, and move on when it passes.",
        discussion: "Without a terminal it checks once and exits (0 when it passes).")

    @OptionGroup var options: ExerciseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("Start with this exercise (default: the first not done).", valueName: "NAME"))
    var name: String?

    @Flag(help: "Look for saves by modification time instead of file events (network or WSL file systems).")
    var poll = false

    func run() throws {
        let context = try options.load()
        guard !context.exercises.isEmpty else { Console.out("This course has no exercises."); return }
        let store = try options.courseOptions.openStore(for: context.course)
        let progress = try store.exerciseProgress()
        let start = try name.map { try options.exercise(named: $0, in: context) }
            ?? context.exercises.first { progress[$0.id]?.status != .done } ?? context.exercises[0]
        let styler = display.styler(for: .standardOutput)
        guard let terminal = RawTerminal() else {
            let passed = try ExerciseRun.check(start, context: context, checker: try options.checker(for: context), store: store, styler: styler)
            if !passed { throw ExitCode(1) }
            return
        }
        let state = WatchState(
            exercises: context.exercises, index: context.exercises.firstIndex { $0.id == start.id } ?? 0,
            statuses: progress.mapValues(\.status), hintsShown: progress.mapValues(\.hintsUsed))
        WatchLoop(terminal: terminal, state: state, workspace: context.workspace, checker: try options.checker(for: context),
                  store: store, styler: styler, poll: poll).run()
    }
}
