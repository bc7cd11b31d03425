import ArgumentParser
import Foundation
import PreflightApp

/// Options shared by the `exercise` subcommands: the course, and where the learner's files live.
struct ExerciseOptions: ParsableArguments {
    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var runOptions: RunOptions

    @Option(help: ArgumentHelp("Where your exercise files live (default: $PREFLIGHT_WORKSPACE, then workspace/ beside the course).", valueName: "DIR"))
    var workspace: String?

    /// The course's exercises for this learner. A lesson with errors does not stop practice;
    /// `strict` (for `verify`) refuses a course with any error.
    func session(strict: Bool = false) throws -> ExerciseSession {
        var address = courseOptions.address
        address.workspace = workspace
        let opened = strict ? try OpenedCourse.open(address) : try OpenedCourse.openAvailable(address)
        if !strict, let note = opened.unavailableNote { Console.error("preflight: " + note) }
        return try ExerciseSession.open(opened, book: try ProgressBook.open(opened), sandbox: runOptions.sandbox)
    }
}
