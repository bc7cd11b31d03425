import ArgumentParser
import Foundation
import PreflightCore
import PreflightRunner
import PreflightStore

/// Options shared by the `exercise` subcommands: the course, and where the learner's files live.
struct ExerciseOptions: ParsableArguments {
    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var runOptions: RunOptions

    @Option(help: ArgumentHelp("Where your exercise files live (default: $PREFLIGHT_WORKSPACE, then workspace/ beside the course).", valueName: "DIR"))
    var workspace: String?

    struct Context {
        var course: Course
        var exercises: [Exercise]
        var workspace: ExerciseWorkspace
    }

    /// Loads the course and its exercises; exits 65 (after printing why) when either is broken.
    func load() throws -> Context {
        let course = try courseOptions.loadCourse()
        guard course.exercisesFolder != nil else {
            Console.error("preflight: error: course.yaml names no `exercises:` folder")
            throw ExitCode(ExitCodes.dataError)
        }
        let (exercises, diagnostics) = ExerciseLoader.load(course: course, displayPath: Paths.display)
        if diagnostics.hasErrors {
            DiagnosticPrinter.printText(diagnostics.filter { $0.severity == .error })
            throw ExitCode(ExitCodes.dataError)
        }
        let place = ExerciseWorkspace.locate(explicit: workspace, environment: ProcessInfo.processInfo.environment, course: course)
        return Context(course: course, exercises: exercises, workspace: place)
    }

    /// Runs checks in the course's example hosts; the pool ends with the checker.
    func checker(for context: Context) throws -> ExerciseChecker {
        ExerciseChecker(config: context.course.config, pool: try runOptions.pool(for: context.course.config))
    }

    func exercise(named name: String, in context: Context) throws -> Exercise {
        if let found = context.exercises.first(where: { $0.id == name || URL(fileURLWithPath: $0.folder).lastPathComponent == name }) {
            return found
        }
        if let number = Int(name), number >= 1, number <= context.exercises.count { return context.exercises[number - 1] }
        Console.error("preflight: error: no exercise `\(name)`; `preflight exercise list` shows them")
        throw ExitCode(ExitCodes.dataError)
    }
}
