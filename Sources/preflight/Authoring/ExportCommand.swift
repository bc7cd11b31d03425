import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight export`: the course as a website, or your progress as a file the website reads.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the course as a static website, its quizzes for an LMS, or your progress as a file.",
        subcommands: [ExportHTMLCommand.self, ExportMoodleXMLCommand.self, ExportGIFTCommand.self, ExportProgressCommand.self]
    )
}

/// `preflight export html OUT`: a static, self-contained site (works from `file://`).
struct ExportHTMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Write the course as a static website into OUT.",
        discussion: """
            The site needs no server and no network: open OUT/index.html, or serve the folder.
            OUT must be empty, new, or an earlier export (which is replaced).
            Code is highlighted with Debian's libjs-highlight.js when it is installed.
            Exits 64 when OUT holds other files, 65 when the course has errors, 73 when OUT cannot be written.
            """
    )

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("Folder to write the site into.", valueName: "OUT"))
    var output: String

    @Flag(help: "Put each exercise's solution on its page.")
    var withSolutions = false

    func run() throws {
        let opened = try courseOptions.open()
        let book: ProgressBook?
        do {
            book = try ProgressBook.open(opened)
        } catch {
            // The site does not need the database; only the "verified" dates come from it.
            Console.error("preflight: note: the pages say no example was verified: " + Visible.escape("\(error)"))
            book = nil
        }
        let started = Date()
        let outcome = try SiteExport.run(opened, book: book, to: URL(fileURLWithPath: output), withSolutions: withSolutions, now: started)
        if let problem = outcome.datesProblem {
            Console.error("preflight: note: the pages say no example was verified: " + Visible.escape(problem))
        }
        let seconds = Date().timeIntervalSince(started)
        let shown = Visible.escape(output)
        Console.out(String(format: "Wrote %d pages (%d files, %.1f MB) to %@ in %.2f s. Open %@/index.html.",
                           outcome.pages, outcome.files, Double(outcome.bytes) / 1_000_000, shown, seconds, shown))
        if !outcome.highlighted {
            Console.out("Note: code is not highlighted; install Debian's libjs-highlight.js (apt-get install libjs-highlight.js) and export again.")
        }
    }
}

/// `preflight export progress`: your progress as the JSON file the website imports.
struct ExportProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Write your progress as JSON for the website's Import button.",
        discussion: """
            The format is in docs/progress-format.md. `preflight import progress FILE` reads the website's export.
            Exits 73 when FILE cannot be written.
            """
    )

    @OptionGroup var courseOptions: CourseOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let book = try ProgressBook.open(try courseOptions.open())
        let file = try ProgressTransfer(book: book).export(at: Date())
        let json = try file.json()
        guard let output else {
            Console.out(json)
            return
        }
        do {
            try Data((json + "\n").utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw AppError(.cannotCreate, "cannot write \(output): \(error.localizedDescription)")
        }
        Console.error("Wrote progress (\(counted(file.lessons.count, "lesson")), \(counted(file.questions.count, "answer")), \(counted(file.flashcards.count, "flashcard"))) to " + Visible.escape(output) + ".")
    }
}
