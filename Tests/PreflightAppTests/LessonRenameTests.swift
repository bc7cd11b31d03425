import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import XCTest

/// Renaming a lesson, as an author does it and as a learner lives through it: lint says what a
/// rename without `former_ids` does, and with `former_ids` the learner's place, quiz history and
/// flashcards follow the lesson to its new id.
final class LessonRenameTests: XCTestCase {
    private func rename(_ fixture: AppFixture, to newID: String, formerIDs: [String]) throws {
        let file = fixture.course.appendingPathComponent("01-basics/01-first.md")
        var text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "id: first-lesson\n", with: "id: \(newID)\n")
        if !formerIDs.isEmpty { text = text.replacingOccurrences(of: "minutes: 10\n", with: "minutes: 10\nformer_ids: [\(formerIDs.joined(separator: ", "))]\n") }
        try text.write(to: file, atomically: true, encoding: .utf8)
        // The lesson after it requires it by id.
        let second = fixture.course.appendingPathComponent("01-basics/02-second.md")
        try String(contentsOf: second, encoding: .utf8).replacingOccurrences(of: "first-lesson", with: newID).write(to: second, atomically: true, encoding: .utf8)
    }

    /// An answer to every question (right or wrong does not matter here).
    private func answers(_ quiz: QuizSession) -> [GradedAnswer] {
        quiz.questions.enumerated().map { index, question in
            switch question.answer {
            case .choice: return quiz.grade(index, .choice([0]))
            case .ordering(let items): return quiz.grade(index, .ordering(Array(items.indices)))
            case .shortAnswer, .predictOutput: return quiz.grade(index, .text("42"))
            }
        }
    }

    func testHistoryFollowsTheLessonAndLintExplainsARenameWithoutFormerIDs() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        // A learner works through the lesson under its first id.
        var opened = try fixture.open()
        var book = try ProgressBook.open(opened)
        try book.markDone(lessonID: "first-lesson")
        let quiz = try QuizSession.plan(opened, names: ["first-lesson"], exam: false, count: nil, seed: 7, shuffle: true, progress: book.courseProgress)
        try quiz.record(answers(quiz), in: book)
        let questions = opened.course.lessons[0].interviewQuestions
        try FlashcardReview(questions: questions, book: book, now: Date()).rate(questions[0], .good)

        // The author renames it and forgets `former_ids`: lint says what that does.
        try rename(fixture, to: "intro-lesson", formerIDs: [])
        let forgot = try CourseLinting.run(fixture.address, paths: [], strict: false).diagnostics.filter { $0.id.hasPrefix("rename.") }
        XCTAssertEqual(forgot.map(\.id), ["rename.missing-former-id"])
        XCTAssertEqual(forgot.first?.location.file, "01-basics/01-first.md")
        XCTAssertEqual(forgot.first?.location.line, 2, "at the lesson's id")
        XCTAssertTrue(forgot.first?.message.contains("this file was lesson `first-lesson`") == true, forgot.first?.message ?? "")
        XCTAssertTrue(try CourseLinting.run(fixture.address, paths: [], strict: true).hasErrors, "--strict fails on it")

        // With `former_ids`, lint is content and the learner's history follows.
        try rename(fixture, to: "intro-lesson", formerIDs: ["first-lesson"])
        XCTAssertEqual(try CourseLinting.run(fixture.address, paths: [], strict: true).diagnostics.map(DiagnosticReport.line), [])
        opened = try fixture.open()
        book = try ProgressBook.open(opened)
        XCTAssertEqual(try book.courseProgress().status(opened.outline.lessons[0]), .done)
        let again = try QuizSession.plan(opened, names: ["intro-lesson"], exam: false, count: nil, seed: 7, shuffle: true, progress: book.courseProgress)
        XCTAssertEqual(try again.record(answers(again), in: book).count, 1,
                       "the earlier attempt is the same set of questions under their new ids")
        let cards = opened.course.lessons[0].interviewQuestions
        XCTAssertEqual(cards[0].id.hasPrefix("intro-lesson/"), true)
        XCTAssertFalse(try FlashcardReview(questions: cards, book: book, now: Date()).due(limit: 10).contains { $0.id == cards[0].id },
                       "the reviewed card keeps its schedule: not due, not new")
        XCTAssertEqual(try book.quizScores()["intro-lesson"]?.questions, 2 * quiz.questions.count, "both attempts' answers count for the lesson")
        XCTAssertNil(try book.quizScores()["first-lesson"])
    }

    func testWithoutADatabaseLintSaysNothingAndCreatesNone() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        try rename(fixture, to: "intro-lesson", formerIDs: [])
        XCTAssertEqual(try CourseLinting.run(fixture.address, paths: [], strict: true).diagnostics.map(DiagnosticReport.line), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("progress.sqlite").path))
    }
}
