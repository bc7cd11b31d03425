import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import XCTest

/// `preflight export progress` and `import progress`: a learner's progress leaves one database as
/// a progress file and arrives in another (or comes back from the website) meaning the same.
final class ProgressTransferTests: XCTestCase {
    private var fixture: AppFixture!
    private var opened: OpenedCourse!

    override func setUpWithError() throws {
        fixture = try AppFixture("good")
        opened = try fixture.open()
    }

    override func tearDownWithError() throws { fixture.remove() }

    /// A second learner of the same course, with a database of their own.
    private func otherBook(_ name: String = "other") throws -> ProgressBook {
        var address = fixture.address
        address.state = fixture.folder.appendingPathComponent("\(name).sqlite").path
        return try ProgressBook.open(try OpenedCourse.open(address))
    }

    private func answerQuiz(_ sheet: String, in book: ProgressBook) throws {
        let session = try QuizSession.plan(opened, names: ["first-lesson"], exam: false, count: nil, seed: 1, shuffle: false, progress: book.courseProgress)
        _ = try session.record(try session.grade(sheet: sheet, source: "sheet"), in: book)
    }

    private var questions: [QuizQuestion] { opened.course.lessons[0].quiz }
    private var cards: [InterviewQuestion] { opened.course.lessons.flatMap(\.interviewQuestions) }

    func testExportHoldsLessonsLatestAnswersAndRatings() throws {
        let book = try ProgressBook.open(opened)
        try book.markDone(lessonID: "first-lesson")
        try book.recordPosition(lessonID: "second-lesson", part: 1)
        try answerQuiz("A\n", in: book)
        try answerQuiz("B\nskip\n", in: book)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let review = try FlashcardReview(questions: cards, book: book, now: now)
        try review.rate(cards[0], .hard)
        try review.rate(cards[1], .again)

        let file = try ProgressTransfer(book: book).export(at: now)
        XCTAssertEqual(file.course, "fixture-course")
        XCTAssertEqual(file.lessons.mapValues(\.status), ["first-lesson": "done", "second-lesson": "in-progress"])
        XCTAssertEqual(file.questions[questions[0].id]?.correct, true, "the latest answer, B, not the earlier A")
        XCTAssertEqual(file.questions[questions[0].id]?.lesson, "first-lesson")
        XCTAssertNil(file.questions[questions[1].id], "a skip is not an answer")
        XCTAssertEqual(file.flashcards[cards[0].id]?.rating, "good", "Hard was recalled: the site's `good`")
        XCTAssertEqual(file.flashcards[cards[1].id]?.rating, "again")
        XCTAssertEqual(file.flashcards[cards[1].id]?.reviewedAt, ProgressFile.timestamp(now))
    }

