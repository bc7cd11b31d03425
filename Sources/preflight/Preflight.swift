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
            --course, --state, --workspace, --plain, --no-color and --no-sandbox may also come before the command.
            """,
        version: Engine.version,
        groupedSubcommands: [
            CommandGroup(name: "Learning", subcommands: [LearnCommand.self, ListCommand.self, ShowCommand.self, QuizCommand.self, ReviewCommand.self, ExerciseCommand.self, ProgressCommand.self, ImportCommand.self, ResetCommand.self]),
            CommandGroup(name: "Learning records", subcommands: [LRSCommand.self, WhoamiCommand.self, SyncCommand.self]),
            CommandGroup(name: "Authoring", subcommands: [LintCommand.self, CheckCommand.self, NewCommand.self, ExportCommand.self, GradebookCommand.self]),
        ],
        defaultSubcommand: LearnCommand.self
    )

    /// The commands that take the shared options (`--course`, `--state`…) themselves.
    static let commandNames = ["learn", "list", "show", "quiz", "review", "exercise", "progress", "import", "reset", "sync", "lint", "check", "gradebook"]
    static let exerciseCommandNames = ["list", "check", "next", "watch", "hint", "solution", "reset", "verify"]

    /// The one place errors become output and exit codes: an `AppError` prints its diagnostics
    /// and message and exits with its code (64 usage, 65 data, 1 a failed check); everything
    /// else is the argument parser's.
    static func main() {
        do {
            let arguments = try CommandLineOrder.arranged(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(arguments)
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

/// Puts options that every command shares after the command that takes them, so
/// `preflight --course DIR learn X` means `preflight learn X --course DIR`, and answers a
/// mistyped `exercise` subcommand with the one meant.
enum CommandLineOrder {
    static let withValue: Set<String> = ["--course", "--state", "--workspace"]
    static let flags: Set<String> = ["--plain", "--no-color", "--no-sandbox"]

    static func arranged(_ arguments: [String]) throws -> [String] {
        var shared: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if withValue.contains(argument), index + 1 < arguments.count {
                shared += [argument, arguments[index + 1]]
                index += 2
            } else if flags.contains(argument) || withValue.contains(where: { argument.hasPrefix($0 + "=") }) {
                shared.append(argument)
                index += 1
            } else {
                break
            }
        }
        var path: [String] = []
        if index < arguments.count, Preflight.commandNames.contains(arguments[index]) {
            path.append(arguments[index])
            index += 1
            if path[0] == "exercise", index < arguments.count {
                let word = arguments[index]
                if Preflight.exerciseCommandNames.contains(word) {
                    path.append(word)
                    index += 1
                } else if !word.hasPrefix("-"), let meant = Suggestions.closest(to: word, among: Preflight.exerciseCommandNames) {
                    throw AppError(.usage, "no command `exercise \(word)`; did you mean `preflight exercise \(meant)`?")
                }
            }
        }
        guard !shared.isEmpty, !path.isEmpty else { return arguments }
        return path + shared + Array(arguments[index...])
    }
}
