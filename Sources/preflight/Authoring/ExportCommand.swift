import ArgumentParser
import Foundation
import PreflightCore
import PreflightSite
import PreflightStore

/// `preflight export`: the course as a website, or your progress as a file the website reads.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the course as a static website, or your progress as a file.",
        subcommands: [ExportHTMLCommand.self, ExportProgressCommand.self]
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
            Exits 65 when the course has errors, 73 when OUT cannot be written.
            """
    )

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("Folder to write the site into.", valueName: "OUT"))
    var output: String

    @Flag(help: "Put each exercise's solution on its page.")
    var withSolutions = false

    func run() throws {
        let course = try courseOptions.loadCourse()
        var exercises: [Exercise] = []
        if let folder = course.exercisesFolder {
            let (loaded, diagnostics) = ExerciseLoader.load(folder, lessonIDs: Set(course.lessons.map(\.id)), displayPath: Paths.display)
            if diagnostics.hasErrors {
                DiagnosticPrinter.printText(diagnostics.filter { $0.severity == .error })
                throw ExitCode(ExitCodes.dataError)
            }
            exercises = loaded
        }
        var options = SiteExporter.Options()
        options.withSolutions = withSolutions
        options.exportedAt = Date()
        options.verifiedDates = verifiedDates(course)
        let started = Date()
        let summary: SiteExporter.Summary
        do {
            summary = try SiteExporter.export(course: course, exercises: exercises, to: URL(fileURLWithPath: output), options: options)
        } catch let error as SiteExporter.ExportError {
            Console.error("preflight: error: \(error)")
            if case .notASite = error { throw ExitCode(ExitCodes.usage) }
            throw ExitCode(ExitCodes.cannotCreate)
        }
        let seconds = Date().timeIntervalSince(started)
        Console.out(String(format: "Wrote %d pages (%d files, %.1f MB) to %@ in %.2f s. Open %@/index.html.",
                           summary.pages, summary.files, Double(summary.bytes) / 1_000_000, output, seconds, output))
        if !summary.highlighted {
            Console.out("Note: code is not highlighted; install Debian's libjs-highlight.js (apt-get install libjs-highlight.js) and export again.")
        }
    }

    /// When `preflight check` last passed each example here, from the check cache; an example
    /// changed since then has a new key and so no date.
    private func verifiedDates(_ course: Course) -> [String: Date] {
        guard let store = try? courseOptions.openStore(for: course) else { return [:] }
        var keys: [String: String] = [:]
        for item in course.lessons.flatMap(CheckItem.items(for:)) {
            guard let runner = course.config.runner(for: item.example.language) else { continue }
            keys[item.cacheKey(runner: runner, defaultTimeout: item.example.timeout ?? course.config.timeout, environment: course.config.environment)] = item.name
        }
        let dates = store.checkPassDates(among: Array(keys.keys))
        return Dictionary(dates.compactMap { key, date in keys[key].map { ($0, date) } }, uniquingKeysWith: { first, _ in first })
    }
}

/// `preflight export progress`: your progress as the JSON file the website imports.
struct ExportProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Write your progress as JSON for the website's Import button.",
        discussion: "The format is in docs/progress-format.md. `preflight import progress FILE` reads the website's export."
    )

    @OptionGroup var courseOptions: CourseOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let course = try courseOptions.loadCourse()
        let store = try courseOptions.openStore(for: course)
        let file = try ProgressTransfer.export(course: course, store: store, at: Date())
        let data = try file.encoded()
        if let output {
            do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                Console.error("preflight: error: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(ExitCodes.cannotCreate)
            }
            Console.error("Wrote progress (\(file.lessons.count) lessons, \(file.questions.count) answers, \(file.flashcards.count) flashcards) to \(output).")
        } else {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
