import Foundation
import TestSupport
import XCTest

/// `preflight exercise` with real files: checks, reset with backup, verify, and the watch loop.
final class ExerciseCommandTests: XCTestCase {
    private var scratch: URL!
    private var course: String { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/exercise-course").path }
    private var workspace: URL { scratch.appendingPathComponent("workspace") }
    private var learnerFile: URL { workspace.appendingPathComponent("01-add/add.py") }

    override func setUpWithError() throws { scratch = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    private func exercise(_ args: [String], input: String? = nil) throws -> CommandResult {
        try PreflightBinary.run(["exercise"] + args + ["--course", course, "--state", scratch.appendingPathComponent("p.sqlite").path, "--workspace", workspace.path], input: input)
    }

    func testStarterFailsAndAFixedFilePasses() throws {
        let first = try exercise(["check", "add"])
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.stdout.contains("FAIL  add(2, 3) == 5"), first.stdout)
        try "def add(a, b):\n    return a + b\n".write(to: learnerFile, atomically: true, encoding: .utf8)
        let fixed = try exercise(["check", "add"])
        XCTAssertEqual(fixed.status, 0, fixed.stdout)
        XCTAssertTrue(fixed.stdout.contains("every check passes"))
        XCTAssertTrue(try exercise(["list"]).stdout.contains("[passing]"))
        let next = try exercise(["next"])
        XCTAssertTrue(next.stdout.contains("every exercise is done"), next.stdout)
        XCTAssertTrue(try exercise(["list", "--json"]).stdout.contains("\"status\" : \"done\""))
    }

    func testResetKeepsABackupAndAsksFirst() throws {
        _ = try exercise(["check", "add"])
        let mine = "def add(a, b):\n    return 42  # my attempt\n"
        try mine.write(to: learnerFile, atomically: true, encoding: .utf8)
        let refused = try exercise(["reset", "add"], input: "n\n")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(try String(contentsOf: learnerFile, encoding: .utf8), mine, "nothing is overwritten without confirmation")
        let reset = try exercise(["reset", "add", "--yes"])
        XCTAssertEqual(reset.status, 0, reset.stderr)
        XCTAssertEqual(try String(contentsOf: learnerFile, encoding: .utf8), "def add(a, b):\n    return a - b\n")
        let backups = try FileManager.default.contentsOfDirectory(atPath: learnerFile.deletingLastPathComponent().path).filter { $0.hasPrefix("add.py.backup-") }
        XCTAssertEqual(backups.count, 1)
        XCTAssertEqual(try String(contentsOf: learnerFile.deletingLastPathComponent().appendingPathComponent(backups[0]), encoding: .utf8), mine)
    }

    func testRunawaySolutionEndsAtTheTimeout() throws {
        _ = try exercise(["check", "add"])
        try "def add(a, b):\n    while True:\n        pass\n".write(to: learnerFile, atomically: true, encoding: .utf8)
        let started = Date()
        let result = try exercise(["check", "add"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("did not finish within 2 s"), result.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
    }

    func testHintsOneAtATimeAndSolutionNeedsConfirmation() throws {
        XCTAssertTrue(try exercise(["hint", "add"]).stdout.contains("Hint 1 of 2"))
        let second = try exercise(["hint", "add"])
        XCTAssertTrue(second.stdout.contains("Hint 2 of 2") && second.stdout.contains("That was the last hint."), second.stdout)
        let refused = try exercise(["solution", "add"], input: "\n")
        XCTAssertEqual(refused.status, 1)
        XCTAssertFalse(refused.stdout.contains("return a + b"))
        XCTAssertTrue(try exercise(["solution", "add", "--yes"]).stdout.contains("return a + b"))
    }

    func testVerifyPassesForHonestExercises() throws {
        let result = try exercise(["verify"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("PASS  add  starter fails, solution passes"))
    }

    func testWatchWithoutATerminalChecksOnce() throws {
        let result = try exercise(["watch"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("FAIL  add(2, 3) == 5"))
    }

    func testWatchReactsToASaveAndToWriteThenRename() throws {
        let tty = try PseudoTerminal(executable: PreflightBinary.url, arguments: [
            "exercise", "watch", "--course", course, "--state", scratch.appendingPathComponent("p.sqlite").path, "--workspace", workspace.path,
        ], environment: [:], rows: 30, columns: 100)
        XCTAssertTrue(tty.waitFor("not yet"), tty.transcript)
        var mark = tty.mark
        try "def add(a, b):\n    return a * b\n".write(to: learnerFile, atomically: false, encoding: .utf8)
        let savedAt = Date()
        XCTAssertTrue(tty.waitFor("add(2, 3) == 5", since: mark, timeout: 5), "an in-place save is re-checked")
        XCTAssertLessThan(Date().timeIntervalSince(savedAt), 3, "within a moment of the save")
        mark = tty.mark
        let temporary = learnerFile.deletingLastPathComponent().appendingPathComponent(".add.py.tmp")
        try "def add(a, b):\n    return a + b\n".write(to: temporary, atomically: false, encoding: .utf8)
        _ = rename(temporary.path, learnerFile.path)
        XCTAssertTrue(tty.waitFor("every check passes", since: mark, timeout: 5), tty.transcript.suffix(600).description)
        XCTAssertTrue(tty.waitFor("Every exercise passes.", since: mark, timeout: 5))
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
        XCTAssertTrue(tty.isCooked)
    }

    func testAKeyTypedRightAfterASaveIsNotLost() throws {
        let tty = try PseudoTerminal(executable: PreflightBinary.url, arguments: [
            "exercise", "watch", "--course", course, "--state", scratch.appendingPathComponent("p.sqlite").path, "--workspace", workspace.path,
        ], environment: [:], rows: 30, columns: 100)
        XCTAssertTrue(tty.waitFor("not yet"), tty.transcript)
        try "def add(a, b):\n    return a * b\n".write(to: learnerFile, atomically: false, encoding: .utf8)
        tty.type("q")  // while the save is still being debounced
        XCTAssertEqual(tty.waitForExit(timeout: 10), 0, "q quits even when it arrives during the debounce: \(tty.transcript.suffix(300))")
        XCTAssertTrue(tty.isCooked)
    }
}

/// `exercise watch` on the shipped course's twelve exercises, at 60x20 and 100x30, as the
/// learner sees the screen.
final class WatchScreenTests: XCTestCase {
    private var scratch: URL!
    private var workspace: URL { scratch.appendingPathComponent("workspace") }
    private var exercises: URL { TestPaths.packageRoot.appendingPathComponent("exercises") }
    static let sizes = [(rows: 20, columns: 60), (rows: 30, columns: 100)]

    override func setUpWithError() throws { scratch = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    private func watch(rows: Int, columns: Int, state: String = "p.sqlite") throws -> PseudoTerminal {
        try PseudoTerminal(executable: PreflightBinary.url, arguments: [
            "exercise", "watch", "--course", TestPaths.shippedCourse.path, "--state", scratch.appendingPathComponent(state).path, "--workspace", workspace.path,
        ], environment: [:], rows: rows, columns: columns)
    }

    private func solve(_ folder: String, _ file: String) throws {
        let target = workspace.appendingPathComponent("\(folder)/\(file)")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let solution = try Data(contentsOf: exercises.appendingPathComponent("\(folder)/solution/\(file)"))
        try solution.write(to: target)
    }

    /// The top rows name the exercise and the file to edit, whatever the size.
    private func assertTop(_ tty: PseudoTerminal, _ exercise: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(tty.waitForScreen(timeout: 20) { $0.lines[0].hasPrefix(exercise) && $0.lines[1].hasPrefix("Edit ") && $0.lines.last?.contains("q quit") == true },
                      "`\(exercise)` on the first row, the file on the second, the keys on the last:\n\(tty.screen.text)", file: file, line: line)
    }

    func testAPassingSaveMovesOnWithoutAFalseError() throws {
        for size in Self.sizes {
            try? FileManager.default.removeItem(at: scratch.appendingPathComponent("p.sqlite"))
            try? FileManager.default.removeItem(at: workspace)
            let tty = try watch(rows: size.rows, columns: size.columns)
            assertTop(tty, "Exercise 1 of 12")
            XCTAssertTrue(tty.waitForScreen { $0.lines[1].hasSuffix("validator.py") }, "the file's name is never cut:\n\(tty.screen.text)")
            XCTAssertTrue(tty.waitForScreen { $0.contains("The result is below") || $0.contains("the result is below") || $0.contains("not yet") }, tty.screen.text)
            let mark = tty.mark
            try solve("01-request-validator", "validator.py")
            assertTop(tty, "Exercise 2 of 12")
            XCTAssertTrue(tty.waitForScreen(showing: "Passed! Moving on"), tty.screen.text)
            XCTAssertTrue(tty.waitForScreen(showing: "every check passes"), "the passed exercise's verdict stays on screen:\n\(tty.screen.text)")
            let after = String(tty.transcript[mark...])
            XCTAssertFalse(after.contains("cannot") || after.contains("doesn’t exist") || after.contains("doesn't exist"), "no false error after the advance")
            // End scrolls to the result's end: the check's totals are there, nothing hidden.
            tty.type("\u{1B}[F")
            XCTAssertTrue(tty.waitForScreen { screen in screen.lines.contains { $0.contains(" passed, ") && $0.contains(" failed") } }, tty.screen.text)
            XCTAssertFalse(tty.transcript.contains("more lines"), "no output is cut off")
            tty.type("q")
            XCTAssertEqual(tty.waitForExit(), 0)
        }
    }

    func testAnExerciseThatAlreadyPassesIsCompletedOnOpening() throws {
        try solve("01-request-validator", "validator.py")
        try solve("02-latency-slo", "slo.py")
        let tty = try watch(rows: 30, columns: 100)
        assertTop(tty, "Exercise 3 of 12")
        XCTAssertTrue(tty.waitForScreen(showing: "already passes: marked done"), tty.screen.text)
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
        let list = try PreflightBinary.run(["exercise", "list", "--course", TestPaths.shippedCourse.path, "--state", scratch.appendingPathComponent("p.sqlite").path, "--workspace", workspace.path])
        XCTAssertTrue(list.stdout.contains("[done]  request-validator") && list.stdout.contains("[done]  latency-slo"), list.stdout)
    }

    func testTheListReachesEveryExercise() throws {
        for size in Self.sizes {
            let tty = try watch(rows: size.rows, columns: size.columns, state: "list-\(size.columns).sqlite")
            assertTop(tty, "Exercise 1 of 12")
            tty.type("l")
            XCTAssertTrue(tty.waitForScreen(showing: "type a number"), tty.screen.text)
            tty.type("1")
            XCTAssertTrue(tty.waitForScreen(showing: "Exercise 1…: another digit, or Enter."), "1 waits: 10, 11 and 12 start with it:\n\(tty.screen.text)")
            tty.type("1")
            assertTop(tty, "Exercise 11 of 12")
            tty.type("l10")
            assertTop(tty, "Exercise 10 of 12")
            tty.type("l1\r")
            assertTop(tty, "Exercise 1 of 12")
            tty.type("l\u{1B}[F\r")
            assertTop(tty, "Exercise 12 of 12")
            tty.type("l3")
            assertTop(tty, "Exercise 3 of 12")
            tty.type("q")
            XCTAssertEqual(tty.waitForExit(), 0)
        }
    }

    func testASaveThatChangedNothingChecksNothing() throws {
        let tty = try watch(rows: 30, columns: 100)
        assertTop(tty, "Exercise 1 of 12")
        XCTAssertTrue(tty.waitForScreen(showing: "not yet"))
        let file = workspace.appendingPathComponent("01-request-validator/validator.py")
        try (try Data(contentsOf: file)).write(to: file)
        XCTAssertTrue(tty.waitForScreen(showing: "Saved without changes; nothing to check again."), tty.screen.text)
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
    }
}

/// `exercise verify --workspace DIR --format classroom` (and `--grade` with the other formats): a
/// learner's files graded for CI.
final class ExerciseGradingCommandTests: XCTestCase {
    private var scratch: URL!
    private var course: String { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/exercise-course").path }

    override func setUpWithError() throws { scratch = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    private func grade(_ body: String?, format: String) throws -> CommandResult {
        // --format classroom implies --grade; the others are given it.
        let workspace = scratch.appendingPathComponent("workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("01-add"), withIntermediateDirectories: true)
        if let body { try body.write(to: workspace.appendingPathComponent("01-add/add.py"), atomically: true, encoding: .utf8) }
        return try PreflightBinary.run(["exercise", "verify"] + (format == "classroom" ? [] : ["--grade"]) + ["--workspace", workspace.path, "--format", format,
                                        "--course", course, "--state", scratch.appendingPathComponent("p.sqlite").path])
    }

    func testClassroomResultsForAPassingAndAFailingWorkspace() throws {
        let passing = try grade("def add(a, b):\n    return a + b\n", format: "classroom")
        XCTAssertEqual(passing.status, 0, passing.stderr)
        let good = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(passing.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(good["status"] as? String, "pass")
        XCTAssertEqual((good["tests"] as? [[String: Any]])?.first?["score"] as? Double, 1)
        let failing = try grade("def add(a, b):\n    return a * b\n", format: "classroom")
        XCTAssertEqual(failing.status, 1, "a failing exercise fails the command, as CI expects")
        let bad = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(failing.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(bad["status"] as? String, "fail")
        XCTAssertEqual((bad["tests"] as? [[String: Any]])?.first?["score"] as? Double, 0)
        XCTAssertTrue(((bad["tests"] as? [[String: Any]])?.first?["output"] as? String)?.contains("FAIL  add(2, 3) == 5") == true)
    }

    func testJUnitTextAndTheWorkspaceRule() throws {
        let junit = try grade(nil, format: "junit")
        XCTAssertEqual(junit.status, 1)
        XCTAssertTrue(junit.stdout.contains("<failure message=\"there is no 01-add/add.py in the workspace\" type=\"fail\">"), junit.stdout)
        let text = try grade("def add(a, b):\n    return a + b\n", format: "text")
        XCTAssertTrue(text.stdout.contains("PASS  add  01-add/add.py"), text.stdout)
        // Without --grade (and not classroom), verify checks the starters and solutions, whatever the workspace.
        let verify = try PreflightBinary.run(["exercise", "verify", "--workspace", scratch.appendingPathComponent("empty").path,
                                              "--course", course, "--state", scratch.appendingPathComponent("p.sqlite").path])
        XCTAssertEqual(verify.status, 0, verify.stdout)
        XCTAssertTrue(verify.stdout.contains("PASS  add  starter fails, solution passes"), verify.stdout)
        let missing = try PreflightBinary.run(["exercise", "verify", "--workspace", scratch.appendingPathComponent("nowhere").path, "--format", "classroom",
                                               "--course", course, "--state", scratch.appendingPathComponent("p.sqlite").path])
        XCTAssertEqual(missing.status, 65, "no workspace folder: grading cannot start")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(missing.stdout.utf8)) as? [String: Any], missing.stdout)
        XCTAssertEqual(report["status"] as? String, "error", "the reporter still gets a document that says why")
        XCTAssertTrue(((report["tests"] as? [[String: Any]])?.first?["output"] as? String)?.contains("no workspace folder") == true, missing.stdout)
    }

    func testTheSampleWorkflowRunsThisCommandForTheReporter() throws {
        let workflow = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/classroom-autograding.yml"), encoding: .utf8)
        XCTAssertTrue(workflow.contains("exercise verify"))
        XCTAssertTrue(workflow.contains("--workspace workspace --format classroom"))
        XCTAssertTrue(workflow.contains("uses: classroom-resources/autograding-grading-reporter@v1"))
        XCTAssertTrue(workflow.contains("PREFLIGHT_RESULTS: \"${{ steps.preflight.outputs.result }}\""), "the reporter reads <RUNNER>_RESULTS")
        XCTAssertTrue(workflow.contains("runners: preflight"))
    }
}
