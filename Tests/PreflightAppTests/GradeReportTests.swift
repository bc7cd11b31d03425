import Foundation
import PreflightApp
import PreflightCore
import TestSupport
import XCTest

/// A learner's workspace graded for CI, in the form GitHub Classroom's autograding reporter reads:
/// it decodes each runner's results and takes `status`, `max_score` and each test's `name`,
/// `status`, `message`, `test_code`, `line_no` and `score`; the grade it sends back is the sum
/// of the tests' scores out of the sum of `max_score`, and its console shows passed tests over
/// all tests times `max_score`.
final class GradeReportTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws { fixture = try AppFixture("exercise-course") }
    override func tearDownWithError() throws { fixture.remove() }

    private func grade(solutionCopied: Bool) throws -> (checks: [ExerciseCheck], session: ExerciseSession) {
        let opened = try fixture.open()
        let session = try ExerciseSession.open(opened, book: try ProgressBook.open(opened), sandbox: false)
        let exercise = session.exercises[0]
        let file = session.workspace.file(for: exercise)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let source = solutionCopied ? session.workspace.solution(for: exercise) : session.workspace.starter(for: exercise)
        try? FileManager.default.removeItem(at: file)
        try FileManager.default.copyItem(at: source, to: file)
        return (try session.grade(session.exercises), session)
    }

    /// What the reporter computes from one runner's results.
    private func reporterFigures(_ json: String) throws -> (console: Double, notified: Double, max: Double, status: String) {
        let results = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tests = try XCTUnwrap(results["tests"] as? [[String: Any]])
        let max = try XCTUnwrap(results["max_score"] as? Double)
        let passed = Double(tests.filter { $0["status"] as? String == "pass" }.count)
        let notified = tests.reduce(0.0) { $0 + ((($1["score"]) as? Double) ?? 0) }
        return (passed / Double(tests.count) * max, notified, max, try XCTUnwrap(results["status"] as? String))
    }

    func testAFailingWorkspaceScoresLessThanAPassingOne() throws {
        let failing = try grade(solutionCopied: false)
        let failingJSON = try GradeReport.classroom(failing.checks, workspace: failing.session.workspace)
        let passing = try grade(solutionCopied: true)
        let passingJSON = try GradeReport.classroom(passing.checks, workspace: passing.session.workspace)
        let low = try reporterFigures(failingJSON), high = try reporterFigures(passingJSON)
        XCTAssertEqual(low.status, "fail")
        XCTAssertEqual(high.status, "pass")
        XCTAssertLessThan(low.notified, high.notified)
        XCTAssertEqual(high.notified, high.max, "every exercise passing earns the whole score")
        XCTAssertEqual(low.console, low.notified, "the reporter's two ways of adding up agree")
        XCTAssertEqual(high.console, high.notified)
    }

    func testTheClassroomDocumentHasTheFieldsTheReporterReads() throws {
        let graded = try grade(solutionCopied: false)
        let json = try GradeReport.classroom(graded.checks, workspace: graded.session.workspace)
        let results = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(results["version"] as? Int, 1)
        XCTAssertEqual(results["max_score"] as? Int, 1)
        let test = try XCTUnwrap((results["tests"] as? [[String: Any]])?.first)
        XCTAssertEqual(test["name"] as? String, "add")
        XCTAssertEqual(test["status"] as? String, "fail")
        XCTAssertEqual(test["score"] as? Double, 0)
        XCTAssertEqual(test["line_no"] as? Int, 0, "0: the reporter then prints no line number")
        XCTAssertEqual(test["test_code"] as? String, "preflight exercise check add")
        XCTAssertEqual(test["filename"] as? String, "01-add/add.py")
        XCTAssertTrue((test["output"] as? String)?.contains("FAIL  add(2, 3) == 5") == true, "\(test)")
        XCTAssertNotNil(test["message"] as? String)
    }

    func testAMissingFileFailsItsExerciseAndTheOtherFormatsSayTheSame() throws {
        let opened = try fixture.open()
        let session = try ExerciseSession.open(opened, book: try ProgressBook.open(opened), sandbox: false)
        try FileManager.default.createDirectory(at: session.workspace.root, withIntermediateDirectories: true)
        let checks = try session.grade(session.exercises)
        XCTAssertEqual(checks.map(\.passed), [false])
        XCTAssertEqual(checks[0].problem, "there is no 01-add/add.py in the workspace")
        XCTAssertFalse(FileManager.default.fileExists(atPath: session.workspace.file(for: session.exercises[0]).path), "grading copies no starter in")
        let junit = GradeReport.junit(checks, workspace: session.workspace)
        XCTAssertTrue(junit.contains("<testsuite name=\"preflight exercises\" tests=\"1\" failures=\"1\" errors=\"0\""), junit)
        XCTAssertTrue(junit.contains("<failure message=\"there is no 01-add/add.py in the workspace\" type=\"fail\">"), junit)
        let json = try XCTUnwrap(JSONValue.parse(try GradeReport.json(checks, workspace: session.workspace)))
        XCTAssertEqual(json["failed"]?.number, 1)
        XCTAssertEqual(json["exercises"]?.array?.first?["status"]?.string, "fail")
    }
}
