import Foundation
import TestSupport
import XCTest

/// `preflight new` as an author meets it: a course, a lesson and an exercise that lint clean under
/// `--strict`, whose examples pass and whose exercises verify, at once.
final class NewCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func run(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try PreflightBinary.run(arguments, in: directory ?? folder, environment: ["PREFLIGHT_STATE": folder.appendingPathComponent("state.sqlite").path])
    }

    private func assertGreen(_ project: URL, lessons: Int, exercises: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let lint = try run(["lint", "--strict"], in: project)
        XCTAssertEqual(lint.status, 0, lint.stderr, file: file, line: line)
        XCTAssertTrue(lint.stderr.contains("lint: 0 errors, 0 warnings"), lint.stderr, file: file, line: line)
        let check = try run(["check", "--no-cache"], in: project)
        XCTAssertEqual(check.status, 0, check.stdout, file: file, line: line)
        XCTAssertTrue(check.stdout.hasSuffix("\(2 * lessons) passed, 0 failed\n"), check.stdout, file: file, line: line)
        let verify = try run(["exercise", "verify"], in: project)
        XCTAssertEqual(verify.status, 0, verify.stdout, file: file, line: line)
        XCTAssertTrue(verify.stdout.hasSuffix("\(exercises) passed, 0 failed\n"), verify.stdout, file: file, line: line)
    }

    func testACourseALessonAndAnExerciseAreGreenAtOnce() throws {
        let created = try run(["new", "course", "deploy-checks"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("deploy-checks/lessons/01-getting-started/01-first-lesson.md"), created.stdout)
        let project = folder.appendingPathComponent("deploy-checks")
        try assertGreen(project, lessons: 1, exercises: 1)

        let lesson = try run(["new", "lesson", "getting-started", "Canary Releases: a \"first\" look"], in: project)
        XCTAssertEqual(lesson.status, 0, lesson.stderr)
        XCTAssertTrue(lesson.stdout.contains("lessons/01-getting-started/02-canary-releases-a-first-look.md"), lesson.stdout)
        let exercise = try run(["new", "exercise", "canary-releases-a-first-look", "canary-gate"], in: project)
        XCTAssertEqual(exercise.status, 0, exercise.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("exercises/02-canary-gate/starter/canary_gate.py").path))
        try assertGreen(project, lessons: 2, exercises: 2)

        let list = try run(["list"], in: project)
        XCTAssertTrue(list.stdout.contains("Canary Releases: a \"first\" look"), list.stdout)
        let shown = try run(["show", "canary-releases-a-first-look"], in: project)
        XCTAssertFalse(shown.stdout.contains("<!--"), "guidance comments are the author's, not the learner's: \(shown.stdout)")
    }

    func testNothingExistingIsOverwritten() throws {
        XCTAssertEqual(try run(["new", "course", "c"]).status, 0)
        let project = folder.appendingPathComponent("c")
        let lesson = project.appendingPathComponent("lessons/01-getting-started/01-first-lesson.md")
        try "edited\n".write(to: lesson, atomically: true, encoding: .utf8)
        let again = try run(["new", "course", "c"])
        XCTAssertEqual(again.status, 65)
        XCTAssertTrue(again.stderr.contains("a scaffold never overwrites"), again.stderr)
        XCTAssertEqual(try String(contentsOf: lesson, encoding: .utf8), "edited\n")
        let exercise = try run(["new", "exercise", "first-lesson", "first-exercise"], in: project)
        XCTAssertEqual(exercise.status, 64, "the name is taken")
        let unknown = try run(["new", "exercise", "no-such-lesson", "x"], in: project)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("no lesson `no-such-lesson`"), unknown.stderr)
    }
}
