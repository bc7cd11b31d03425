import ArgumentParser
import Foundation
import PreflightCore
import PreflightSite
import PreflightStore

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
            the same file is imported. Ids the course no longer has are counted and left out.
            Exits 65 when the file is not a progress file for this course.
            """
    )

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("The progress file (JSON), or - for standard input.", valueName: "FILE"))
    var file: String

    func run() throws {
        let course = try courseOptions.loadCourse()
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                Console.error("preflight: error: cannot read \(file)")
                throw ExitCode(ExitCodes.dataError)
            }
            data = contents
        }
        let progress: ProgressFile
        do { progress = try ProgressFile.read(data) } catch {
            Console.error("preflight: error: \(file): \(error)")
            throw ExitCode(ExitCodes.dataError)
        }
        guard progress.course == course.config.id else {
            Console.error("preflight: error: \(file) holds progress for course `\(Visible.escape(progress.course))`, not `\(course.config.id)`")
            throw ExitCode(ExitCodes.dataError)
        }
        let store = try courseOptions.openStore(for: course)
        let result = try ProgressTransfer.merge(progress, course: course, store: store)
        var line = "Imported \(result.lessons) lesson\(result.lessons == 1 ? "" : "s"), \(result.answers) answer\(result.answers == 1 ? "" : "s") and \(result.flashcards) flashcard rating\(result.flashcards == 1 ? "" : "s")"
        if result.unknown > 0 { line += "; \(result.unknown) id\(result.unknown == 1 ? "" : "s") not in this course left out" }
        Console.out(line + ".")
    }
}
