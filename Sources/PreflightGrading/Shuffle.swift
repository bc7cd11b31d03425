/// Reproducible shuffling: SplitMix64, seeded, so `--seed S` shows the same order on every
/// machine and every run (Swift's own generator is seeded per process).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The order options are shown in: `shown[i]` is the authored index of the option lettered i.
public struct DisplayOrder: Sendable, Hashable {
    public var shown: [Int]

    public init(shown: [Int]) { self.shown = shown }

    public static func identity(_ count: Int) -> DisplayOrder { DisplayOrder(shown: Array(0..<count)) }

    public static func shuffled(_ count: Int, using generator: inout SeededGenerator) -> DisplayOrder {
        DisplayOrder(shown: Array(0..<count).shuffled(using: &generator))
    }

    /// The authored index behind a letter the learner typed, nil if there is no such letter.
    public func authoredIndex(forLetter letter: Character) -> Int? {
        guard let ascii = letter.uppercased().unicodeScalars.first?.value, (65..<65 + UInt32(shown.count)).contains(ascii) else { return nil }
        return shown[Int(ascii) - 65]
    }

    public func letter(forAuthored index: Int) -> String? {
        shown.firstIndex(of: index).map(Grader.letter)
    }
}
