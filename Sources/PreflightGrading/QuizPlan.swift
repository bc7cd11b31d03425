import PreflightCore

/// Which questions a quiz asks, and in what order its options are shown.
public struct QuizPlan: Sendable {
    public var questions: [QuizQuestion]
    public var orders: [DisplayOrder]

    /// - Parameters:
    ///   - pools: questions grouped (by section for an exam, by lesson otherwise), in course order.
    ///   - count: ask this many, drawn at random; nil asks them all.
    ///   - balanced: draw evenly from every pool (the final exam) rather than from all at once.
    ///   - shuffleOptions: show options and ordering items in a seeded random order (always on a
    ///     terminal; scripted answers keep the authored order unless a seed is given).
    public static func make(pools: [[QuizQuestion]], count: Int?, balanced: Bool, seed: UInt64, shuffleOptions: Bool) -> QuizPlan {
        var generator = SeededGenerator(seed: seed)
        let all = pools.flatMap { $0 }
        var chosen: [QuizQuestion]
        if let count, count < all.count {
            if balanced {
                chosen = balancedDraw(pools, count: count, using: &generator)
            } else {
                let picked = Set(Array(all.indices).shuffled(using: &generator).prefix(count))
                chosen = all.indices.filter(picked.contains).map { all[$0] }
            }
        } else {
            chosen = all
        }
        let orders = chosen.map { question -> DisplayOrder in
            let size = question.answer.labels.count
            // True/false stays True, False.
            return shuffleOptions && question.kind != .trueFalse ? DisplayOrder.shuffled(size, using: &generator) : DisplayOrder.identity(size)
        }
        return QuizPlan(questions: chosen, orders: orders)
    }

    /// Round-robin over shuffled pools, so every section is represented before any repeats.
    static func balancedDraw(_ pools: [[QuizQuestion]], count: Int, using generator: inout SeededGenerator) -> [QuizQuestion] {
        var shuffled = pools.map { $0.shuffled(using: &generator) }
        var chosen: [QuizQuestion] = []
        var round = 0
        while chosen.count < count && shuffled.contains(where: { round < $0.count }) {
            for pool in shuffled.indices where round < shuffled[pool].count && chosen.count < count {
                chosen.append(shuffled[pool][round])
            }
            round += 1
        }
        shuffled.removeAll()
        let ids = Set(chosen.map(\.id))
        return pools.flatMap { $0 }.filter { ids.contains($0.id) }
    }

    /// Identifies the set of questions, so attempts on the same set can be compared.
    public var setKey: String { Self.setKey(for: questions.map(\.id)) }

    /// The key of a set of question ids, in any order (the store recomputes it when a renamed
    /// lesson's question ids change).
    @Sendable public static func setKey(for questionIDs: [String]) -> String {
        StableHash.hex(questionIDs.sorted().joined(separator: ","))
    }
}
