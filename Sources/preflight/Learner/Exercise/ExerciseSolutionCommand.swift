import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

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
        let session = try options.session()
        let exercise = try session.exercise(named: name)
        var text = try session.solution(exercise, confirmed: yes)
        if text == nil {
            guard Confirmation.ask("Your file does not pass yet. Show the solution anyway? [y/N] ") else {
                throw AppError(.failed, "Not shown. `preflight exercise hint \(exercise.id)` gives a nudge instead.")
            }
            text = try session.solution(exercise, confirmed: true)
        }
        Console.out(Visible.escape(text ?? "", keepNewlines: true))
    }
}
