import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest

/// `preflight check` as an instructor or CI runs it.
final class CheckCommandTests: XCTestCase {
    private var course: URL!
    private var state: URL!

    override func setUpWithError() throws {
        course = try TestPaths.temporaryFolder()
        state = course.appendingPathComponent("state.sqlite")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("01-basics"), withIntermediateDirectories: true)
        try """
            id: check-fixture
            title: Check fixture
            timeout: 5
            runners:
              python: python3 {file}
            sections:
              - id: basics
                title: Basics
                summary: Basics.
            """.write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try lesson(id: "good", body: "```python\nprint(6 * 7)\n```\n\n```output\n42\n```\n").write(to: course.appendingPathComponent("01-basics/01-good.md"), atomically: true, encoding: .utf8)
        try lesson(id: "bad", body: "```python\nprint('actual')\n```\n\n```output\nexpected\n```\n").write(to: course.appendingPathComponent("01-basics/02-bad.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: course)
    }

    private func lesson(id: String, body: String) -> String {
        "---\nid: \(id)\ntitle: \(id)\nsummary: S.\n---\n\n# \(id)\n\n## Example\n\n\(body)"
    }

    private func check(_ arguments: [String]) throws -> CommandResult {
        try PreflightBinary.run(["check", "--course", course.path, "--state", state.path] + arguments)
    }

    func testPassingLessonExitsZeroWithSummaryLast() throws {
        let result = try check(["good"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("PASS  good example 1"), result.stdout)
        XCTAssertEqual(result.stdout.split(separator: "\n").last, "1 passed, 0 failed")
    }

    func testFailureShowsFileLineAndDiffAndExitsOne() throws {
        let result = try check([])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("FAIL  bad example 1"), result.stdout)
        XCTAssertTrue(result.stdout.contains("01-basics/02-bad.md:11:1: output differs from the expected output"), result.stdout)
        XCTAssertTrue(result.stdout.contains("-expected\n      +actual"), result.stdout)
        XCTAssertEqual(result.stdout.split(separator: "\n").last, "1 passed, 1 failed")
    }

    func testCachedRerunSaysSoAndNoCacheRunsEverything() throws {
        _ = try check(["good"])
        let second = try check(["good"])
        XCTAssertTrue(second.stdout.contains("(cached)"), second.stdout)
        XCTAssertTrue(second.stdout.contains("1 of 1 results came from the cache"), second.stdout)
        let forced = try check(["good", "--no-cache"])
        XCTAssertFalse(forced.stdout.contains("(cached)"), forced.stdout)
    }

    func testJSONAndJUnitFormats() throws {
        let json = try check(["--format", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["passed"] as? Int, 1)
        XCTAssertEqual(report["failed"] as? Int, 1)
        let results = try XCTUnwrap(report["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["verdict"] as? String }, ["passed", "mismatch"])
        let junit = try check(["--format", "junit"])
        XCTAssertTrue(junit.stdout.contains("<testsuite name=\"preflight check\" tests=\"2\" failures=\"1\""), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("<failure message=\"output differs from the expected output\" type=\"mismatch\">"), junit.stdout)
        XCTAssertNotNil(try? XMLDocument(xmlString: junit.stdout), "JUnit output is well-formed XML")
    }

    func testUnknownLessonAndBrokenCourse() throws {
        let unknown = try check(["no-such-lesson"])
        XCTAssertEqual(unknown.status, 65)
        XCTAssertTrue(unknown.stderr.contains("no lesson `no-such-lesson`"), unknown.stderr)
        try "not: [valid".write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        let broken = try check([])
        XCTAssertEqual(broken.status, 65)
        XCTAssertTrue(broken.stderr.contains("course.yaml:2:1: error: course.yaml is not valid YAML"), broken.stderr)
    }

    func testBadOptionsAreUsageErrors() throws {
        XCTAssertEqual(try check(["--jobs", "0"]).status, 64)
        XCTAssertEqual(try check(["--timeout", "-1"]).status, 64)
        let huge = try check(["--timeout", "2e10"])
        XCTAssertEqual(huge.status, 64, "a limit no clock can hold is refused, not converted")
        XCTAssertTrue(huge.stderr.contains("at most 3600"), huge.stderr)
        XCTAssertEqual(try check(["--timeout", "nan"]).status, 64)
        XCTAssertEqual(try check(["--jobs", "100000"]).status, 64)
    }

    /// The binary needs nothing from its build folder: copied elsewhere and run with the build
    /// folder hidden (an empty folder mounted over it), it still runs Python examples warm.
    func testTheBinaryRunsFromAnotherFolderWithTheBuildFolderOutOfReach() throws {
        guard let bwrap = ["/usr/bin/bwrap", "/bin/bwrap"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("bubblewrap is needed to hide the build folder")
        }
        let elsewhere = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let copy = elsewhere.appendingPathComponent("preflight")
        try FileManager.default.copyItem(at: PreflightBinary.url, to: copy)
        let buildFolder = PreflightBinary.url.deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bwrap)
        process.arguments = ["--dev-bind", "/", "/", "--tmpfs", buildFolder.path, "--", copy.path,
                             "check", "good", "--course", course.path, "--state", state.path, "--no-cache"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("PASS  good example 1"), text)
    }
}
