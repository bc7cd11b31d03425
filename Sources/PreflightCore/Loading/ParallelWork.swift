import Foundation
import Synchronization

/// Runs independent pieces of work (one lesson each) on every core, and hands the results back
/// in order. Threads of their own rather than a dispatch pool, so each has the main thread's
/// stack size: reading a lesson recurses as deep as its YAML and Markdown nest.
enum ParallelWork {
    static let stackSize = 8 << 20

    static func map<Result: Sendable>(_ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        let workers = max(1, min(threads, count))
        let results = Slots<Result>(count: count)
        let next = Mutex(0)
        let body: @Sendable () -> Void = {
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < count else { return }
                results.set(index, work(index))
            }
        }
        guard workers > 1 else {
            body()
            return results.values
        }
        let done = DispatchGroup()
        for _ in 1..<workers {
            done.enter()
            let thread = Thread {
                body()
                done.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        // The calling thread works too.
        body()
        done.wait()
        return results.values
    }

    /// One slot per piece of work, each filled once by whichever thread did it.
    private final class Slots<Value: Sendable>: Sendable {
        private let slots: Mutex<[Value?]>

        init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

        func set(_ index: Int, _ value: Value) { slots.withLock { $0[index] = value } }

        var values: [Value] { slots.withLock { $0.map { $0! } } }
    }
}
