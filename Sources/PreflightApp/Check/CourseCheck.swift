import Foundation
import PreflightCore
import PreflightRunner
import PreflightStore
import Synchronization

/// `preflight check` as a use case: every example and predict-the-output question of the chosen
/// lessons, run under supervision, cached passes skipped, results in course order.
public struct CourseCheck: Sendable {
    public struct Options: Sendable {
        public var jobs: Int
        /// Overrides every example's time limit (validated by the caller).
        public var timeout: Double?
        /// A new interpreter for every Python example.
        public var cold: Bool
        /// Run everything, whatever passed before (passes are still remembered).
        public var ignoreCache: Bool
        public var sandbox: Bool

        public init(jobs: Int, timeout: Double? = nil, cold: Bool = false, ignoreCache: Bool = false, sandbox: Bool = true) {
            self.jobs = jobs
            self.timeout = timeout
            self.cold = cold
            self.ignoreCache = ignoreCache
            self.sandbox = sandbox
        }
    }

    public static let maximumJobs = 64

    public struct Outcome: Sendable {
        public var results: [CheckResult]
        /// What protected the machine, when anything ran.
        public var containment: String?
        /// Why passes could not be remembered, when they could not (the next run repeats them).
        public var cacheProblem: String?
        /// Lessons of the course that could not be checked because they do not load: a check of
        /// the whole course fails because of them.
        public var unavailable: [UnavailableLesson] = []
        public var allPassed: Bool { results.allSatisfy(\.verdict.passed) && unavailable.isEmpty }
    }

    public let items: [CheckItem]
    let course: CourseOutline
    let book: ProgressBook?
    public let options: Options

    var config: CourseConfig { course.config }

    /// Lessons that could not be loaded, reported as failures.
    let unavailable: [UnavailableLesson]

    /// - Parameters:
    ///   - book: where passes are remembered; nil runs without a cache.
    ///   - unavailable: lessons of the checked set that do not load.
    public init(lessons: [Lesson], course: CourseOutline, book: ProgressBook?, options: Options, unavailable: [UnavailableLesson] = []) {
        self.init(items: lessons.flatMap(CheckItem.items(for:)), course: course, book: book, options: options, unavailable: unavailable)
    }

    public init(items: [CheckItem], course: CourseOutline, book: ProgressBook?, options: Options, unavailable: [UnavailableLesson] = []) {
        self.items = items
        self.unavailable = unavailable
        self.course = course
        self.book = book
        self.options = options
    }

    /// Runs the check; `progress` gets each result in course order as soon as every earlier one
    /// is known, from worker threads.
    public func run(progress: (@Sendable (CheckResult) -> Void)? = nil) throws -> Outcome {
        let pool = try ExampleHosts.pool(for: course.config, root: course.root, sandbox: options.sandbox)
        defer { pool.close() }
        let runner = ExampleRunner(config: config, pool: pool, timeoutOverride: options.timeout, warm: config.warm && !options.cold)
        let cache = book.map(BookCheckCache.init)
        let session = CheckSession(runner: runner, jobs: options.jobs, cache: cache, readsCache: !options.ignoreCache)
        let ordered = progress.map { OrderedDelivery(emit: $0) }
        let results = session.run(items) { index, result in ordered?.deliver(index, result) }
        return Outcome(results: results, containment: results.contains { !$0.fromCache } ? pool.description : nil, cacheProblem: cache?.problem,
                       unavailable: unavailable)
    }
}

/// The check cache kept in the learner's progress database.
final class BookCheckCache: CheckCache {
    let book: ProgressBook
    private let failure = Mutex<String?>(nil)

    init(book: ProgressBook) { self.book = book }

    func passedKeys(among keys: [String]) -> Set<String> { book.store.cachedPasses(among: keys) }

    /// A pass that cannot be remembered only costs a re-run next time: the check goes on, and
    /// the report says so.
    func recordPasses(_ keys: [String]) {
        do {
            try book.store.recordCachedPasses(keys)
        } catch {
            failure.withLock { $0 = "\(book.location.path): passes could not be remembered (\(error)); the next run repeats them" }
        }
    }

    var problem: String? { failure.withLock { $0 } }
}

/// The hosts a command's examples and checks run on, with the error a learner can act on when
/// there can be none.
public enum ExampleHosts {
    /// The course's folder and what sits beside it (its exercises) stay visible in the sandbox.
    /// - Parameter root: the course folder; its parent stays visible inside the sandbox.
    static func pool(for config: CourseConfig, root: URL, sandbox: Bool) throws -> HostPool {
        do {
            return try ExampleRunner.makePool(for: config, sandbox: config.sandbox && sandbox,
                                              visible: [root.deletingLastPathComponent()])
        } catch {
            throw AppError(.data, "\(error)")
        }
    }
}
