import ArgumentParser
import Foundation
import PreflightCore
import PreflightRunner
import PreflightStore
import PreflightTerminal

struct ExerciseCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check your file for one exercise (exit 0 when it passes, 1 when not).")

    @OptionGroup var options: ExerciseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("The exercise name or number.", valueName: "NAME"))
    var name: String

    func run() throws {
        let context = try options.load()
        let exercise = try options.exercise(named: name, in: context)
        let store = try options.courseOptions.openStore(for: context.course)
        let passed = try ExerciseRun.check(exercise, context: context, checker: try options.checker(for: context), store: store, styler: display.styler(for: .standardOutput))
        if !passed { throw ExitCode(1) }
    }
}

/// One check of the learner's file, shown and recorded; shared by `check` and `next`.
enum ExerciseRun {
    static func check(_ exercise: Exercise, context: ExerciseOptions.Context, checker: ExerciseChecker, store: ProgressStore, styler: Styler) throws -> Bool {
        let file: URL
        do {
            file = try context.workspace.prepare(exercise)
        } catch {
            Console.error("preflight: error: cannot create your copy of \(exercise.file) in \(context.workspace.root.path): \(error.localizedDescription)")
            throw ExitCode(ExitCodes.dataError)
        }
        let outcome = checker.check(exercise, candidate: file)
        try store.recordExerciseCheck(exercise.id, passed: outcome.passed)
        Console.out(ExercisePanel.lines(exercise, outcome: outcome, styler: styler).joined(separator: "\n"))
        if !outcome.passed { Console.out("Your file: \(file.path)") }
        return outcome.passed
    }
}
