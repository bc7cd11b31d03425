import Foundation
import PreflightStore
import TestSupport
import XCTest

/// The outbox: statements are queued with the progress they describe, leave only when
/// acknowledged, and are never handed to two syncs at once.
final class OutboxTests: XCTestCase {
    private var folder: URL!
    private var store: ProgressStore!

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        store = try ProgressStore(url: folder.appendingPathComponent("p.sqlite"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func statement(_ id: String) -> OutboxStatement { OutboxStatement(id: id, body: "{\"id\":\"\(id)\"}") }

    func testEachWriteQueuesItsStatementsAndAStatementIdOnlyOnce() throws {
        try store.recordPosition(lessonID: "a", position: 0, statements: [statement("opened")])
        try store.recordExampleRun(lessonID: "a", exampleIndex: 1, passed: true, statements: [statement("ran")])
        try store.recordQuizAttempt(sessionID: "s", setKey: "k", answers: [QuizAttemptRecord(lessonID: "a", questionID: "q", answer: "A", correct: true, score: 1)],
                                    statements: [statement("answered"), statement("attempt")])
        try store.recordReview(ReviewCardRecord(questionID: "c", lessonID: "a", state: "learning", step: 0, stability: 1, difficulty: 5, due: Date(), lastReview: Date()),
                               rating: 3, at: Date(), statements: [statement("reviewed"), statement("ran")])
        XCTAssertEqual(try store.pendingStatements().map(\.id), ["opened", "ran", "answered", "attempt", "reviewed"],
                       "in order of recording; the repeated id `ran` is queued once")
    }

    func testCompletionAndAFirstPassAreQueuedOnlyWhenTheyAreNew() throws {
        try store.markCompleted(lessonID: "a", statementsIfNew: [statement("done-1")])
        try store.markCompleted(lessonID: "a", statementsIfNew: [statement("done-2")])
        try store.recordExerciseCheck("e", passed: false, statementsIfNewlyPassing: [statement("pass-0")])
        try store.recordExerciseCheck("e", passed: true, statementsIfNewlyPassing: [statement("pass-1")])
        try store.recordExerciseCheck("e", passed: true, statementsIfNewlyPassing: [statement("pass-2")])
        try store.markExerciseDone("e")
        try store.recordExerciseCheck("e", passed: true, statementsIfNewlyPassing: [statement("pass-3")])
        try store.recordExerciseCheck("e", passed: false, statementsIfNewlyPassing: [statement("pass-4")])
        try store.recordExerciseCheck("e", passed: true, statementsIfNewlyPassing: [statement("pass-5")])
        XCTAssertEqual(try store.pendingStatements().map(\.id), ["done-1", "pass-1", "pass-5"],
                       "a lesson completes once; an exercise passes again only after it stopped passing")
    }

    func testTwoSyncsNeverClaimTheSameStatement() throws {
        try store.enqueue((0..<10).map { statement("s\($0)") })
        let first = try store.claimOutbox(owner: "one", limit: 4, lease: 60, grace: 0) { _ in false }
        let second = try store.claimOutbox(owner: "two", limit: 100, lease: 60, grace: 0) { _ in false }
        XCTAssertEqual(first.map(\.id), ["s0", "s1", "s2", "s3"])
        XCTAssertEqual(second.map(\.id), ["s4", "s5", "s6", "s7", "s8", "s9"])
        XCTAssertEqual(try store.heldElsewhere(owner: "three"), 10)
        XCTAssertEqual(try store.acknowledge(["s0", "s1", "s4"], owner: "one"), 2, "an owner settles only what it holds")
        try store.release(["s2", "s3"], owner: "one", countAttempt: true)
        let again = try store.claimOutbox(owner: "three", limit: 100, lease: 60, grace: 0) { _ in false }
        XCTAssertEqual(again.map(\.id), ["s2", "s3"])
        XCTAssertEqual(again.map(\.attempts), [1, 1])
        XCTAssertEqual(try store.syncRecord().sentTotal, 2)
    }

    func testADeadOwnersClaimsAreTakenOverAfterTheGraceAndExpiredLeasesAtOnce() throws {
        try store.enqueue([statement("a"), statement("b")])
        _ = try store.claimOutbox(owner: "dead", limit: 1, lease: 60, grace: 0) { _ in false }
        XCTAssertEqual(try store.claimOutbox(owner: "me", limit: 10, lease: 60, grace: 30) { $0 == "dead" }.map(\.id), ["b"],
                       "within the grace a dead owner's request may still land: its row waits")
        try store.releaseAll(owner: "me")
        XCTAssertEqual(try store.claimOutbox(owner: "me", limit: 10, lease: 60, grace: 0) { $0 == "dead" }.map(\.id), ["a", "b"])
        try store.releaseAll(owner: "me")
        _ = try store.claimOutbox(owner: "elsewhere", limit: 10, lease: -1, grace: 0) { _ in false }
        XCTAssertEqual(try store.claimOutbox(owner: "me", limit: 10, lease: 60, grace: 0) { _ in false }.count, 2, "an expired lease frees its rows")
    }

    func testARejectedStatementIsSetAsideWithItsReasonAndCanBeQueuedAgain() throws {
        try store.enqueue([statement("good"), statement("bad")])
        _ = try store.claimOutbox(owner: "me", limit: 10, lease: 60, grace: 0) { _ in false }
        try store.reject("bad", owner: "me", reason: "HTTP 400: missing actor")
        try store.acknowledge(["good"], owner: "me")
        let summary = try store.outboxSummary()
        XCTAssertEqual(summary.pending, 0)
        XCTAssertEqual(summary.rejected.map(\.reason), ["HTTP 400: missing actor"])
        XCTAssertEqual(try store.claimOutbox(owner: "me", limit: 10, lease: 60, grace: 0) { _ in false }.count, 0, "set aside, not retried")
        XCTAssertEqual(try store.requeueRejected(), 1)
        XCTAssertEqual(try store.outboxSummary().pending, 1)
    }

    func testTheLastSyncIsRemembered() throws {
        try store.recordSyncEnd(at: 100, succeeded: true, errorKind: nil, error: nil)
        try store.recordSyncEnd(at: 200, succeeded: false, errorKind: "unreachable", error: "connection refused")
        let record = try store.syncRecord()
        XCTAssertEqual(record.lastAttemptAt, 200)
        XCTAssertEqual(record.lastSuccessAt, 100)
        XCTAssertEqual(record.lastErrorKind, "unreachable")
        try store.recordSyncEnd(at: 300, succeeded: true, errorKind: nil, error: nil)
        XCTAssertNil(try store.syncRecord().lastError)
    }
}
