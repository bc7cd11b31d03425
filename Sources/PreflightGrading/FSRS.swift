import Foundation

/// FSRS-6, the Free Spaced Repetition Scheduler of the open-spaced-repetition project, written
/// here from its published formulas, with its default parameters and 0.9 desired retention,
/// learning steps of 1 and 10 minutes and a relearning step of 10 minutes, and no fuzz (so
/// schedules are reproducible). Intervals round half to even, as the reference does.
public struct FSRS: Sendable {
    public enum Rating: Int, Sendable, CaseIterable, Codable {
        case again = 1, hard, good, easy
    }

    public enum State: String, Sendable, Codable { case learning, review, relearning }

    public struct Card: Sendable, Hashable, Codable {
        public var state: State = .learning
        public var step: Int? = 0
        public var stability: Double?
        public var difficulty: Double?
        public var due: Date
        public var lastReview: Date?

        public init(due: Date) { self.due = due }
    }

    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    public let w: [Double]
    public let desiredRetention: Double
    public let learningSteps: [TimeInterval]
    public let relearningSteps: [TimeInterval]
    public let maximumInterval: Int
    let decay: Double
    let factor: Double

    public init(parameters: [Double] = FSRS.defaultParameters, desiredRetention: Double = 0.9,
                learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600], maximumInterval: Int = 36500) {
        precondition(parameters.count == 21, "FSRS-6 takes 21 parameters")
        w = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        decay = -parameters[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// Probability of recall `days` after the last review, for a memory of this stability.
    public func retrievability(stability: Double, elapsedDays: Double) -> Double {
        pow(1 + factor * elapsedDays / stability, decay)
    }

    public func retrievability(of card: Card, at date: Date) -> Double {
        guard let last = card.lastReview, let stability = card.stability else { return 0 }
        return retrievability(stability: stability, elapsedDays: Double(max(0, wholeDays(from: last, to: date))))
    }

    public func review(_ card: Card, rating: Rating, at now: Date) -> Card {
        var card = card
        let daysSince = card.lastReview.map { wholeDays(from: $0, to: now) }
        let r = Double(rating.rawValue)
        let interval: TimeInterval
        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? learningSteps : relearningSteps
            if card.stability == nil || card.difficulty == nil {
                card.stability = initialStability(rating)
                card.difficulty = clampDifficulty(initialDifficulty(r))
            } else {
                updateMemory(&card, rating: rating, daysSince: daysSince, at: now)
            }
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = graduate(&card)
            } else {
                switch rating {
                case .again:
                    card.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 { interval = steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2 }
                    else { interval = steps[step] }
                case .good:
                    if step + 1 == steps.count { interval = graduate(&card) }
                    else { card.step = step + 1; interval = steps[step + 1] }
                case .easy:
                    interval = graduate(&card)
                }
            }
        case .review:
            updateMemory(&card, rating: rating, daysSince: daysSince, at: now)
            if rating == .again && !relearningSteps.isEmpty {
                card.state = .relearning
                card.step = 0
                interval = relearningSteps[0]
            } else {
                interval = Double(nextIntervalDays(card.stability!)) * 86_400
            }
        }
        card.due = now.addingTimeInterval(interval)
        card.lastReview = now
        return card
    }

    private func graduate(_ card: inout Card) -> TimeInterval {
        card.state = .review
        card.step = nil
        return Double(nextIntervalDays(card.stability!)) * 86_400
    }

    private func updateMemory(_ card: inout Card, rating: Rating, daysSince: Int?, at now: Date) {
        let stability = card.stability!, difficulty = card.difficulty!
        if let daysSince, daysSince < 1 {
            card.stability = shortTermStability(stability, rating: rating)
        } else {
            let recall = retrievability(of: card, at: now)
            card.stability = rating == .again
                ? forgetStability(difficulty: difficulty, stability: stability, retrievability: recall)
                : recallStability(difficulty: difficulty, stability: stability, retrievability: recall, rating: rating)
            card.stability = max(card.stability!, 0.001)
        }
        card.difficulty = nextDifficulty(difficulty, rating: rating)
    }

    func initialStability(_ rating: Rating) -> Double { max(w[rating.rawValue - 1], 0.001) }

    func initialDifficulty(_ r: Double) -> Double { w[4] - exp(w[5] * (r - 1)) + 1 }

    func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }

    public func nextIntervalDays(_ stability: Double) -> Int {
        let raw = stability / factor * (pow(desiredRetention, 1 / decay) - 1)
        return min(max(Int(raw.rounded(.toNearestOrEven)), 1), maximumInterval)
    }

    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase = exp(w[17] * (Double(rating.rawValue) - 3 + w[18])) * pow(stability, -w[19])
        // As the reference: a same-day review the learner passed (Hard included) never lowers
        // stability; only Again may.
        if rating != .again { increase = max(increase, 1) }
        return max(stability * increase, 0.001)
    }

    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -(w[6] * (Double(rating.rawValue) - 3))
        let damped = difficulty + (10 - difficulty) * delta / 9
        return clampDifficulty(w[7] * initialDifficulty(4) + (1 - w[7]) * damped)
    }

    func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1) * exp((1 - retrievability) * w[14])
        let shortTerm = stability / exp(w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    func recallStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return stability * (1 + exp(w[8]) * (11 - difficulty) * pow(stability, -w[9]) * (exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
    }

    /// Whole days between two moments, rounded down, as Python's `timedelta.days`.
    func wholeDays(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
    }
}
