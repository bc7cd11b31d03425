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
        try book.recordPosition(lessonID: "first-lesson", part: 2)
        let progress = try book.courseProgress()
        XCTAssertEqual(progress.resumeLesson?.id, "first-lesson", "the lesson in progress is resumed")
        XCTAssertEqual(progress.resumePart, 2, "at the part the learner was reading")
        XCTAssertEqual(progress.part(of: opened.outline.lessons[0]), 2)
        try book.markDone(lessonID: "first-lesson")
        try book.recordExampleRun(lessonID: "first-lesson", index: 1, passed: true)
        XCTAssertEqual(try book.examplesRun(lessonID: "first-lesson"), [1])
        XCTAssertEqual(try book.courseProgress().doneCount, 1)
        XCTAssertEqual(try book.courseProgress().resumePart, 2, "marking a lesson done does not move the learner")
        try book.reset(lessonID: "first-lesson")
        XCTAssertEqual(try book.courseProgress().doneCount, 0)
        XCTAssertEqual(try book.examplesRun(lessonID: "first-lesson"), [])
        try book.recordPosition(lessonID: "first-lesson", part: 4)
        XCTAssertEqual(try ProgressBook.open(opened).courseProgress().records["first-lesson"]?.part, 4, "kept in the database, not in memory")
    }

    /// The reproduction, as the rule sees it: the course reopens where the learner was
    /// last reading, even in a lesson marked done while another was opened since.
    func testResumeIsTheLastPlaceReadWhateverTheStatuses() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        try book.recordPosition(lessonID: "first-lesson", part: 0)
        try book.markDone(lessonID: "first-lesson")
        try book.recordPosition(lessonID: "second-lesson", part: 0)
        try book.recordPosition(lessonID: "first-lesson", part: 0)
        try book.recordPosition(lessonID: "first-lesson", part: 3)
        let progress = try book.courseProgress()
        XCTAssertEqual(progress.resumeLesson?.id, "first-lesson", "not the lesson in progress, but the one last read")
        XCTAssertEqual(progress.resumePart, 3)
    }

    /// Opening a lesson from the list or by name: where it was left; a done lesson left at its
    /// last part starts over; a lesson never opened starts at its first part.
    func testALessonOpensWhereItWasLeft() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let course = try fixture.open().outline
        let first = course.lessons[0]
        let last = first.partCount - 1
        let now = 1.0
        var progress = CourseProgress(course: course, records: [:])
        XCTAssertEqual(progress.part(of: first), 0)
        progress.read(first.id, part: 3, at: now)
        XCTAssertEqual(progress.part(of: first), 3)
        XCTAssertEqual(progress.status(first), .inProgress)
        progress.markDone(first.id, at: now)
        XCTAssertEqual(progress.part(of: first), 3, "done, but left in the middle: the place is kept")
        progress.read(first.id, part: last, at: now)
        XCTAssertEqual(progress.status(first), .done, "reading a done lesson keeps it done")
        XCTAssertEqual(progress.part(of: first), 0, "done and read to the end: it opens at the start, to be read again")
        XCTAssertEqual(progress.resumePart, last, "but the course reopens exactly where the learner was")
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
