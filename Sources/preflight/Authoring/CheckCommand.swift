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

    @Flag(help: "Rewrite the expected output of examples whose output differs with what they printed (not for timeouts, caps, crashes or a wrong exit status), show the diff, and run them again.")
    var accept = false

    func validate() throws {
        if accept && format != .text { throw ValidationError("--accept reports as text; leave out --format") }
        guard (1...CourseCheck.maximumJobs).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(CourseCheck.maximumJobs)") }
        if let timeout, !CourseConfig.isValidTimeout(timeout) {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(CourseConfig.maximumTimeout))")
        }
    }

    /// An error after the report was written: the report already names it.
    private struct Reported: Error { var error: AppError }

    func run() throws {
        do {
            try runCheck()
        } catch let reported as Reported {
            throw reported.error
        } catch let error as AppError where error.kind != .failed && format != .text {
            // CI reads the report, not stderr: a course that does not load still gets one, each
            // error a failed test case at its file and line. The exit code stays the error's.
            Console.out(format == .json ? try CheckReport.json(notStarted: error) : CheckReport.junit(notStarted: error))
            throw error
        }
    }

    private func runCheck() throws {
        let opened = try courseOptions.openAvailable(note: false)
        let book: ProgressBook?
        do {
            book = try ProgressBook.open(opened, recordsLessons: false)
        } catch {
            // The check itself does not need the database; only remembering passes does.
            Console.error("preflight: note: every example runs, and passes are not remembered: " + Visible.escape("\(error)"))
            book = nil
        }
        let check = CourseCheck(
            items: try opened.checkItems(named: lessons), course: opened.outline, book: book,
            options: .init(jobs: jobs, timeout: timeout, cold: cold, ignoreCache: noCache, sandbox: runOptions.sandbox),
            unavailable: lessons.isEmpty ? opened.unavailable : [])
        let text = format == .text
        let outcome = try check.run { result in if text { Console.out(CheckReport.textBlock(result)) } }
        if accept { return try acceptOutputs(outcome, opened: opened, book: book, options: check.options) }
        switch format {
        case .text: Console.out(CheckReport.textSummary(outcome))
        case .json: Console.out(try CheckReport.json(outcome))
        case .junit: Console.out(CheckReport.junit(outcome))
        }
        if !outcome.unavailable.isEmpty {
            throw Reported(error: AppError(.data, "\(outcome.unavailable.count) lesson\(outcome.unavailable.count == 1 ? "" : "s") of the course could not be checked; `preflight lint` shows every problem",
                                           diagnostics: outcome.unavailable.flatMap(\.errors)))
        }
        if !outcome.allPassed { throw AppError(.failed, "") }
    }

    /// `--accept`: rewrite what can be accepted, show each diff, say why the rest was not, then
    /// run the accepted examples again from the rewritten files.
    private func acceptOutputs(_ outcome: CourseCheck.Outcome, opened: OpenedCourse, book: ProgressBook?, options: CourseCheck.Options) throws {
        Console.out(CheckReport.textSummary(outcome))
        let entries = OutputAcceptance.accept(outcome.results, config: opened.outline.config, url: opened.address.paths.url)
        guard !entries.isEmpty else { return }
        Console.out("")
        for entry in entries {
            let example = entry.result.item.example
            let at = Visible.escape(example.expected.location.file) + ":\(example.expected.location.line)"
            switch entry.decision {
            case .accepted(let diff):
                Console.out("ACCEPTED  \(Visible.escape(entry.result.item.label))  \(at)")
                Console.out(BoundedText.bound(diff).split(separator: "\n", omittingEmptySubsequences: false).map { "      " + Visible.escape(String($0)) }.joined(separator: "\n"))
            case .refused(let reason):
                Console.out("NOT ACCEPTED  \(Visible.escape(entry.result.item.label))  \(at): \(Visible.escape(reason))")
            }
        }
        let accepted = entries.filter(\.accepted).count
        var unstable = 0
        if accepted > 0 {
            let again = try OutputAcceptance.confirm(entries, in: try courseOptions.open(), book: book, options: options)
            for result in again.results where !result.verdict.passed {
                unstable += 1
                Console.out("STILL FAILS  \(Visible.escape(result.item.label)): its output changed between two runs, so no expected output can match it; make it print the same thing every run (or use `ellipsis`)")
                Console.out(CheckReport.textBlock(result))
            }
        }
        let refused = entries.count - accepted
        Console.out("\(accepted) accepted, \(refused) not accepted\(unstable > 0 ? ", \(unstable) still failing after accepting" : "")")
        if refused > 0 || unstable > 0 { throw AppError(.failed, "") }
    }
}
