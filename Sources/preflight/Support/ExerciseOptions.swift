import ArgumentParser
import Foundation
import PreflightApp

/// Options shared by the `exercise` subcommands: the course, and where the learner's files live.
struct ExerciseOptions: ParsableArguments {
    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var runOptions: RunOptions

    @Option(help: ArgumentHelp("Where your exercise files live (default: $PREFLIGHT_WORKSPACE, then workspace/ beside the course).", valueName: "DIR"))
    var workspace: String?

    /// The course's exercises for this learner.
    func session() throws -> ExerciseSession {
        var address = courseOptions.address
        address.workspace = workspace
        let opened = try OpenedCourse.open(address)
        return try ExerciseSession.open(opened, book: try ProgressBook.open(opened), sandbox: runOptions.sandbox)
    }
}
