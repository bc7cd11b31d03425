import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import XCTest

final class FlashcardReviewTests: XCTestCase {
    func testNewCardsComeInCourseOrderThenRatingsScheduleThemAndPersist() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        let questions = opened.course.lessons.flatMap(\.interviewQuestions)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let review = try FlashcardReview(questions: questions, book: book, now: now)
        XCTAssertEqual(review.due(limit: 10).map(\.id), questions.map(\.id))
        let next = try review.rate(questions[0], .good)
        XCTAssertGreaterThan(next, now)
        let later = try FlashcardReview(questions: questions, book: book, now: now)
        XCTAssertEqual(later.due(limit: 10).map(\.id), Array(questions.dropFirst()).map(\.id), "a card rated good is not due at once")
        XCTAssertEqual(later.nextDue, next)
        let stats = try later.stats()
        XCTAssertEqual(stats.inReview, 1)
        XCTAssertEqual(stats.new, questions.count - 1)
        let dueAgain = try FlashcardReview(questions: questions, book: book, now: next.addingTimeInterval(1))
        XCTAssertEqual(dueAgain.due(limit: 1).map(\.id), [questions[0].id], "an overdue card comes before new ones")
    }

    func testRatingSheetsAreReadAndAMistakeNamesItsLine() throws {
        XCTAssertEqual(try FlashcardReview.ratings(sheet: "good\n# a comment\n\n1\nskip\n", source: "r", count: 4), [.good, .again, nil, nil])
        XCTAssertThrowsError(try FlashcardReview.ratings(sheet: "good\nmaybe\n", source: "r", count: 2)) { error in
            XCTAssertTrue("\(error)".hasPrefix("r:2:1: error: `maybe` is not a rating"), "\(error)")
        }
        XCTAssertEqual(FlashcardReview.describe(Date(timeIntervalSince1970: 600), from: Date(timeIntervalSince1970: 0)), "in 10 min")
    }
}
