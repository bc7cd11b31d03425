import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import TestSupport
import XCTest

final class QuizSessionTests: XCTestCase {
    func testTheExamDrawsTwoQuestionsFromEverySectionOfTheShippedCourse() throws {
        let opened = try OpenedCourse.open(CourseAddress(course: TestPaths.shippedCourse.path, environment: [:]))
        let exam = try QuizSession.plan(opened, names: [], exam: true, count: nil, seed: 3, shuffle: false, progress: { CourseProgress(course: opened.outline, records: [:]) })
        let sections = opened.course.config.sections
        XCTAssertEqual(exam.questions.count, 2 * sections.count)
        for section in sections {
            let ids = Set(opened.course.lessons(inSection: section.id).map(\.id))
            XCTAssertEqual(exam.questions.filter { ids.contains($0.lessonID) }.count, 2, section.id)
        }
        let again = try QuizSession.plan(opened, names: [], exam: true, count: nil, seed: 3, shuffle: false, progress: { CourseProgress(course: opened.outline, records: [:]) })
        XCTAssertEqual(exam.questions.map(\.id), again.questions.map(\.id), "the same seed draws the same exam")
    }

    func testWithoutNamesTheQuizIsTheLessonTheLearnerIsOn() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        let session = try QuizSession.plan(opened, names: [], exam: false, count: nil, seed: 1, shuffle: false, progress: book.courseProgress)
        XCTAssertEqual(Set(session.questions.map(\.lessonID)), ["first-lesson"])
        try book.recordPosition(lessonID: "second-lesson", part: 1)
        XCTAssertThrowsError(try QuizSession.plan(opened, names: [], exam: false, count: nil, seed: 1, shuffle: false, progress: book.courseProgress)) { error in
            XCTAssertEqual("\(error)", "there are no quiz questions in this lesson.", "the learner is on the second lesson, which has none")
        }
    }

    func testASheetIsGradedRecordedAndComparedWithEarlierAttempts() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        let session = try QuizSession.plan(opened, names: ["first-lesson"], exam: false, count: nil, seed: 1, shuffle: false, progress: book.courseProgress)
        let first = try session.grade(sheet: "A\n", source: "sheet.txt")
        XCTAssertEqual(try session.record(first, in: book), [], "no earlier attempt")
        let second = try session.grade(sheet: "B\nA,B\n", source: "sheet.txt")
        XCTAssertTrue(second[0].correct)
        let previous = try session.record(second, in: book)
        XCTAssertEqual(previous.count, 1)
        XCTAssertEqual(previous[0].score.points, QuizScore(first).points)
        XCTAssertThrowsError(try session.grade(sheet: "B\nZ\n", source: "sheet.txt")) { error in
            XCTAssertTrue("\(error)".hasPrefix("sheet.txt:2:1: error:"), "\(error)")
        }
        XCTAssertEqual(try book.quizScores()["first-lesson"]?.questions, 3, "answered questions over both attempts; skipped ones do not count")
    }

    func testTheJSONReportUsesSnakeCaseAndEscapesWhatATerminalWouldObey() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let session = try QuizSession.plan(opened, names: ["first-lesson"], exam: false, count: nil, seed: 1, shuffle: false, progress: { CourseProgress(course: opened.outline, records: [:]) })
        let graded = try session.grade(sheet: "skip\nskip\nskip\n\u{9B}2J \u{202E}evil\n", source: "sheet")
        let json = try QuizSession.json(questions: session.questions, graded: graded)
        XCTAssertTrue(json.contains("\"correct_answer\""), json)
        XCTAssertFalse(json.contains("\u{9B}") || json.contains("\u{202E}"), "C1 controls and bidirectional overrides are escaped")
        XCTAssertTrue(json.contains("\\u009B2J \\u202Eevil"), json)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entries = decoded?["questions"] as? [[String: Any]]
        XCTAssertEqual(entries?[3]["given"] as? String, "\u{9B}2J \u{202E}evil", "still the same text to a JSON reader")
    }
}