    func testTheJSONReadsBackAndEscapesWhatATerminalWouldObey() throws {
        let book = try ProgressBook.open(opened)
        try answerQuiz("skip\nskip\nskip\n\u{9B}2J \u{202E}evil\n", in: book)
        let transfer = ProgressTransfer(book: book)
        let file = try transfer.export(at: Date())
        let json = try file.json()
        XCTAssertFalse(json.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E }, json)
        XCTAssertTrue(json.contains("\\u009B2J \\u202Eevil"), json)
        XCTAssertTrue(json.contains("\"answered_at\""), "the keys of docs/progress-format.md")
        XCTAssertEqual(try transfer.read(Data(json.utf8), source: "p.json"), file, "escaped, not changed")
    }

    func testImportingRecreatesTheProgressAndTwiceAddsNothing() throws {
        let book = try ProgressBook.open(opened)
        try book.markDone(lessonID: "first-lesson")
        try answerQuiz("B\nA,B\n", in: book)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try FlashcardReview(questions: cards, book: book, now: now).rate(cards[0], .good)
        let file = try ProgressTransfer(book: book).export(at: now)

        let other = try otherBook()
        let transfer = ProgressTransfer(book: other)
        XCTAssertEqual(try transfer.merge(file), ProgressTransfer.MergeResult(lessons: 1, answers: 2, flashcards: 1))
        XCTAssertEqual(try transfer.merge(file), ProgressTransfer.MergeResult(), "the same file again changes nothing")
        XCTAssertEqual(try other.courseProgress().doneCount, 1)
        XCTAssertEqual(try other.quizScores()["first-lesson"]?.questions, 2, "each answer stored once")
        let review = try FlashcardReview(questions: cards, book: other, now: now)
        XCTAssertEqual(try review.stats().inReview, 1)
        XCTAssertFalse(review.due(limit: 10).map(\.id).contains(cards[0].id), "rated good at `now`, so not due again at once")
        XCTAssertEqual(try ProgressTransfer(book: other).export(at: now).questions, file.questions, "the answers arrive as they left")
    }

    func testDoneStaysDoneAndWhatCannotBeUsedIsCountedNotGuessed() throws {
        let book = try ProgressBook.open(opened)
        try book.markDone(lessonID: "first-lesson")
        var file = ProgressFile(course: "fixture-course", exportedAt: Date())
        file.lessons["first-lesson"] = .init(status: "in-progress", updatedAt: nil)
        file.lessons["second-lesson"] = .init(status: "finished", updatedAt: nil)
        file.lessons["gone-lesson"] = .init(status: "done", updatedAt: nil)
        file.questions["gone-lesson/q-12345678"] = .init(lesson: "gone-lesson", answer: "B", correct: true, score: 1, answeredAt: "2026-11-30T02:00:00Z")
        file.questions[questions[0].id] = .init(lesson: "first-lesson", answer: "B", correct: true, score: 1, answeredAt: "yesterday")
        file.flashcards[cards[0].id] = .init(rating: "easy", reviewedAt: "2026-11-30T02:00:00Z")
        let result = try ProgressTransfer(book: book).merge(file)
        XCTAssertEqual(result.lessons + result.answers + result.flashcards, 0)
        XCTAssertEqual(result.unknown, 2, "a lesson and a question the course does not have")
        XCTAssertEqual(result.unreadable, 3, "a status, a time and a rating the format does not have")
        let records = try book.lessons()
        XCTAssertEqual(records["first-lesson"]?.status, .done, "importing never undoes done")
        XCTAssertNil(records["second-lesson"])
    }

    func testARatingOlderThanTheCardsLastReviewLeavesItsScheduleAlone() throws {
        let book = try ProgressBook.open(opened)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let due = try FlashcardReview(questions: cards, book: book, now: now).rate(cards[0], .good)
        var file = ProgressFile(course: "fixture-course", exportedAt: now)
        file.flashcards[cards[0].id] = .init(rating: "again", reviewedAt: ProgressFile.timestamp(now.addingTimeInterval(-86_400)))
        XCTAssertEqual(try ProgressTransfer(book: book).merge(file).flashcards, 0)
        XCTAssertEqual(try FlashcardReview(questions: cards, book: book, now: now).nextDue, due)
        file.flashcards[cards[0].id] = .init(rating: "again", reviewedAt: ProgressFile.timestamp(now.addingTimeInterval(60)))
        XCTAssertEqual(try ProgressTransfer(book: book).merge(file).flashcards, 1, "a newer rating applies")
        XCTAssertLessThan(try XCTUnwrap(try FlashcardReview(questions: cards, book: book, now: now).nextDue), due, "Again brings the card back sooner")
    }

    func testFilesForAnotherCourseOrInAnotherFormatAreRefused() throws {
        let transfer = ProgressTransfer(book: try ProgressBook.open(opened))
        func refusal(_ json: String) -> String? {
            do {
                _ = try transfer.read(Data(json.utf8), source: "p.json")
                return nil
            } catch let error as AppError {
                XCTAssertEqual(error.exitCode, 65)
                return error.message
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(refusal(#"{"format": "preflight-progress", "version": 1, "course": "another"}"#),
                       "p.json holds progress for course `another`, not `fixture-course`")
        XCTAssertEqual(refusal(#"{"format": "something-else", "version": 1, "course": "fixture-course"}"#),
                       "p.json: not a Preflight progress file (`format` is \"something-else\", expected \"preflight-progress\")")
        XCTAssertTrue(refusal(#"{"format": "preflight-progress", "version": 9, "course": "fixture-course"}"#)?.contains("newer than this preflight") == true)
        XCTAssertTrue(refusal(#"{"format": "preflight-progress", "course": "fixture-course"}"#)?.contains("missing `version`") == true)
        XCTAssertTrue(refusal("not json")?.hasPrefix("p.json: not a progress file") == true)
        XCTAssertNil(refusal(#"{"format": "preflight-progress", "version": 1, "course": "fixture-course", "quizzes": {}}"#), "fields for the site alone are ignored")
    }
}
