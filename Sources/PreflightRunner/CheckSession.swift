import Foundation
import Synchronization
import PreflightCore

/// Remembers which examples passed, keyed by `CheckItem.cacheKey`. The store implements it;
/// the runner only asks and tells.
public protocol CheckCache: Sendable {
    func passedKeys(among keys: [String]) -> Set<String>
    func recordPasses(_ keys: [String])
}

/// Runs many checks: cached passes are skipped, the rest run up to `jobs` at a time, and the
/// results come back in the order the items were given (course order), whatever order they
/// finished in.
public struct CheckSession: Sendable {
    public var runner: ExampleRunner
    public var jobs: Int
    public var cache: CheckCache?
    /// False for `--no-cache`: everything runs, and passes are still remembered for next time.
    public var readsCache: Bool

    public init(runner: ExampleRunner, jobs: Int, cache: CheckCache?, readsCache: Bool = true) {
        self.runner = runner
        self.jobs = max(1, jobs)
        self.cache = cache
        self.readsCache = readsCache
    }

    /// - Parameter progress: called with each result's index as soon as it is known (cached
    ///   results first), from worker threads.
    public func run(_ items: [CheckItem], progress: (@Sendable (Int, CheckResult) -> Void)? = nil) -> [CheckResult] {
        let runner = self.runner
        let keys = items.map { item in
            runner.config.runner(for: item.example.language).map {
                item.cacheKey(runner: $0, defaultTimeout: runner.timeout(for: item.example), environment: runner.config.environment)
            }
        }
        let cached = readsCache ? cache?.passedKeys(among: keys.compactMap { $0 }) ?? [] : []
        let results = ResultSlots(count: items.count)
        var pending: [Int] = []
        for (index, item) in items.enumerated() {
            if let key = keys[index], cached.contains(key) {
                let result = CheckResult(item: item, verdict: .passed, duration: 0, fromCache: true)
                results.set(index, result)
                progress?(index, result)
            } else {
                pending.append(index)
            }
        }
        // Real threads, not a dispatch pool: workers spend their time blocked in poll(2) on
        // a child's pipes, so `jobs` may usefully exceed the number of cores.
        let next = Counter()
        let group = DispatchGroup()
        let queue = pending
        for _ in 0..<min(jobs, pending.count) {
            group.enter()
            let thread = Thread {
                while let slot = next.take(below: queue.count) {
                    let index = queue[slot]
                    let result = runner.run(items[index])
                    results.set(index, result)
                    progress?(index, result)
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        let all = results.values
        let passedKeys = all.indices.compactMap { all[$0].verdict.passed && !all[$0].fromCache ? keys[$0] : nil }
        if !passedKeys.isEmpty { cache?.recordPasses(passedKeys) }
        return all
    }
}

/// One slot per item, filled by whichever worker ran it.
private final class ResultSlots: Sendable {
    private let slots: Mutex<[CheckResult?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ result: CheckResult) { slots.withLock { $0[index] = result } }

    var values: [CheckResult] { slots.withLock { $0.map { $0! } } }
}

/// Hands out item numbers to workers, each once.
private final class Counter: Sendable {
    private let value = Mutex(0)

    func take(below limit: Int) -> Int? {
        value.withLock { value in
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
