import PreflightRunner
import Synchronization

/// Hands results on in course order as soon as every earlier one is known, whatever order the
/// workers finish in.
final class OrderedDelivery: Sendable {
    private struct Queue {
        var pending: [Int: CheckResult] = [:]
        var next = 0
    }

    private let queue = Mutex(Queue())
    private let emit: @Sendable (CheckResult) -> Void

    init(emit: @escaping @Sendable (CheckResult) -> Void) { self.emit = emit }

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
