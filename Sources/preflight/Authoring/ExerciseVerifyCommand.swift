import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight exercise verify`: every starter must fail its check and every reference solution
/// must pass it, so no exercise is already solved or unsolvable. Run by `make test`.
struct ExerciseVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "For instructors and CI: each starter fails its check and each solution passes it.",
        discussion: """
            With --grade it grades a learner's files instead, in the workspace (--workspace DIR, laid out
            DIR/NN-name/<file> as `preflight exercise` lays them out): exit 0 when every exercise passes, 1 when
            one fails. --format classroom (which implies --grade) prints what GitHub Classroom's autograding
            reporter reads; docs/classroom-autograding.yml shows a workflow.
            """)

    @OptionGroup var options: ExerciseOptions

    @Argument(help: ArgumentHelp("Exercises to verify (default: all).", valueName: "NAME"))
    var names: [String] = []

    /// text, json, junit, or classroom (GitHub Classroom's autograding results, for grading).
    @Option(help: ArgumentHelp("text, json, junit, or classroom (grading only).", valueName: "FORMAT"))
    var format: GradeReport.Format = .text

    /// Grade the learner's files (see ExerciseVerifyCommand+Grading).
    @Flag(help: "Grade the learner's files in the workspace instead of the starters and solutions (implied by --format classroom).")
    var grade = false

    func run() throws {
        let session = try options.session()
        let chosen = try names.isEmpty ? session.exercises : names.map { try session.exercise(named: $0) }
        if grade || format == .classroom { return try gradeWorkspace(session, chosen) }
        guard format == .text else { throw AppError(.usage, "--format \(format.rawValue) grades a learner's files: add --grade (starters and solutions are reported as text)") }
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
