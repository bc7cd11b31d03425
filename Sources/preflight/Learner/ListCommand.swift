import ArgumentParser
import PreflightApp
import PreflightTerminal

/// `preflight list`: sections and lessons in order, with ids, status and progress bars.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List sections and lessons (with their ids) and your progress.")

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let opened = try courseOptions.openAvailable(note: json)
        let progress = try ProgressBook.open(opened).courseProgress()
        Console.out(json ? try ProgressReport.json(progress, unavailable: opened.unavailable)
                         : Outline.text(progress, entries: opened.entries(), styler: display.styler(for: .standardOutput)))
    }
}
