import Foundation
import PreflightStore
import TestSupport
import XCTest

final class ProgressStoreOpeningTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testMigratesAnEmptyLocationAndReopens() throws {
        let url = folder.appendingPathComponent("nested/course.sqlite")
        let store = try ProgressStore(url: url)
        XCTAssertEqual(store.appliedMigrations, ["v1", "v2-review", "v3-exercises", "v4-lesson-index", "v5-place", "v6-outbox"])
        try store.recordCachedPasses(["k1"])
        let reopened = try ProgressStore(url: url)
        XCTAssertEqual(reopened.appliedMigrations, ["v1", "v2-review", "v3-exercises", "v4-lesson-index", "v5-place", "v6-outbox"])
        XCTAssertEqual(reopened.cachedPasses(among: ["k1", "k2"]), ["k1"])
    }

    func testAFileThatIsNotSQLiteIsReportedAndLeftUntouched() throws {
        let url = folder.appendingPathComponent("notes.sqlite")
        let original = Data("my precious notes\n".utf8)
        try original.write(to: url)
        XCTAssertThrowsError(try ProgressStore(url: url)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(url.path), message)
            XCTAssertTrue(message.contains("not a Preflight progress database"), message)
            XCTAssertTrue(message.contains("mv "), message)
        }
        XCTAssertEqual(try Data(contentsOf: url), original)
    }

    func testADamagedDatabaseIsReportedAndLeftUntouched() throws {
        let url = folder.appendingPathComponent("damaged.sqlite")
        do {
            let store = try ProgressStore(url: url)
            try store.recordCachedPasses(["k"])
        }
        var bytes = try Data(contentsOf: url)
        XCTAssertEqual(bytes.prefix(16), Data("SQLite format 3\0".utf8))
        // Keep SQLite's magic but scramble the rest of the header: page size, counters, schema.
        for offset in 16..<100 { bytes[offset] = 0xA5 }
        try bytes.write(to: url)
        XCTAssertThrowsError(try ProgressStore(url: url)) { error in
            XCTAssertTrue("\(error)".contains("damaged") || "\(error)".contains("not a Preflight"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }

    func testLocationPrecedence() {
        let env = ["XDG_STATE_HOME": "/xdg", "HOME": "/home/me"]
        XCTAssertEqual(StoreLocation.resolve(courseID: "c", explicit: "/tmp/p.sqlite", environment: env).path, "/tmp/p.sqlite")
        XCTAssertEqual(StoreLocation.resolve(courseID: "c", explicit: nil, environment: env.merging(["PREFLIGHT_STATE": "/s/x.db"]) { $1 }).path, "/s/x.db")
        XCTAssertEqual(StoreLocation.resolve(courseID: "c", explicit: nil, environment: env).path, "/xdg/preflight/c.sqlite")
        XCTAssertEqual(StoreLocation.resolve(courseID: "c", explicit: nil, environment: ["HOME": "/home/me"]).path, "/home/me/.local/state/preflight/c.sqlite")
        XCTAssertEqual(StoreLocation.resolve(courseID: "c", explicit: "/tmp/dir/", environment: env).path, "/tmp/dir/c.sqlite")
    }
}

/// The reading place and the answers `quiz --missed` and the progress view read.
final class ProgressStorePlaceAndAnswerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testThePlaceFollowsEveryPositionAndGoesWithItsLessonsReset() throws {
        let store = try ProgressStore(url: folder.appendingPathComponent("p.sqlite"))
        XCTAssertNil(try store.readingPlace())
        try store.recordPosition(lessonID: "a", position: 3)
        try store.markCompleted(lessonID: "a")
        try store.recordPosition(lessonID: "b", position: 1)
        try store.recordPosition(lessonID: "a", position: 4)
        XCTAssertEqual(try store.readingPlace(), ReadingPlace(lessonID: "a", position: 4), "the last position, whatever the lesson's status")
        try store.reset(lessonID: "b")
        XCTAssertNotNil(try store.readingPlace(), "resetting another lesson keeps the place")
        try store.reset(lessonID: "a")
        XCTAssertNil(try store.readingPlace())
    }

    func testLatestAnswersSkipSkipsAndHistoryCountsAttempts() throws {
        let store = try ProgressStore(url: folder.appendingPathComponent("p.sqlite"))
        try store.recordQuizAttempt(sessionID: "s1", setKey: "k", answers: [
            QuizAttemptRecord(lessonID: "a", questionID: "q1", answer: "B", correct: false, score: 0),
            QuizAttemptRecord(lessonID: "a", questionID: "q2", answer: "A", correct: true, score: 1),
        ])
        try store.recordQuizAttempt(sessionID: "s2", setKey: "k", answers: [
            QuizAttemptRecord(lessonID: "a", questionID: "q1", answer: "A", correct: true, score: 1),
            QuizAttemptRecord(lessonID: "a", questionID: "q2", answer: "(skipped)", correct: false, score: 0),
        ])
        let latest = try store.latestAnswers()
        XCTAssertEqual(latest["q1"]?.correct, true, "the second attempt answered it right")
        XCTAssertEqual(latest["q2"]?.correct, true, "a skip does not replace the last real answer")
        let history = try store.quizHistory()
        XCTAssertEqual(history.map(\.sessionID), ["s1", "s2"])
        XCTAssertEqual(history.map(\.skipped), [0, 1])
        XCTAssertEqual(history.map(\.lessonIDs), [["a"], ["a"]])
    }
}
