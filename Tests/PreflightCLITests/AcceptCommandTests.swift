import Foundation
import TestSupport
import XCTest

/// `preflight check --accept` as an author runs it after changing an example: the blocks that
/// differ take the new output, everything else in the file stays byte for byte, and `check`
/// passes afterwards. Output that cannot be trusted is refused.
final class AcceptCommandTests: XCTestCase {
    private var folder: URL!
    private var course: URL { folder.appendingPathComponent("course") }
    private var state: String { folder.appendingPathComponent("state.sqlite").path }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: course.appendingPathComponent("01-basics"), withIntermediateDirectories: true)
        try """
            id: accept
            title: Accept
            timeout: 3
            runners:
              python: python3 {file}
            sections:
              - id: basics
                title: Basics
                summary: Basics.
            """.write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func file(_ name: String) -> URL { course.appendingPathComponent("01-basics/\(name)") }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: file(name))
    }

    private func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: file(name)), as: UTF8.self)
    }

    private func check(_ arguments: [String]) throws -> CommandResult {
        try PreflightBinary.run(["check", "--course", course.path, "--state", state] + arguments)
    }

    private func lesson(_ id: String, _ body: String, newline: String = "\n") -> String {
        ("---\nid: \(id)\ntitle: \(id)\nsummary: S.\n---\n\n# \(id)\n\n## Example\n\n" + body).replacingOccurrences(of: "\n", with: newline)
    }

    func testAcceptRewritesOnlyTheBlocksThatDifferAndCheckPassesAfterwards() throws {
        let body = """
            Intro with trailing spaces   and a tab\t.

            ```python
            print("new one")
            print("new two")
            ```

            ```output  whitespace
            old
            ```

            ```python
            print("unchanged")
            ```

            ```output
            unchanged
            ```

            ```python timeout=2
            print("```")
            ```

            ```output
            stale
            ```

            ## Quiz

            ### What does this print?

            ```python
            print(2 + 2)
            ```

            ```output
            5
            ```

            Explanation: addition.

            """
        try write("01-lf.md", lesson("lf", body))
        try write("02-crlf.md", lesson("crlf", "```python\nprint('a')\nprint('b')\n```\n\n```output\nx\n```\n\nThe end, without a final newline.", newline: "\r\n"))
        try write("03-open.md", lesson("open", "```python\nprint('last')\n```\n\n```output\nnot closed\n"))
        let result = try check(["--accept"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("ACCEPTED  lf example 1  \(file("01-lf.md").path):18"), result.stdout)
        XCTAssertTrue(result.stdout.contains("      -old\n      +new one\n      +new two"), "the diff is shown: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("5 accepted, 0 not accepted"), result.stdout)

        let lf = lesson("lf", body.replacingOccurrences(of: "```output  whitespace\nold\n```", with: "```output  whitespace\nnew one\nnew two\n```")
            .replacingOccurrences(of: "```output\nstale\n```", with: "````output\n```\n````")
            .replacingOccurrences(of: "```output\n5\n```", with: "```output\n4\n```"))
        XCTAssertEqual(try read("01-lf.md"), lf, "byte for byte the same file, but for the three blocks")
        XCTAssertEqual(try read("02-crlf.md"), lesson("crlf", "```python\nprint('a')\nprint('b')\n```\n\n```output\na\nb\n```\n\nThe end, without a final newline.", newline: "\r\n"))
        XCTAssertEqual(try read("03-open.md"), lesson("open", "```python\nprint('last')\n```\n\n```output\nlast\n```\n"))

        let again = try check(["--no-cache"])
        XCTAssertEqual(again.status, 0, again.stdout)
        XCTAssertTrue(again.stdout.hasSuffix("6 passed, 0 failed\n"), again.stdout)
    }

    func testTimeoutsCrashesWrongExitsAndWildcardsAreRefusedAndLeftAlone() throws {
        let text = lesson("risky", """
            ```python timeout=1
            import time
            time.sleep(30)
            ```

            ```output
            never
            ```

            ```python
            import os
            print("partial", flush=True)
            os.abort()
            ```

            ```output
            partial
            done
            ```

            ```python
            import sys
            print("bye")
            sys.exit(3)
            ```

            ```output
            bye
            ```

            ```python
            print("took 12 ms and more")
            ```

            ```output ellipsis
            took ... s
            ```

            ```python
            print("x" * 5_000_000)
            ```

            ```output
            x
            ```

            """)
        try write("01-risky.md", text)
        let result = try check(["--accept"])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("NOT ACCEPTED  risky example 1  \(file("01-risky.md").path):16: it timed out"), result.stdout)
        XCTAssertTrue(result.stdout.contains("NOT ACCEPTED  risky example 2") && result.stdout.contains("it crashed (killed by signal 6"), result.stdout)
        XCTAssertTrue(result.stdout.contains("NOT ACCEPTED  risky example 3") && result.stdout.contains("it exited with status 3, not 0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("NOT ACCEPTED  risky example 4") && result.stdout.contains("`...` wildcards"), result.stdout)
        XCTAssertTrue(result.stdout.contains("NOT ACCEPTED  risky example 5") && result.stdout.contains("it hit the output cap"), result.stdout)
        XCTAssertTrue(result.stdout.contains("0 accepted, 5 not accepted"), result.stdout)
        XCTAssertEqual(try read("01-risky.md"), text, "nothing was written")
    }

    func testOutputThatChangesEveryRunIsAcceptedButReportedAsStillFailing() throws {
        try write("01-clock.md", lesson("clock", "```python\nimport time\nprint(time.time_ns())\n```\n\n```output\n0\n```\n"))
        let result = try check(["--accept"])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("STILL FAILS  clock example 1: its output changed between two runs"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1 accepted, 0 not accepted, 1 still failing after accepting"), result.stdout)
    }

    func testOnlyTheNamedLessonsAreAcceptedAndTheFlagIsTextOnly() throws {
        try write("01-a.md", lesson("a", "```python\nprint('a')\n```\n\n```output\nold\n```\n"))
        try write("02-b.md", lesson("b", "```python\nprint('b')\n```\n\n```output\nold\n```\n"))
        let before = try read("02-b.md")
        XCTAssertEqual(try check(["--accept", "a"]).status, 0)
        XCTAssertTrue(try read("01-a.md").contains("```output\na\n```"))
        XCTAssertEqual(try read("02-b.md"), before)
        XCTAssertEqual(try check(["--accept", "--format", "json"]).status, 64)
    }
}
