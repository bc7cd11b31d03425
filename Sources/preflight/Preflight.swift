import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// The `preflight` command: learner commands first, authoring commands (for instructors and CI)
/// grouped apart in `--help`.
@main
struct Preflight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "A terminal course engine: lessons, runnable examples, quizzes and exercises.",
        discussion: """
            Run without a subcommand to open the course where you left off.
            The course is found with --course DIR, then $PREFLIGHT_COURSE, then the nearest lessons/course.yaml.
            """,
        version: "0.2.0",
        groupedSubcommands: [
            CommandGroup(name: "Learning", subcommands: [LearnCommand.self, ListCommand.self, ShowCommand.self, QuizCommand.self, ReviewCommand.self, ExerciseCommand.self, ProgressCommand.self, ResetCommand.self]),
            CommandGroup(name: "Learning records", subcommands: [LRSCommand.self, WhoamiCommand.self, SyncCommand.self]),
            CommandGroup(name: "Authoring", subcommands: [LintCommand.self, CheckCommand.self, ExportCommand.self, GradebookCommand.self]),
        ],
        defaultSubcommand: LearnCommand.self
    )

    /// The one place errors become output and exit codes: an `AppError` prints its diagnostics
    /// and message and exits with its code (64 usage, 65 data, 1 a failed check); everything
    /// else is the argument parser's.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as AppError {
            for line in DiagnosticReport.text(error.diagnostics) { Console.error(line) }
            if !error.message.isEmpty {
                Console.error(error.kind == .failed ? Visible.escape(error.message, keepNewlines: true) : "preflight: error: " + Visible.escape(error.message, keepNewlines: true))
            }
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
