import Foundation
import PreflightStore
import TestSupport
import XCTest

/// A renamed lesson keeps its learners' history: what is stored under a former id moves to the
/// new id in one go, merging with anything already under the new id, and doing it again changes
/// nothing.
final class RenameCarryOverTests: XCTestCase {
    private var folder: URL!
    private var store: ProgressStore!

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        store = try ProgressStore(url: folder.appendingPathComponent("p.sqlite"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The quiz plan's key, as the application layer passes it.
    private let setKey: @Sendable ([String]) -> String = { $0.sorted().joined(separator: "+") }

    private func card(_ id: String, lesson: String, reviewed: Double) -> ReviewCardRecord {
        ReviewCardRecord(questionID: id, lessonID: lesson, state: "review", step: nil, stability: reviewed, difficulty: 5,
                         due: Date(timeIntervalSince1970: reviewed + 86_400), lastReview: Date(timeIntervalSince1970: reviewed))
    }

    func testEverythingUnderAFormerIDMovesOnceAndOnlyOnce() throws {
        try store.recordPosition(lessonID: "old", position: 3)
        try store.markCompleted(lessonID: "old")
        try store.recordExampleRun(lessonID: "old", exampleIndex: 1, passed: true)
        try store.recordQuizAttempt(sessionID: "s1", setKey: setKey(["old/q-1", "other/q-9"]), answers: [
            QuizAttemptRecord(lessonID: "old", questionID: "old/q-1", answer: "B", correct: true, score: 1),
            QuizAttemptRecord(lessonID: "other", questionID: "other/q-9", answer: "A", correct: false, score: 0),
        ])
        try store.recordReview(card("old/iq-1", lesson: "old", reviewed: 1000), rating: 3, at: Date(timeIntervalSince1970: 1000))
        try store.recordPosition(lessonID: "other", position: 1)

        let moved = try store.syncCourse(renames: [LessonRename(from: "old", to: "new")], lessons: nil, setKey: setKey)
        XCTAssertEqual(moved, CarriedOver(lessons: 1, exampleRuns: 1, quizAnswers: 1, cards: 1, reviews: 1))
        let lessons = try store.allLessonProgress()
        XCTAssertNil(lessons["old"])
        XCTAssertEqual(lessons["new"]?.status, .done)
        XCTAssertEqual(lessons["new"]?.furthest, 3)
        XCTAssertEqual(lessons["other"]?.position, 1, "other lessons are untouched")
        XCTAssertEqual(try store.examplesRun(lessonID: "new"), [1])
        XCTAssertEqual(try store.quizAttempts(setKey: setKey(["new/q-1", "other/q-9"])).count, 1, "the attempt is found by the new set of question ids")
        XCTAssertEqual(try store.quizAccuracy()["new"]?.answered, 1)
        XCTAssertEqual(try store.reviewCards().keys.sorted(), ["new/iq-1"])
        XCTAssertEqual(try store.reviewCards()["new/iq-1"]?.lessonID, "new")
        // A review under the new id a few days later counts as a recall of a card seen before
        // only if the first review's log moved with the card.
        try store.recordReview(card("new/iq-1", lesson: "new", reviewed: 1000 + 4 * 86_400), rating: 3, at: Date(timeIntervalSince1970: 1000 + 4 * 86_400))
        XCTAssertEqual(try store.reviewRecall().total, 1, "the review log moved with the card")

        XCTAssertTrue(try store.syncCourse(renames: [LessonRename(from: "old", to: "new")], lessons: nil, setKey: setKey).isEmpty, "idempotent")
        XCTAssertEqual(try store.allLessonProgress()["new"]?.status, .done)
    }

    func testProgressUnderBothIdsIsMerged() throws {
        try store.recordPosition(lessonID: "old", position: 5)
        try store.markCompleted(lessonID: "old")
        Thread.sleep(forTimeInterval: 0.01)
        try store.recordPosition(lessonID: "new", position: 1)
        try store.recordReview(card("old/iq-1", lesson: "old", reviewed: 2000), rating: 3, at: Date(timeIntervalSince1970: 2000))
        try store.recordReview(card("new/iq-1", lesson: "new", reviewed: 1000), rating: 1, at: Date(timeIntervalSince1970: 1000))

        try store.syncCourse(renames: [LessonRename(from: "old", to: "new")], lessons: nil, setKey: setKey)
        let merged = try XCTUnwrap(try store.allLessonProgress()["new"])
        XCTAssertEqual(merged.status, .done, "done under either id is done")
        XCTAssertEqual(merged.furthest, 5)
        XCTAssertEqual(merged.position, 1, "the place the learner was at last")
        XCTAssertNotNil(merged.completedAt)
        XCTAssertEqual(try store.allLessonProgress().count, 1)
        let cards = try store.reviewCards()
        XCTAssertEqual(cards.keys.sorted(), ["new/iq-1"])
        XCTAssertEqual(cards["new/iq-1"]?.lastReview, Date(timeIntervalSince1970: 2000), "the card reviewed last is kept")
    }

    func testTheLessonIndexIsRecordedOnlyWhenItChangesAndReadWithoutWriting() throws {
        let url = folder.appendingPathComponent("p.sqlite")
        try store.syncCourse(renames: [], lessons: ["a": "01-s/01-a.md", "b": "01-s/02-b.md"], setKey: setKey)
        try store.recordPosition(lessonID: "a", position: 0)
        let seen = try XCTUnwrap(ProgressStore.storedLessons(at: url))
        XCTAssertEqual(seen.index, ["a": "01-s/01-a.md", "b": "01-s/02-b.md"])
        XCTAssertEqual(seen.withProgress, ["a"])
        let before = try Data(contentsOf: url)
        _ = ProgressStore.storedLessons(at: url)
        XCTAssertEqual(try Data(contentsOf: url), before, "reading changes nothing")
        XCTAssertNil(ProgressStore.storedLessons(at: folder.appendingPathComponent("none.sqlite")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path), "and creates nothing")
        try store.syncCourse(renames: [], lessons: ["a2": "01-s/01-a.md"], setKey: setKey)
        XCTAssertEqual(ProgressStore.storedLessons(at: url)?.index, ["a2": "01-s/01-a.md"])
    }
}
