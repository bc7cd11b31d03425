import ArgumentParser
import Foundation
import PreflightCore
import PreflightTerminal

/// `preflight show LESSON`: a lesson rendered for reading or piping.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a lesson, rendered for the terminal (plain text when piped)."
    )

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("A lesson id or lesson file.", valueName: "LESSON"))
    var lesson: String

    @Option(help: "Wrap to this many columns (default: the terminal's width, or 80).")
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let index = try courseOptions.openIndex()
        guard let chosen = try LessonSelection.resolve([lesson], in: index.outline).first else { return }
        let lesson = try courseOptions.load(chosen, from: index)
        let renderer = LessonRenderer(width: width ?? TerminalSize.current()?.columns ?? 80, styler: display.styler(for: .standardOutput))
        Console.out(renderer.render(document: lesson.document).joined(separator: "\n"))
    }
}
