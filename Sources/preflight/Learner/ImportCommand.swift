import ArgumentParser
import Foundation
import PreflightApp

/// `preflight import progress FILE`: progress exported from the website, merged into yours.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import progress exported from the course website.",
        subcommands: [ImportProgressCommand.self]
    )
}

struct ImportProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Merge a progress file from the website's Export button into your progress.",
        discussion: """
            Lessons marked done stay done; answers and flashcard ratings are added once, however often
            the same file is imported. Ids the course does not have are counted and left out.
            Exits 65 when the file is not a progress file for this course.
            """
    )

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("The progress file (JSON), or - for standard input.", valueName: "FILE"))
    var file: String

    func run() throws {
        let transfer = ProgressTransfer(book: try ProgressBook.open(try courseOptions.open()))
        let result = try transfer.merge(try transfer.read(try readFile(), source: file == "-" ? "<stdin>" : file))
        var line = "Imported \(counted(result.lessons, "lesson")), \(counted(result.answers, "answer")) and \(counted(result.flashcards, "flashcard rating"))"
        if result.unknown > 0 { line += "; \(result.unknown) \(result.unknown == 1 ? "id" : "ids") not in this course left out" }
        if result.unreadable > 0 { line += "; \(result.unreadable) \(result.unreadable == 1 ? "entry" : "entries") this preflight cannot read left out" }
        Console.out(line + ".")
    }

    private func readFile() throws -> Data {
        if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let contents = FileManager.default.contents(atPath: file) else { throw AppError(.data, "cannot read \(file)") }
        return contents
    }
}
