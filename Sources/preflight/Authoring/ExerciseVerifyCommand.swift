import ArgumentParser
import Foundation
import PreflightCore
import PreflightRunner

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
        let context = try options.load()
        let chosen = try names.isEmpty ? context.exercises : names.map { try options.exercise(named: $0, in: context) }
        guard !chosen.isEmpty else {
            // Verifying nothing must not pass: a misnamed folder would otherwise turn CI green.
            let folder = context.course.exercisesFolder.map { Paths.display($0) } ?? "the exercises folder"
            Console.error("preflight: error: no exercise to verify in \(folder) (each exercise is a folder named `NN-<name>` holding a README.md); `preflight lint` says more")
            throw ExitCode(ExitCodes.dataError)
        }
        let checker = try options.checker(for: context)
        var passed = 0, failed = 0
        for exercise in chosen {
            let starter = checker.check(exercise, candidate: context.workspace.starter(for: exercise))
            let solution = checker.check(exercise, candidate: context.workspace.solution(for: exercise))
            var problems: [String] = []
            if starter.passed { problems.append("the untouched starter passes its check: there is nothing to do") }
            if starter.termination == .timedOut { problems.append("the starter's check timed out instead of failing") }
            if !solution.passed {
                problems.append("the reference solution fails its check" + (solution.problem.map { " (\($0))" } ?? ""))
            }
            let where_ = "\(Paths.display(URL(fileURLWithPath: exercise.folder).appendingPathComponent("README.md"))):1:1"
            if problems.isEmpty {
                passed += 1
                Console.out("PASS  \(exercise.id)  starter fails, solution passes")
            } else {
                failed += 1
                Console.out("FAIL  \(exercise.id)")
                for problem in problems { Console.out("      \(where_): error: \(problem)") }
                if !solution.passed { Console.out(solution.output.split(separator: "\n").prefix(15).map { "      | " + Visible.escape(String($0)) }.joined(separator: "\n")) }
            }
        }
        Console.out("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
