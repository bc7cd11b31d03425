import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight reset LESSON | --all`: erases progress, after asking.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Erase your progress in one lesson, or in the whole course with --all.")

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("The lesson to reset.", valueName: "LESSON"))
    var lesson: String?

    @Flag(help: "Erase all your progress in this course.")
    var all = false

    @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
    var yes = false

    func validate() throws {
        if all == (lesson != nil) { throw ValidationError("name one lesson, or pass --all (not both)") }
    }

    func run() throws {
        let opened = try courseOptions.openAvailable()
        // A lesson removed from the course can still be reset by its id.
        let target = try lesson.map { name in try opened.outline.lesson(id: name) ?? opened.summaries(named: [name])[0] }
        let what = target.map { "your progress in \u{201C}" + Visible.escape($0.title) + "\u{201D}" } ?? "all your progress in " + Visible.escape(opened.outline.config.title)
        if !yes && !Confirmation.ask("Erase \(what)? [y/N] ") {
            throw AppError(.failed, "Nothing was erased.")
        }
        try ProgressBook.open(opened).reset(lessonID: target?.id)
        Console.out("Erased \(what).")
    }
}

enum Confirmation {
    /// Reads one answer from standard input; no answer (no terminal, end of input) means no.
    static func ask(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(question.utf8))
        guard let answer = readLine() else {
            FileHandle.standardError.write(Data("\n".utf8))
            return false
        }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
