import Foundation
import TestSupport
import XCTest

/// `preflight lint` as an author runs it: compiler-style lines, a summary, and the exit code.
final class LintCommandTests: XCTestCase {
    private var fixtures: URL { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures") }

    func testCleanCourseExitsZero() throws {
        let result = try PreflightBinary.run(["lint", "--course", fixtures.appendingPathComponent("good").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("lint: 0 errors, 0 warnings"), result.stderr)
    }

    func testEveryProblemIsReportedCompilerStyleWithExit65() throws {
        let result = try PreflightBinary.run(["lint", "--course", fixtures.appendingPathComponent("courses/cycle").path])
        XCTAssertEqual(result.status, 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasSuffix("01-basics/01-a.md:5:1: error: `requires` forms a cycle: a -> c -> b -> a") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasSuffix("01-basics/03-c.md:7:5: error: `requires` names unknown lesson `ghost`") }, result.stderr)
        XCTAssertEqual(lines.last, "lint: 2 errors, 0 warnings in 4 files")
    }

    func testSingleFilesAreLintedAgainstTheCourse() throws {
        let bad = fixtures.appendingPathComponent("lint/unknown-runner.md").path
        let good = fixtures.appendingPathComponent("good/01-basics/02-second.md").path
        let result = try PreflightBinary.run(["lint", "--course", fixtures.appendingPathComponent("good").path, bad, good])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("unknown-runner.md:11:1: error: no runner for example language `ruby`"), result.stderr)
        XCTAssertTrue(result.stderr.contains("in 2 files"), result.stderr)
    }

    func testJSONFormat() throws {
        let result = try PreflightBinary.run(["lint", "--format", "json", "--course", fixtures.appendingPathComponent("courses/duplicate-ids").path])
        XCTAssertEqual(result.status, 65)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["errors"] as? Int, 1)
        let first = (report?["diagnostics"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["line"] as? Int, 2)
        XCTAssertEqual(first?["severity"] as? String, "error")
    }

    func testMissingCourseIsAClearErrorNotACrash() throws {
        let empty = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try PreflightBinary.run(["lint"], in: empty, environment: ["PREFLIGHT_COURSE": ""])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("no course found"), result.stderr)
        let flagged = try PreflightBinary.run(["lint", "--course", empty.path])
        XCTAssertEqual(flagged.status, 65)
        XCTAssertTrue(flagged.stderr.contains("no course.yaml in this folder"), flagged.stderr)
    }

    func testBadUsageExits64() throws {
        let result = try PreflightBinary.run(["lint", "--format", "xml"])
        XCTAssertEqual(result.status, 64)
        let missing = try PreflightBinary.run(["lint", "/no/such/file.md"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
    }

    func testHundredThousandNestedBlockQuotesGetADiagnosticAndExit65() throws {
        let course = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        try FileManager.default.removeItem(at: course)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("good"), to: course)
        let deep = "---\nid: deep\ntitle: Deep\nsummary: S.\n---\n\n# Deep\n\n" + String(repeating: ">", count: 100_000) + " x\n"
        try deep.write(to: course.appendingPathComponent("01-basics/03-deep.md"), atomically: true, encoding: .utf8)
        let result = try PreflightBinary.run(["lint", "--course", course.path], in: course)
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("01-basics/03-deep.md:9:256: error: Markdown is nested more than 256 levels deep"), result.stderr)
    }
}
