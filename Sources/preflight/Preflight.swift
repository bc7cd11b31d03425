import ArgumentParser

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
            CommandGroup(name: "Authoring", subcommands: [LintCommand.self, CheckCommand.self]),
        ],
        defaultSubcommand: LearnCommand.self
    )
}
