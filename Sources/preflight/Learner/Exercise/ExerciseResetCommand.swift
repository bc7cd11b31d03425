import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

struct ExerciseResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Put the starter file back, keeping a backup of your version.")

    @OptionGroup var options: ExerciseOptions

    @Argument(help: ArgumentHelp("The exercise name or number.", valueName: "NAME"))
    var name: String

    @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let session = try options.session()
        let exercise = try session.exercise(named: name)
        let file = Visible.escape(session.workspace.file(for: exercise).path)
        if !yes && !session.workspace.isPristine(exercise) && !Confirmation.ask(Console.wrapped("Replace \(file) with the starter? Your version is kept as a backup. [y/N]") + " ") {
            throw AppError(.failed, "Nothing was changed.")
        }
        let backup = try session.reset(exercise)
        Console.out("Restored the starter for \u{201C}" + Visible.escape(exercise.title) + "\u{201D} at \(file).")
        if let backup { Console.out("Your version was saved as " + Visible.escape(backup.path) + ".") }
    }
}
