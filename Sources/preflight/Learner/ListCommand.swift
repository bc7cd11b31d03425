import ArgumentParser
import PreflightApp
import PreflightTerminal

/// `preflight list`: sections and lessons in order, with status and progress bars.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List sections and lessons with your progress.")

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let opened = try courseOptions.open()
        let progress = try ProgressBook.open(opened).courseProgress()
        Console.out(json ? try ProgressReport.json(progress) : Outline.text(progress, styler: display.styler(for: .standardOutput)))
    }
}
