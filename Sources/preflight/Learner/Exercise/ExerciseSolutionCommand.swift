import ArgumentParser
import Foundation
import PreflightCore
import PreflightStore

struct ExerciseSolutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution",
        abstract: "Show the reference solution: at once when your file passes, otherwise after you confirm.")

    @OptionGroup var options: ExerciseOptions

    @Argument(help: ArgumentHelp("The exercise name or number.", valueName: "NAME"))
    var name: String

    @Flag(name: [.short, .long], help: "Show it without asking, even if your file does not pass yet.")
    var yes = false

    func run() throws {
        let context = try options.load()
        let exercise = try options.exercise(named: name, in: context)
        let store = try options.courseOptions.openStore(for: context.course)
        let status = try store.exerciseProgress()[exercise.id]?.status ?? .pending
        if status == .pending && !yes && !Confirmation.ask("Your file does not pass yet. Show the solution anyway? [y/N] ") {
            Console.error("Not shown. `preflight exercise hint \(exercise.id)` gives a nudge instead.")
            throw ExitCode(1)
        }
        guard let text = try? String(contentsOf: context.workspace.solution(for: exercise), encoding: .utf8) else {
            Console.error("preflight: error: cannot read the solution \(exercise.solution)")
            throw ExitCode(ExitCodes.dataError)
        }
        Console.out(Visible.escape(text, keepNewlines: true))
    }
}
