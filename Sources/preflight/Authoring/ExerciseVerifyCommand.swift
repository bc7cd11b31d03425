import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight exercise verify`: every starter must fail its check and every reference solution
/// must pass it, so no exercise is already solved or unsolvable. Run by `make test`.
struct ExerciseVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "For instructors and CI: each starter fails its check and each solution passes it.")

    @OptionGroup var options: ExerciseOptions

    @Argument(help: ArgumentHelp("Exercises to verify (default: all).", valueName: "NAME"))
    var names: [String] = []

    func run() throws {
        let session = try options.session(strict: true)
        let chosen = try names.isEmpty ? session.exercises : names.map { try session.exercise(named: $0) }
        let results = try session.verify(chosen)
        for result in results {
            let exercise = result.exercise
            if result.passed {
                Console.out("PASS  " + Visible.escape(exercise.id) + "  starter fails, solution passes")
                continue
            }
            let at = Visible.escape(DisplayPaths.current.show(URL(fileURLWithPath: exercise.folder).appendingPathComponent("README.md")))
            Console.out("FAIL  " + Visible.escape(exercise.id))
            for problem in result.problems { Console.out("      \(at):1:1: error: " + Visible.escape(problem)) }
            if !result.solution.passed {
                Console.out(result.solution.output.split(separator: "\n").prefix(15).map { "      | " + Visible.escape(String($0)) }.joined(separator: "\n"))
            }
        }
        let failed = results.filter { !$0.passed }.count
        Console.out("\(results.count - failed) passed, \(failed) failed")
        if failed > 0 { throw AppError(.failed, "") }
    }
}
