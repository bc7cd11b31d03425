import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight exercise verify`: every starter must fail its check and every reference solution
/// must pass it, so no exercise is already solved or unsolvable. Run by `make test`. With
/// `--grade` it grades a learner's workspace instead (ExerciseVerifyCommand+Grading).
struct ExerciseVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "For instructors and CI: each starter fails its check and each solution passes it.",
        discussion: """
            Exits 0 when every exercise verifies, 1 when one does not, 65 when the exercises do not load \
            (json, junit and classroom still write a report).

            With --grade it grades a learner's files instead, in the workspace (--workspace DIR, laid out \
            DIR/NN-name/<file> as `preflight exercise` lays them out): exit 0 when every exercise passes, 1 when \
            one fails. --format classroom (which implies --grade) prints what GitHub Classroom's autograding \
            reporter reads; docs/classroom-autograding.yml shows a workflow.
            """)

    @OptionGroup var options: ExerciseOptions

    @Argument(help: ArgumentHelp("Exercises to verify (default: all).", valueName: "NAME"))
    var names: [String] = []

    @Option(help: ArgumentHelp("text, json, junit, or classroom (grading only).", valueName: "FORMAT"))
    var format: GradeReport.Format = .text

    /// Grading is asked for by name, never inferred from `--workspace`: a verify run that was
    /// given a workspace (as every exercise command accepts one) must keep meaning verify.
    @Flag(help: "Grade the learner's files in the workspace instead of the starters and solutions (implied by --format classroom).")
    var grade = false

    var grading: Bool { grade || format == .classroom }

    func run() throws {
        do {
            // Verifying refuses a course with any error; grading a learner's work needs only the exercises.
            let session = try options.session(strict: !grading)
            let chosen = try names.isEmpty ? session.exercises : names.map { try session.exercise(named: $0) }
            if grading { return try gradeWorkspace(session, chosen) }
            try verify(session, chosen)
        } catch let error as AppError where error.kind != .failed {
            switch format {
            case .text: break
            case .json: Console.out(try VerifyReport.json(notStarted: error))
            case .junit: Console.out(VerifyReport.junit(notStarted: error))
            case .classroom: Console.out(try GradeReport.classroom(notStarted: error))
            }
            throw error
        }
    }

    private func verify(_ session: ExerciseSession, _ chosen: [Exercise]) throws {
        let results = try session.verify(chosen)
        let paths = DisplayPaths.current
        switch format {
        case .text: Console.out(VerifyReport.text(results, paths: paths).joined(separator: "\n"))
        case .json: Console.out(try VerifyReport.json(results, paths: paths))
        case .junit: Console.out(VerifyReport.junit(results, paths: paths))
        case .classroom: preconditionFailure("--format classroom grades")
        }
        if results.contains(where: { !$0.passed }) { throw AppError(.failed, "") }
    }
}
