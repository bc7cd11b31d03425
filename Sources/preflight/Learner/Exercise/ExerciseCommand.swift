import ArgumentParser

/// `preflight exercise …`: practice exercises checked as you save.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Practice exercises: fix the code until its check passes.",
        subcommands: [
            ExerciseListCommand.self, ExerciseCheckCommand.self, ExerciseNextCommand.self, ExerciseWatchCommand.self,
            ExerciseHintCommand.self, ExerciseSolutionCommand.self, ExerciseResetCommand.self, ExerciseVerifyCommand.self,
        ],
        defaultSubcommand: ExerciseListCommand.self
    )
}
