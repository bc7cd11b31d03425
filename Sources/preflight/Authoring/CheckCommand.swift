import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight check`: runs every example (and every predict-the-output quiz question) and proves
/// it prints what the lesson claims.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run lesson examples and compare their output with the expected output.",
        discussion: """
            Exits 0 when every example passes, 1 when any fails, 65 when the course does not load. Lessons
            that load are checked even when others do not; a check of the whole course then fails (65)
            and names each lesson it could not check.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var runOptions: RunOptions

    @Argument(help: ArgumentHelp("Lesson ids or lesson files (default: every lesson).", valueName: "LESSON-ID|FILE"))
    var lessons: [String] = []

    @Option(help: "Examples run at once, 1 to \(CourseCheck.maximumJobs) (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Output format: text, json or junit.")
    var format: Format = .text

    @Flag(help: "Run every example, ignoring remembered passes (passes are still remembered).")
    var noCache = false

    @Option(help: ArgumentHelp("Time limit per example in seconds, overriding the lessons'.", valueName: "S"))
    var timeout: Double?

    @Flag(help: "Start a new Python interpreter for every example instead of forking warm ones.")
    var cold = false

    func validate() throws {
        guard (1...CourseCheck.maximumJobs).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(CourseCheck.maximumJobs)") }
        if let timeout, !CourseConfig.isValidTimeout(timeout) {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(CourseConfig.maximumTimeout))")
        }
    }

    func run() throws {
        let opened = try courseOptions.openAvailable(note: false)
        let book: ProgressBook?
        do {
            book = try ProgressBook.open(opened)
        } catch {
            // The check itself does not need the database; only remembering passes does.
            Console.error("preflight: note: every example runs, and passes are not remembered: " + Visible.escape("\(error)"))
            book = nil
        }
        let check = CourseCheck(
            lessons: try opened.lessons(named: lessons), config: opened.course.config, book: book,
            options: .init(jobs: jobs, timeout: timeout, cold: cold, ignoreCache: noCache, sandbox: runOptions.sandbox),
            unavailable: lessons.isEmpty ? opened.unavailable : [])
        let text = format == .text
        let outcome = try check.run { result in if text { Console.out(CheckReport.textBlock(result)) } }
        switch format {
        case .text: Console.out(CheckReport.textSummary(outcome))
        case .json: Console.out(try CheckReport.json(outcome))
        case .junit: Console.out(CheckReport.junit(outcome))
        }
        if !outcome.unavailable.isEmpty {
            throw AppError(.data, "\(outcome.unavailable.count) lesson\(outcome.unavailable.count == 1 ? "" : "s") of the course could not be checked; `preflight lint` shows every problem",
                           diagnostics: outcome.unavailable.flatMap(\.errors))
        }
        if !outcome.allPassed { throw AppError(.failed, "") }
    }
}
