import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore

/// Interview questions as flashcards, scheduled by FSRS-6: which cards are due, what a rating
/// does to a card, and the learner's figures. Asking is the caller's.
public struct FlashcardReview: Sendable {
    public let questions: [InterviewQuestion]
    public let now: Date
    let book: ProgressBook
    let cards: [String: ReviewCardRecord]
    let scheduler = FSRS()

    public init(questions: [InterviewQuestion], book: ProgressBook, now: Date) throws {
        self.questions = questions
        self.book = book
        self.now = now
        cards = try book.access("read your flashcards") { try book.store.reviewCards() }
    }

    /// Cards already in review that are due (the longest overdue first), then new cards in course
    /// order, at most `limit`.
    public func due(limit: Int) -> [InterviewQuestion] {
        let seen = questions.filter { cards[$0.id].map { $0.due <= now } ?? false }.sorted { cards[$0.id]!.due < cards[$1.id]!.due }
        let new = questions.filter { cards[$0.id] == nil }
        return Array((seen + new).prefix(limit))
    }

    /// When the next card falls due, when nothing is due now.
    public var nextDue: Date? { questions.compactMap { cards[$0.id]?.due }.filter { $0 > now }.min() }

    /// Schedules the card after a rating and saves card and rating together; returns when it is
    /// due again.
    @discardableResult
    public func rate(_ question: InterviewQuestion, _ rating: FSRS.Rating) throws -> Date {
        let card = cards[question.id].map(Self.card(from:)) ?? FSRS.Card(due: now)
        let next = scheduler.review(card, rating: rating, at: now)
        let record = ReviewCardRecord(questionID: question.id, lessonID: question.lessonID, state: next.state.rawValue, step: next.step,
                                      stability: next.stability, difficulty: next.difficulty, due: next.due, lastReview: next.lastReview)
        let statements = book.recorder.map { [$0.flashcardReviewed(question, rating: rating, nextReview: next.due, at: now)] } ?? []
        try book.access("save the review") { try book.store.recordReview(record, rating: rating.rawValue, at: now, statements: statements) }
        return next.due
    }

    public struct Stats: Sendable {
        public var total, new, inReview, dueToday, dueThisWeek: Int
        /// Mean predicted recall of the cards in review, now.
        public var predictedRecall: Double?
        /// Reviews after a day or more, and how many of them were recalled.
        public var recalled: Int, reviewedLater: Int
    }

    public func stats() throws -> Stats {
        let endOfToday = Calendar(identifier: .gregorian).startOfDay(for: now).addingTimeInterval(86_400)
        let seen = questions.compactMap { cards[$0.id] }
        let predicted = seen.map { scheduler.retrievability(of: Self.card(from: $0), at: now) }
        let recall = try book.access("read your review history") { try book.store.reviewRecall() }
        return Stats(total: questions.count, new: questions.count - seen.count, inReview: seen.count,
                     dueToday: seen.filter { $0.due < endOfToday }.count, dueThisWeek: seen.filter { $0.due < now.addingTimeInterval(7 * 86_400) }.count,
                     predictedRecall: predicted.isEmpty ? nil : predicted.reduce(0, +) / Double(predicted.count),
                     recalled: recall.recalled, reviewedLater: recall.total)
    }

    /// `1`–`4`, `again`, `hard`, `good`, `easy` (or their first letters).
    public static func rating(_ text: String) -> FSRS.Rating? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "again", "a": return .again
        case "2", "hard", "h": return .hard
        case "3", "good", "g": return .good
        case "4", "easy", "e": return .easy
        default: return nil
        }
    }

    /// Ratings read from a sheet, one per line in card order (`skip` leaves a card); missing
    /// lines skip the rest.
    public static func ratings(sheet text: String, source: String, count: Int) throws -> [FSRS.Rating?] {
        var ratings: [FSRS.Rating?] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if word.lowercased() == "skip" { ratings.append(nil); continue }
            guard let rating = rating(word) else {
                throw AppError(.data, "\(source):\(number + 1):1: error: `\(word)` is not a rating (again, hard, good, easy, 1-4 or skip)")
            }
            ratings.append(rating)
        }
        return ratings + Array(repeating: nil, count: max(0, count - ratings.count))
    }

    /// "in 10 min", "in 3 h", "in 4 days".
    public static func describe(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        if seconds < 3600 { return "in \(max(1, Int((seconds / 60).rounded()))) min" }
        if seconds < 86_400 { return "in \(Int((seconds / 3600).rounded())) h" }
        let days = Int((seconds / 86_400).rounded())
        return "in \(days) day\(days == 1 ? "" : "s")"
    }

    static func card(from record: ReviewCardRecord) -> FSRS.Card {
        var card = FSRS.Card(due: record.due)
        card.state = FSRS.State(rawValue: record.state) ?? .learning
        card.step = record.step
        card.stability = record.stability
        card.difficulty = record.difficulty
        card.lastReview = record.lastReview
        return card
    }
}
