import ArgumentParser
import Foundation
import Synchronization
import PreflightCore
import PreflightRunner

/// `preflight check`: runs every example (and every predict-the-output quiz question) and proves
/// it prints what the lesson claims.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run lesson examples and compare their output with the expected output.",
        discussion: "Exits 0 when every example passes, 1 when any fails, 65 when the course does not load."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var runOptions: RunOptions

    @Argument(help: ArgumentHelp("Lesson ids or lesson files (default: every lesson).", valueName: "LESSON-ID|FILE"))
    var lessons: [String] = []

    @Option(help: "Examples run at once, 1 to \(CheckCommand.maximumJobs) (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Each job is a process with its own limits; more than this is a mistake, not a speed-up.
    static let maximumJobs = 64

    @Option(help: "Output format: text, json or junit.")
    var format: Format = .text

    @Flag(help: "Run every example, ignoring remembered passes (passes are still remembered).")
    var noCache = false

    @Option(help: ArgumentHelp("Time limit per example in seconds, overriding the lessons'.", valueName: "S"))
    var timeout: Double?

    @Flag(help: "Start a new Python interpreter for every example instead of forking warm ones.")
    var cold = false

    func validate() throws {
        guard (1...Self.maximumJobs).contains(jobs) else { throw ValidationError("--jobs must be from 1 to \(Self.maximumJobs)") }
        if let timeout, !CourseConfig.isValidTimeout(timeout) {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(CourseConfig.maximumTimeout))")
        }
    }

    func run() throws {
        let index = try courseOptions.openIndex()
        let course = index.outline
        // Kept in the index with each lesson: only changed lessons are read to find their examples.
        let items = index.checkItems(for: try LessonSelection.resolve(lessons, in: course))
        let cache = (try? courseOptions.openStore(for: course.config)).map(StoreCheckCache.init)
        let pool = try runOptions.pool(for: course.config)
        defer { pool.close() }
        let runner = ExampleRunner(config: course.config, pool: pool, timeoutOverride: timeout, warm: course.config.warm && !cold)
        let session = CheckSession(runner: runner, jobs: jobs, cache: cache, readsCache: !noCache)
        let report = CheckReport(format: format)
        let printer = OrderedPrinter(count: items.count) { report.printLive($0) }
        let results = session.run(items) { index, result in printer.deliver(index, result) }
        report.finish(results, containment: results.contains { !$0.fromCache } ? pool.description : nil)
        if results.contains(where: { !$0.verdict.passed }) { throw ExitCode(1) }
    }
}

/// Prints results in course order as soon as every earlier one is known.
final class OrderedPrinter: Sendable {
    private struct Queue {
        var pending: [Int: CheckResult] = [:]
        var next = 0
    }

    private let queue = Mutex(Queue())
    private let emit: @Sendable (CheckResult) -> Void

    init(count: Int, emit: @escaping @Sendable (CheckResult) -> Void) { self.emit = emit }

    func deliver(_ index: Int, _ result: CheckResult) {
        queue.withLock { queue in
            queue.pending[index] = result
            while let ready = queue.pending.removeValue(forKey: queue.next) {
                emit(ready)
                queue.next += 1
            }
        }
    }
}
