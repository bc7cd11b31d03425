import ArgumentParser
import Foundation
import PreflightCore
import PreflightStore
import PreflightTerminal

struct ExerciseNextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Check the current exercise; when it passes, mark it done and show the next one.")

    @OptionGroup var options: ExerciseOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let context = try options.load()
        let store = try options.courseOptions.openStore(for: context.course)
        let progress = try store.exerciseProgress()
        let styler = display.styler(for: .standardOutput)
        guard let current = context.exercises.first(where: { progress[$0.id]?.status != .done }) else {
            Console.out("Every exercise is done.")
            return
        }
        if context.workspace.isPristine(current) && progress[current.id] == nil {
            try context.workspace.prepare(current)
            ExerciseTask.show(current, context: context, styler: styler)
            return
        }
        guard try ExerciseRun.check(current, context: context, checker: try options.checker(for: context), store: store, styler: styler) else { throw ExitCode(1) }
        try store.markExerciseDone(current.id)
        guard let next = context.exercises.first(where: { $0.id != current.id && progress[$0.id]?.status != .done }) else {
            Console.out("\nThat was the last one: every exercise is done.")
            return
        }
        try context.workspace.prepare(next)
        Console.out("")
        ExerciseTask.show(next, context: context, styler: styler)
    }
}

enum ExerciseTask {
    static func show(_ exercise: Exercise, context: ExerciseOptions.Context, styler: Styler) {
        let width = min(TerminalSize.current()?.columns ?? 80, 100)
        Console.out(styler.apply([.bold], "Exercise: \(Visible.escape(exercise.title))") + "  (lesson \(exercise.lessonID))")
        Console.out(LessonRenderer(width: width, styler: styler).render(blocks: exercise.task).joined(separator: "\n"))
        Console.out("\nEdit \(context.workspace.file(for: exercise).path), then run `preflight exercise check \(exercise.id)` (or `preflight exercise watch`).")
    }
}
