import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
import PreflightTerminal

struct ExerciseNextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Check the current exercise; when it passes, mark it done and show the next one.")

    @OptionGroup var options: ExerciseOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let session = try options.session()
        defer { LearningRecords.syncInBackground(session.progressBook) }
        let states = try session.states()
        let styler = display.styler(for: .standardOutput)
        guard let current = session.current(states) else {
            Console.out("Every exercise is done.")
            return
        }
        if session.workspace.isPristine(current) && states[current.id] == nil {
            try session.prepare(current)
            ExerciseOutput.task(current, session: session, styler: styler)
            return
        }
        let check = try session.check(current)
        ExerciseOutput.show(check, styler: styler)
        guard check.passed else { throw AppError(.failed, "") }
        try session.markDone(current)
        guard let next = session.exercises.first(where: { $0.id != current.id && states[$0.id]?.status != .done }) else {
            Console.out("\nThat was the last one: every exercise is done.")
            return
        }
        try session.prepare(next)
        Console.out("")
        ExerciseOutput.task(next, session: session, styler: styler)
    }
}
