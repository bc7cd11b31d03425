import Foundation
import PreflightStore
import TestSupport
import XCTest

/// The store's side of moving progress between the terminal and the website.
final class ProgressStoreTransferTests: XCTestCase {
    private var folder: URL!
    private var store: ProgressStore!

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        store = try ProgressStore(url: folder.appendingPathComponent("p.sqlite"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testCheckPassDatesAreWhenEachKeyPassed() throws {
        let before = Date()
        try store.recordCachedPasses(["a", "b"])
        let dates = try store.checkPassDates(among: ["a", "b", "never"])
        XCTAssertEqual(Set(dates.keys), ["a", "b"])
        let a = try XCTUnwrap(dates["a"])
        XCTAssertLessThanOrEqual(abs(a.timeIntervalSince(before)), 5)
        XCTAssertEqual(try store.checkPassDates(among: []), [:])
    }

    func testLatestAnswerPerQuestionIgnoresSkips() throws {
        try store.recordQuizAttempt(sessionID: "s1", setKey: "k", answers: [
            QuizAttemptRecord(lessonID: "l", questionID: "l/q-1", answer: "A (wrong)", correct: false, score: 0),
            QuizAttemptRecord(lessonID: "l", questionID: "l/q-2", answer: "psi", correct: true, score: 1),
        ])
        Thread.sleep(forTimeInterval: 0.01)
        try store.recordQuizAttempt(sessionID: "s2", setKey: "k", answers: [
            QuizAttemptRecord(lessonID: "l", questionID: "l/q-1", answer: "B (right)", correct: true, score: 1),
            QuizAttemptRecord(lessonID: "l", questionID: "l/q-2", answer: "(skipped)", correct: false, score: 0),
        ])
        let latest = try store.latestQuizAnswers()
        XCTAssertEqual(latest["l/q-1"]?.answer, "B (right)")
        XCTAssertEqual(latest["l/q-1"]?.correct, true)
        XCTAssertEqual(latest["l/q-2"]?.answer, "psi", "a later skip does not hide the last real answer")
    }

    func testImportingTheSameAnswersTwiceAddsThemOnce() throws {
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let answers = [
            LatestQuizAnswer(lessonID: "l", questionID: "l/q-1", answer: "B", correct: true, score: 1, answeredAt: at),
            LatestQuizAnswer(lessonID: "l", questionID: "l/q-2", answer: "A, C", correct: false, score: 0.5, answeredAt: at),
        ]
        XCTAssertEqual(try store.importQuizAnswers(answers, sessionID: "import-1"), 2)
        XCTAssertEqual(try store.importQuizAnswers(answers, sessionID: "import-2"), 0)
        let stored = try store.latestQuizAnswers()
        XCTAssertEqual(stored.count, 2)
        XCTAssertEqual(stored["l/q-1"]?.answeredAt, at)
        XCTAssertEqual(stored["l/q-2"]?.score, 0.5)
        XCTAssertEqual(stored["l/q-2"]?.answer, "A, C")
    }

    func testLatestReviewRatingPerCard() throws {
        let card = ReviewCardRecord(questionID: "l/iq-1", lessonID: "l", state: "learning", step: 0, stability: 1, difficulty: 5,
                                    due: Date(timeIntervalSince1970: 2_000), lastReview: Date(timeIntervalSince1970: 1_000))
        try store.recordReview(card, rating: 1, at: Date(timeIntervalSince1970: 1_000))
        try store.recordReview(card, rating: 3, at: Date(timeIntervalSince1970: 1_500))
        let ratings = try store.latestReviewRatings()
        XCTAssertEqual(ratings["l/iq-1"]?.rating, 3)
        XCTAssertEqual(ratings["l/iq-1"]?.reviewedAt, Date(timeIntervalSince1970: 1_500))
    }
}
