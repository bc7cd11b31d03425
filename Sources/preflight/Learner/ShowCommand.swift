import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
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

    @Flag(help: "For authors: show the lesson and what lint says about it again on every save (q quits).")
    var watch = false

    @Flag(help: "With --watch: look for saves by modification time instead of file events (network or WSL file systems).")
    var poll = false

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        if watch, let terminal = RawTerminal() { return try preview(on: terminal) }
        guard let lesson = try courseOptions.openAvailable().lessons(named: [lesson]).first else { return }
        let columns = width ?? LessonRenderer.readingWidth(forColumns: display.columns)
        let renderer = LessonRenderer(width: columns, styler: display.styler(for: .standardOutput), plain: display.isPlain)
        Console.out(LessonPrinter(renderer: renderer).render(lesson, answers: answers).joined(separator: "\n"))
    }

    /// `--watch`: the lesson file is read again on every save, with its diagnostics above it.
    private func preview(on terminal: RawTerminal) throws {
        let preview = try LessonPreview.locate(lesson, address: courseOptions.address)
        let styler = display.styler(for: .standardOutput)
        PreviewLoop(terminal: terminal, styler: styler, poll: poll, folders: { preview.folders }) { columns in
            let page = preview.read()
            let usable = width.map { min($0, columns) } ?? columns
            var lines: [String] = []
            if !page.diagnostics.isEmpty {
                lines += PreviewLoop.diagnosticLines(DiagnosticReport.text(page.diagnostics), width: columns, styler: styler)
                lines += ["lint: " + DiagnosticReport.summary(page.diagnostics, files: 1), ""]
            }
            if let lesson = page.lesson {
                // The author sees the whole lesson, answer key included.
                lines += LessonPrinter(renderer: LessonRenderer(width: usable, styler: styler)).render(lesson, answers: true)
            } else {
                lines.append("The file does not read as a lesson of this course yet; the errors above say why.")
            }
            return PreviewLoop.Page(title: "Preview of " + Visible.escape(page.shownPath), lines: lines)
        }.run()
    }
}
