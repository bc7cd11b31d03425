import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import TestSupport
import XCTest

/// `quiz --missed`, weak sections, the exam on them, and the progress view's figures.
final class QuizRetryTests: XCTestCase {
    /// The fixture's first lesson has seven questions: single, select-all, true-false, two short
    /// answers, predict-the-output and ordering, in that order.
    func testMissedAsksWhatWasLastAnsweredWrongOrPartlyRight() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        XCTAssertThrowsError(try QuizSession.missed(opened, names: [], book: book, count: nil, seed: 1, shuffle: false)) { error in
            XCTAssertTrue("\(error)".contains("not answered any"), "\(error)")
        }
        let quiz = try QuizSession.plan(opened, names: ["first-lesson"], exam: false, count: nil, seed: 1, shuffle: false, progress: book.courseProgress)
        // Right, half right (A of A,B), wrong, right, skipped, right, right.
        try quiz.record(try quiz.grade(sheet: "B\nA\nTrue\npsi\nskip\n6\n.\nA,B,C\n", source: "s"), in: book)
        let missed = try QuizSession.missed(opened, names: [], book: book, count: nil, seed: 1, shuffle: false)
        XCTAssertEqual(missed.questions.map(\.title.unescaped), ["Which are health endpoints?", "A canary gets all traffic at once."],
                       "the partly right and the wrong one, in course order; not the skipped one")
        let retry = try missed.grade(sheet: "A,B\nFalse\n", source: "s")
        try missed.record(retry, in: book)
        XCTAssertThrowsError(try QuizSession.missed(opened, names: ["basics"], book: book, count: nil, seed: 1, shuffle: false)) { error in
            XCTAssertTrue("\(error)".contains("nothing to retry: you last answered every question here right"), "\(error)")
        }
    }

    func testWeakSectionsAreThoseWhoseLatestAnswersScoreBelowEightyPercent() throws {
        let opened = try OpenedCourse.open(CourseAddress(course: TestPaths.shippedCourse.path, environment: [:]))
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let address = CourseAddress(course: TestPaths.shippedCourse.path, state: folder.appendingPathComponent("p.sqlite").path, environment: [:])
        let book = try ProgressBook.open(try OpenedCourse.open(address))
        XCTAssertThrowsError(try QuizSession.weakExam(opened, book: book, count: nil, seed: 1, shuffle: false)) { error in
            XCTAssertTrue("\(error)".contains("take the final exam first"), "\(error)")
        }
        // Answer every exam question right except both from the first section.
        let exam = try QuizSession.plan(opened, names: [], exam: true, count: nil, seed: 9, shuffle: false, progress: book.courseProgress)
        let overview = opened.course.lessons(inSection: "overview").map(\.id)
        let graded = exam.questions.indices.map { index -> GradedAnswer in
            let question = exam.questions[index]
            var answer = exam.grade(index, .skipped)
            answer.skipped = false
            answer.given = "x"
            answer.correct = !overview.contains(question.lessonID)
            answer.score = answer.correct ? 1 : 0
            return answer
        }
        try exam.record(graded, in: book)
        let standings = try QuizSession.standings(opened.outline, book: book)
        XCTAssertEqual(standings.filter(\.isWeak).map(\.id), ["overview"])
        XCTAssertEqual(standings.first { $0.id == "security-checks" }?.score?.points, 2)
        let retake = try QuizSession.weakExam(opened, book: book, count: nil, seed: 2, shuffle: false)
        XCTAssertTrue(retake.isExam)
        XCTAssertEqual(Set(retake.questions.map(\.lessonID)), Set(overview), "only the weak section's questions")
        XCTAssertEqual(retake.questions.count, QuizSession.examQuestionsPerSection)
    }

    func testTheProgressViewCountsLessonsExercisesCardsAndQuizzesPerSection() throws {
        let fixture = try AppFixture("exercise-course")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        let session = try ExerciseSession.open(opened, book: book)
        try session.markDone(session.exercises[0])
        try book.markDone(lessonID: opened.course.lessons[0].id)
        let overview = try ProgressOverview.make(opened, book: book, exercises: (session.exercises, try session.states()), now: Date())
        let section = try XCTUnwrap(overview.sections.first)
        XCTAssertEqual(section.lessonsDone, 1)
        XCTAssertEqual(section.lessons, opened.course.lessons.count)
        XCTAssertEqual(section.exercisesDone, 1)
        XCTAssertEqual(section.exercises, 1)
        XCTAssertNil(section.standing.score, "no quiz taken")
        XCTAssertEqual(overview.history.count, 0)
        let json = try overview.json()
        XCTAssertTrue(json.contains("\"exercises_done\" : 1"), json)
        XCTAssertTrue(json.contains("\"quiz_history\""), json)
    }
}
