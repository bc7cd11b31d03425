import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

extension VerifyReport.Format: ExpressibleByArgument {}

/// `preflight exercise verify`: every starter must fail its check and every reference solution
/// must pass it, so no exercise is already solved or unsolvable. Run by `make test`.
struct ExerciseVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "For instructors and CI: each starter fails its check and each solution passes it.",
        discussion: "Exits 0 when every exercise verifies, 1 when one does not, 65 when the exercises do not load (json and junit still write a report).")

    @OptionGroup var options: ExerciseOptions

    @Argument(help: ArgumentHelp("Exercises to verify (default: all).", valueName: "NAME"))
    var names: [String] = []

    @Option(help: "Output format: \(VerifyReport.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: VerifyReport.Format = .text

    func run() throws {
        let results: [ExerciseVerification]
        do {
            let session = try options.session(strict: true)
            let chosen = try names.isEmpty ? session.exercises : names.map { try session.exercise(named: $0) }
            results = try session.verify(chosen)
        } catch let error as AppError {
            switch format {
            case .text: break
            case .json: Console.out(try VerifyReport.json(notStarted: error))
            case .junit: Console.out(VerifyReport.junit(notStarted: error))
            }
            throw error
        }
        let paths = DisplayPaths.current
        switch format {
        case .text: Console.out(VerifyReport.text(results, paths: paths).joined(separator: "\n"))
        case .json: Console.out(try VerifyReport.json(results, paths: paths))
        case .junit: Console.out(VerifyReport.junit(results, paths: paths))
        }
        if results.contains(where: { !$0.passed }) { throw AppError(.failed, "") }
    }
}
