import ArgumentParser
import PreflightApp
import PreflightCore
import PreflightTerminal

struct ExerciseHintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "Reveal the next hint for an exercise (earlier ones are shown again).")

    @OptionGroup var options: ExerciseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("The exercise name or number (default: the current exercise).", valueName: "NAME"))
    var name: String?

    func run() throws {
        let session = try options.session()
        let exercise = try session.exercise(named: name)
        guard !exercise.hints.isEmpty else { Console.out("This exercise has no hints."); return }
        let shown = try session.revealHint(exercise)
        let styler = display.styler(for: .standardOutput)
        if name == nil { Console.out(styler.apply([.dim], "Exercise: ") + Visible.escape(exercise.title)) }
        let renderer = LessonRenderer(width: LessonRenderer.readingWidth(forColumns: display.columns) - 2, styler: styler, plain: display.isPlain)
        for (number, hint) in exercise.hints.prefix(shown).enumerated() {
            Console.out(styler.apply([.bold], "Hint \(number + 1) of \(exercise.hints.count):"))
            Console.out(renderer.render(blocks: hint).map { "  " + $0 }.joined(separator: "\n"))
        }
        if shown == exercise.hints.count { Console.out(styler.apply([.dim], "That was the last hint.")) }
    }
}
