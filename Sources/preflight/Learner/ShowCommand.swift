import ArgumentParser
import Foundation
import PreflightApp
import PreflightTerminal

/// `preflight show LESSON`: a lesson rendered for reading or piping, quiz answers hidden.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a lesson, rendered for the terminal (plain text when piped).")

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("A lesson id or lesson file.", valueName: "LESSON"))
    var lesson: String

    @Option(help: "Wrap to this many columns (default: the terminal's width, else $COLUMNS, else 80; prose at most \(LessonRenderer.readingWidth)).")
    var width: Int?

    @Flag(help: "Show the quiz's answer key (right options, accepted answers, explanations).")
    var answers = false

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        guard let lesson = try courseOptions.openAvailable().lessons(named: [lesson]).first else { return }
        let columns = width ?? LessonRenderer.readingWidth(forColumns: display.columns)
        let renderer = LessonRenderer(width: columns, styler: display.styler(for: .standardOutput), plain: display.isPlain)
        Console.out(LessonPrinter(renderer: renderer).render(lesson, answers: answers).joined(separator: "\n"))
    }
}
