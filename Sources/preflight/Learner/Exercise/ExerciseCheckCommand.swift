import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
import PreflightTerminal

struct ExerciseCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check your file for one exercise (exit 0 when it passes, 1 when not).")

    @OptionGroup var options: ExerciseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("The exercise name or number.", valueName: "NAME"))
    var name: String

    func run() throws {
        let session = try options.session()
        defer { LearningRecords.syncInBackground(session.progressBook) }
        let check = try session.check(try session.exercise(named: name))
        ExerciseOutput.show(check, styler: display.styler(for: .standardOutput), plain: display.isPlain)
        if !check.passed { throw AppError(.failed, "") }
    }
}

/// What exercise commands print about a check and a task.
enum ExerciseOutput {
    static func show(_ check: ExerciseCheck, styler: Styler, plain: Bool = false) {
        Console.out(ExercisePanel.lines(check, styler: styler, plain: plain).joined(separator: "\n"))
        if !check.passed { Console.out("Your file: " + Visible.escape(check.file.path)) }
    }

    static func task(_ exercise: Exercise, session: ExerciseSession, styler: Styler, plain: Bool = false) {
        let width = LessonRenderer.readingWidth(forColumns: TerminalSize.current()?.columns ?? TerminalSize.columns(environment: ProcessInfo.processInfo.environment) ?? 80)
        Console.out(styler.apply([.bold], "Exercise: " + Visible.escape(exercise.title)) + "  (lesson " + Visible.escape(exercise.lessonID) + ")")
        Console.out(LessonRenderer(width: width, styler: styler, plain: plain).render(blocks: exercise.task).joined(separator: "\n"))
        Console.out("")
        Console.out(Console.wrapped("Edit " + Visible.escape(session.workspace.file(for: exercise).path) + ", then run `preflight exercise check " + Visible.escape(exercise.id) + "` (or `preflight exercise watch`)."))
    }
}
