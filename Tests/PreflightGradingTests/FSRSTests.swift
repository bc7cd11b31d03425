import Foundation
import PreflightGrading
import XCTest

/// FSRS-6 against the reference implementation's published test vectors (py-fsrs, fuzz off).
final class FSRSTests: XCTestCase {
    let start = ISO8601DateFormatter().date(from: "2022-11-29T12:30:00Z")!

    func testIntervalSequenceMatchesTheReference() {
        // py-fsrs tests/test_basic.py::test_review_card, for the release whose default
        // parameters are `FSRS.defaultParameters` (a later release with other defaults expects
        // 497 and 20 in place of 498 and 21).
        let ratings: [FSRS.Rating] = [.good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good, .good]
        let scheduler = FSRS()
        var card = FSRS.Card(due: start)
        var now = start
        var intervals: [Int] = []
        for rating in ratings {
            card = scheduler.review(card, rating: rating, at: now)
            intervals.append(Int((card.due.timeIntervalSince(card.lastReview!) / 86_400).rounded(.down)))
            now = card.due
        }
        XCTAssertEqual(intervals, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    }

    func testMemoryStateMatchesTheReference() {
        // py-fsrs test_memo_state: reviews spaced 0, 0, 1, 3, 8 and 21 days apart.
        let scheduler = FSRS()
        let ratings: [FSRS.Rating] = [.again, .good, .good, .good, .good, .good]
        var card = FSRS.Card(due: start)
        var now = start
        for (rating, days) in zip(ratings, [0, 0, 1, 3, 8, 21]) {
            now = now.addingTimeInterval(Double(days) * 86_400)
            card = scheduler.review(card, rating: rating, at: now)
        }
        XCTAssertEqual(card.stability ?? 0, 53.62691, accuracy: 1e-4)
        XCTAssertEqual(card.difficulty ?? 0, 6.3574867, accuracy: 1e-4)
    }

    func testRepeatedEasyReviewsDriveDifficultyToItsFloor() {
        // py-fsrs test_repeated_correct_reviews: ten Easy ratings in quick succession.
        let scheduler = FSRS()
        var card = FSRS.Card(due: start)
        for offset in 0..<10 {
            card = scheduler.review(card, rating: .easy, at: start.addingTimeInterval(Double(offset) * 1e-6))
        }
        XCTAssertEqual(card.difficulty, 1.0)
    }

    func testASameDayHardNeverLowersStability() {
        // Two Hards on a new card within minutes: the reference keeps the first Hard's 1.2931
        // (the short-term increase is at least 1 for Hard, Good and Easy); only Again lowers it.
        let scheduler = FSRS()
        let first = scheduler.review(FSRS.Card(due: start), rating: .hard, at: start)
        let second = scheduler.review(first, rating: .hard, at: start.addingTimeInterval(120))
        XCTAssertEqual(second.stability ?? 0, 1.2931, accuracy: 1e-4)
        let again = scheduler.review(first, rating: .again, at: start.addingTimeInterval(120))
        XCTAssertLessThan(again.stability ?? 99, 1.2931)
    }

    func testLearningStepsThenGraduation() {
        let scheduler = FSRS()
        var card = scheduler.review(FSRS.Card(due: start), rating: .good, at: start)
        XCTAssertEqual(card.state, .learning)
        XCTAssertEqual(card.due.timeIntervalSince(start), 600, "Good on a new card moves to the 10-minute step")
        card = scheduler.review(card, rating: .again, at: card.due)
        XCTAssertEqual(card.step, 0)
        XCTAssertEqual(card.due.timeIntervalSince(card.lastReview!), 60)
        let easy = scheduler.review(FSRS.Card(due: start), rating: .easy, at: start)
        XCTAssertEqual(easy.state, .review, "Easy graduates at once")
    }

    func testRetrievabilityIsNinetyPercentAfterOneStability() {
        let scheduler = FSRS()
        XCTAssertEqual(scheduler.retrievability(stability: 10, elapsedDays: 10), 0.9, accuracy: 1e-9)
        XCTAssertEqual(scheduler.retrievability(stability: 10, elapsedDays: 0), 1, accuracy: 1e-12)
        XCTAssertEqual(scheduler.nextIntervalDays(10), 10, "with 0.9 desired retention the interval equals the stability")
    }
}
