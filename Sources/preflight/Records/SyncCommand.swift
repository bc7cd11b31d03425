import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight sync`: send this course's queued learning records to the LRS.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send your queued learning records to the connected LRS (--status shows what waits).",
        discussion: """
            Records are queued as you learn and sent in batches; a resend after a crash or a lost answer is
            recognised by the LRS (statement ids are derived from you, the course and the event), so nothing
            is recorded twice. learn, quiz, review and exercise also start a sync in the background when they end.
            Exits 0 when everything was sent, 1 when something is still waiting (the message says why).
            """)

    @OptionGroup var courseOptions: CourseOptions

    @Flag(help: "Show what is waiting and how the last sync went, without sending.")
    var status = false

    @Flag(help: "Queue again the statements the LRS rejected, then sync.")
    var retryRejected = false

    @Option(help: "Statements per request.")
    var batchSize = 50

    @Option(help: ArgumentHelp("Stop starting new requests after this many seconds.", valueName: "SECONDS"))
    var timeLimit: Double = 120

    /// Started by learn, quiz, review and exercise: quiet, shorter, and it does not wait for
    /// statements another sync holds.
    @Flag(help: .hidden)
    var background = false

    func validate() throws {
        guard (1...500).contains(batchSize) else { throw ValidationError("--batch-size must be between 1 and 500") }
        guard timeLimit > 0 && timeLimit <= 3600 else { throw ValidationError("--time-limit must be above 0 and at most 3600 seconds") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let opened = try courseOptions.open()
        let book = try ProgressBook.open(opened)
        if status {
            Console.out(try LearningRecords.statusLines(book, environment: environment).map { Visible.escape($0) }.joined(separator: "\n"))
            return
        }
        if retryRejected {
            let count = try LearningRecords.retryRejected(book)
            if !background { Console.out("\(count) rejected statement\(count == 1 ? "" : "s") queued again.") }
        }
        var options = RecordSync.Options()
        options.batchSize = batchSize
        options.timeLimit = background ? min(timeLimit, 60) : timeLimit
        options.waitForOthers = !background
        let report: RecordSync.Report
        do {
            report = try LearningRecords.sync(book, options: options, environment: environment)
        } catch where background {
            return
        }
        if background { return }
        Console.out("Sent \(report.sent) statement\(report.sent == 1 ? "" : "s"); \(report.remaining) waiting.")
        for rejected in report.rejected {
            Console.error("preflight: the LRS rejected statement \(rejected.id): \(Visible.escape(rejected.reason)); it is set aside (`preflight sync --status`, `--retry-rejected`).")
        }
        if let stop = report.stop {
            throw AppError(.failed, "preflight: sync stopped: " + stop.message + ".")
        }
        if report.remaining > 0 {
            throw AppError(.failed, "preflight: \(report.remaining) statement\(report.remaining == 1 ? " is" : "s are") still held by another sync; run `preflight sync` again later.")
        }
        if !report.rejected.isEmpty { throw AppError(.failed, "") }
    }
}
