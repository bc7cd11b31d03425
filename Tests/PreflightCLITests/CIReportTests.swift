import Foundation
import TestSupport
import XCTest

/// The reports CI reads (`check`, `lint` and `exercise verify` in JSON and JUnit) always arrive,
/// valid against the JUnit schema Jenkins and Surefire use, even when the course does not load,
/// and failure output in them is bounded per example.
final class CIReportTests: XCTestCase {
    private var folder: URL!
    private var course: URL { folder.appendingPathComponent("course") }
    private var state: String { folder.appendingPathComponent("state.sqlite").path }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: course.appendingPathComponent("01-basics"), withIntermediateDirectories: true)
        try """
            id: reports
            title: Reports
            timeout: 10
            exercises: exercises
            runners:
              python: python3 {file}
            sections:
              - id: basics
                title: Basics
                summary: Basics.
            """.write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try lesson("good", "print(6 * 7)", "42")
        let exercise = course.appendingPathComponent("exercises/01-add")
        for sub in ["starter", "solution"] {
            try FileManager.default.createDirectory(at: exercise.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try "---\ntitle: Add\nlesson: good\nfile: add.py\n---\n\n# Add\n\nFix it.\n\n## Hints\n\n### Hint\n\nPlus.\n"
            .write(to: exercise.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "def add(a, b):\n    return a - b\n".write(to: exercise.appendingPathComponent("starter/add.py"), atomically: true, encoding: .utf8)
        try "def add(a, b):\n    return a + b\n".write(to: exercise.appendingPathComponent("solution/add.py"), atomically: true, encoding: .utf8)
        try "import sys\nfrom add import add\nsys.exit(0 if add(2, 3) == 5 else 1)\n".write(to: exercise.appendingPathComponent("check.py"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func lesson(_ id: String, _ code: String, _ output: String, number: Int = 1) throws {
        try "---\nid: \(id)\ntitle: \(id)\nsummary: S.\n---\n\n# \(id)\n\n## Example\n\n```python\n\(code)\n```\n\n```output\n\(output)\n```\n"
            .write(to: course.appendingPathComponent("01-basics/0\(number)-\(id).md"), atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String]) throws -> CommandResult {
        try PreflightBinary.run(arguments + ["--course", course.path, "--state", state])
    }

    private func assertValidJUnit(_ xml: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(JUnitSchema.violations(xml), [], xml.prefix(2000).description, file: file, line: line)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// The schema check itself can fail: it rejects what Jenkins would misread.
    func testTheSchemaCheckRejectsBrokenReports() {
        XCTAssertFalse(JUnitSchema.violations("<testsuites><testsuite name=\"s\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\"><testcase name=\"a\" classname=\"c\" time=\"0\"/></testsuite></testsuites>").isEmpty, "counts disagree")
        XCTAssertFalse(JUnitSchema.violations("<testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\"><testcase name=\"a\" classname=\"c\" time=\"0\"><failure>no type</failure></testcase></testsuite>").isEmpty, "failure without type and message")
        XCTAssertFalse(JUnitSchema.violations("<testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"><testcase name=\"a\" classname=\"c\" time=\"1,5\"/></testsuite>").isEmpty, "time is a decimal")
        XCTAssertFalse(JUnitSchema.violations("<testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"><testcase name=\"a\" classname=\"c\" time=\"0\"><system-out/><failure type=\"t\" message=\"m\"/></testcase></testsuite>").isEmpty, "children out of order")
        XCTAssertFalse(JUnitSchema.violations("<testsuite name=\"s\"").isEmpty, "not well-formed")
    }

    func testEveryReportIsValidOnAPassingAndAFailingCourse() throws {
        try lesson("bad", "print('actual')", "expected", number: 2)
        let junit = try run(["check", "--format", "junit"])
        XCTAssertEqual(junit.status, 1)
        assertValidJUnit(junit.stdout)
        XCTAssertTrue(junit.stdout.contains("type=\"mismatch\""), junit.stdout)
        let lint = try run(["lint", "--format", "junit"])
        XCTAssertEqual(lint.status, 0, lint.stdout)
        assertValidJUnit(lint.stdout)
        XCTAssertTrue(lint.stdout.contains("tests=\"4\" failures=\"0\""), "one case per file: course.yaml, two lessons, one exercise: \(lint.stdout)")
        let verify = try run(["exercise", "verify", "--format", "junit", "--workspace", folder.appendingPathComponent("ws").path])
        XCTAssertEqual(verify.status, 0, verify.stdout)
        assertValidJUnit(verify.stdout)
        let verifyJSON = try json(try run(["exercise", "verify", "--format", "json", "--workspace", folder.appendingPathComponent("ws").path]).stdout)
        XCTAssertEqual(verifyJSON["passed"] as? Int, 1)
    }

    func testACourseThatDoesNotLoadStillGetsValidReportsWithEachErrorAtItsLine() throws {
        // A lesson whose front matter does not parse, and one with an example without output.
        try "---\nid: broken\ntitle: [unclosed\nsummary: S.\n---\n\n# Broken\n".write(to: course.appendingPathComponent("01-basics/02-broken.md"), atomically: true, encoding: .utf8)
        try "---\nid: lonely\ntitle: lonely\nsummary: S.\n---\n\n# lonely\n\n```python\nprint(1)\n```\n".write(to: course.appendingPathComponent("01-basics/03-lonely.md"), atomically: true, encoding: .utf8)
        let junit = try run(["check", "--format", "junit"])
        XCTAssertEqual(junit.status, 65, "the exit code still says the course does not load")
        assertValidJUnit(junit.stdout)
        XCTAssertTrue(junit.stdout.contains("tests=\"3\" failures=\"2\""), "the lesson that loads is checked, the two that do not fail: \(junit.stdout)")
        XCTAssertTrue(junit.stdout.contains("file=\"\(course.path)/01-basics/03-lonely.md\" line=\"9\""), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("type=\"example.no-output\""), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("02-broken.md\" line=\"4\""), junit.stdout)
        XCTAssertTrue(junit.stderr.contains("03-lonely.md:9:1: error: example has no expected output"), "people still read stderr: \(junit.stderr)")

        let report = try json(try run(["check", "--format", "json"]).stdout)
        XCTAssertEqual(report["failed"] as? Int, 2)
        let results = try XCTUnwrap(report["results"] as? [[String: Any]])
        let loadErrors = results.filter { $0["verdict"] as? String == "load-error" }
        XCTAssertEqual(loadErrors.compactMap { $0["line"] as? Int }.sorted(), [4, 9])
        XCTAssertEqual(results.filter { $0["verdict"] as? String == "passed" }.count, 1, "the lesson that loads still runs")

        let verify = try run(["exercise", "verify", "--format", "junit", "--workspace", folder.appendingPathComponent("ws").path])
        XCTAssertEqual(verify.status, 65)
        assertValidJUnit(verify.stdout)
        let lint = try run(["lint", "--format", "junit"])
        XCTAssertEqual(lint.status, 65)
        assertValidJUnit(lint.stdout)
        XCTAssertTrue(lint.stdout.contains("type=\"example.no-output\""), lint.stdout)

        // course.yaml itself broken: nothing else can be read, and the report still arrives.
        try "id: reports\ntitle: [x\n".write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        for arguments in [["check", "--format", "junit"], ["lint", "--format", "junit"], ["exercise", "verify", "--format", "junit"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 65, arguments.joined(separator: " "))
            assertValidJUnit(result.stdout)
            XCTAssertTrue(result.stdout.contains("course.yaml"), result.stdout)
        }
        XCTAssertEqual(try json(try run(["check", "--format", "json"]).stdout)["failed"] as? Int, 1)
        XCTAssertEqual(try json(try run(["exercise", "verify", "--format", "json"]).stdout)["failed"] as? Int, 1)
    }

    func testANameThatDoesNotExistStillGetsAReport() throws {
        let result = try run(["check", "no-such-lesson", "--format", "junit"])
        XCTAssertEqual(result.status, 65)
        assertValidJUnit(result.stdout)
        XCTAssertTrue(result.stdout.contains("no lesson `no-such-lesson`"), result.stdout)
    }

    /// One example floods stderr with a 3.5 MB line, another prints 3 MB that differ from the
    /// expected output: every format keeps a few KiB of each, and says how much it cut.
    func testFailureOutputIsBoundedInEveryFormat() throws {
        try lesson("flood", "import sys\nsys.stderr.write('E' * 3_500_000)\nprint('out')", "other")
        try lesson("huge", "for i in range(30000):\n    print('line', i, 'x' * 90)", "short", number: 2)
        for format in ["text", "json", "junit"] {
            let result = try run(["check", "--no-cache", "--format", format])
            XCTAssertEqual(result.status, 1, format)
            XCTAssertLessThan(result.stdout.utf8.count, 40_000, "\(format) report is \(result.stdout.utf8.count) bytes")
            XCTAssertTrue(result.stdout.contains("more bytes on this line cut]"), "\(format): the stderr line says it was cut")
            if format != "text" {
                // Text shows the first lines of a diff; the documents keep a few KiB and say what is left.
                XCTAssertTrue(result.stdout.contains("more lines ("), "\(format): the diff says how many lines were cut")
            }
            if format == "junit" { assertValidJUnit(result.stdout) }
            if format == "json" { XCTAssertNotNil(try? json(result.stdout)) }
        }
    }

    func testVerifyBlamesABrokenCheckNotTheSolution() throws {
        let check = course.appendingPathComponent("exercises/01-add/check.py")
        let workspace = ["--workspace", folder.appendingPathComponent("ws").path]
        try "import sys\nfrom add import add\nok = add(2, 3) == 5 +\n".write(to: check, atomically: true, encoding: .utf8)
        let syntax = try run(["exercise", "verify"] + workspace)
        XCTAssertEqual(syntax.status, 1)
        XCTAssertTrue(syntax.stdout.contains("the check itself is broken, so neither the starter nor the solution could be judged: check.py line 3 does not compile (SyntaxError: invalid syntax)"), syntax.stdout)
        XCTAssertFalse(syntax.stdout.contains("the reference solution fails"), syntax.stdout)

        try "import numpy_not_installed\n".write(to: check, atomically: true, encoding: .utf8)
        let junit = try run(["exercise", "verify", "--format", "junit"] + workspace)
        assertValidJUnit(junit.stdout)
        XCTAssertTrue(junit.stdout.contains("type=\"check\""), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("imports a module that is not installed where checks run"), junit.stdout)

        // A check that works but a solution that is wrong: the solution is blamed.
        try "import sys\nfrom add import add\nsys.exit(0 if add(2, 3) == 5 else 1)\n".write(to: check, atomically: true, encoding: .utf8)
        try "def add(a, b):\n    return a * b\n".write(to: course.appendingPathComponent("exercises/01-add/solution/add.py"), atomically: true, encoding: .utf8)
        let report = try json(try run(["exercise", "verify", "--format", "json"] + workspace).stdout)
        let entry = try XCTUnwrap((report["exercises"] as? [[String: Any]])?.first)
        XCTAssertEqual(entry["culprit"] as? String, "solution")

        // A runner whose program is missing: the check cannot run at all.
        try String(contentsOf: course.appendingPathComponent("course.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "python: python3 {file}", with: "python: python3 {file}\n  sh: no-such-program-here {file}")
            .write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(at: check, to: course.appendingPathComponent("exercises/01-add/check.sh"))
        try "---\ntitle: Add\nlesson: good\nfile: add.py\ncheck: check.sh\n---\n\n# Add\n\nFix it.\n\n## Hints\n\n### Hint\n\nPlus.\n"
            .write(to: course.appendingPathComponent("exercises/01-add/README.md"), atomically: true, encoding: .utf8)
        let missing = try run(["exercise", "verify"] + workspace)
        XCTAssertTrue(missing.stdout.contains("the check itself is broken") && missing.stdout.contains("`no-such-program-here` was not found"), missing.stdout)
    }
}
