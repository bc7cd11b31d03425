import ArgumentParser
import Foundation
import PreflightCore
import PreflightStore

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
        let context = try options.load()
        let exercise = try options.exercise(named: name, in: context)
        let file = context.workspace.file(for: exercise)
        if !yes && !context.workspace.isPristine(exercise) && !Confirmation.ask("Replace \(file.path) with the starter? Your version is kept as a backup. [y/N] ") {
            Console.error("Nothing was changed.")
            throw ExitCode(1)
        }
        let backup = try context.workspace.reset(exercise)
        try options.courseOptions.openStore(for: context.course).resetExercise(exercise.id)
        Console.out("Restored the starter for \u{201C}\(exercise.title)\u{201D} at \(file.path).")
        if let backup { Console.out("Your version was saved as \(backup.path).") }
    }
}
