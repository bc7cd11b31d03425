import Foundation
import PreflightApp
import PreflightCore
import XCTest

final class ProgressBookTests: XCTestCase {
    func testPlaceCompletionAndResetAreRecordedAndResumeFollowsThem() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        XCTAssertEqual(try book.courseProgress().resumeLesson?.id, "first-lesson", "a new learner starts at the beginning")
        try book.recordPosition(lessonID: "second-lesson", part: 2)
        let progress = try book.courseProgress()
        XCTAssertEqual(progress.resumeLesson?.id, "second-lesson", "the lesson in progress is resumed")
        XCTAssertEqual(progress.part(of: opened.course.lessons[1]), 2, "at the part the learner was reading")
        try book.markDone(lessonID: "first-lesson")
        try book.recordExampleRun(lessonID: "first-lesson", index: 1, passed: true)
        XCTAssertEqual(try book.examplesRun(lessonID: "first-lesson"), [1])
        XCTAssertEqual(try book.courseProgress().doneCount, 1)
        try book.reset(lessonID: "first-lesson")
        XCTAssertEqual(try book.courseProgress().doneCount, 0)
        XCTAssertEqual(try book.examplesRun(lessonID: "first-lesson"), [])
        XCTAssertEqual(try ProgressBook.open(opened).courseProgress().records["second-lesson"]?.part, 2, "kept in the database, not in memory")
    }

    func testALessonIsCompleteAtItsLastPartWithEveryExampleRun() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let lesson = try fixture.open().course.lessons[0]
        let last = lesson.sections.count - 1
        let all = Set(lesson.examples.map(\.index))
        XCTAssertTrue(LessonCompletion.isEarned(lesson, part: last, examplesRun: all))
        XCTAssertFalse(LessonCompletion.isEarned(lesson, part: last - 1, examplesRun: all), "not before the last part")
        XCTAssertFalse(LessonCompletion.isEarned(lesson, part: last, examplesRun: all.subtracting([1])), "not with an example never run")
    }

    func testADatabaseThatIsNotSQLiteIsReportedAndLeftAlone() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let state = URL(fileURLWithPath: try XCTUnwrap(fixture.address.state))
        try "not a database".write(to: state, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ProgressBook.open(try fixture.open())) { error in
            XCTAssertEqual((error as? AppError)?.exitCode, 65)
            XCTAssertTrue("\(error)".contains("not a Preflight progress database"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: state, encoding: .utf8), "not a database")
    }
}
