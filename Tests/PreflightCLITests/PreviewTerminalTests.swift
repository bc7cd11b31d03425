import Foundation
import TestSupport
import XCTest

/// `show --watch` and `lint --watch` on a real pseudo-terminal, as an author keeps them open
/// beside the editor: every save is shown a moment later, and q gives the terminal back.
final class PreviewTerminalTests: XCTestCase {
    private var folder: URL!
    private var course: URL { folder.appendingPathComponent("course") }
    private var lesson: URL { course.appendingPathComponent("01-basics/01-first.md") }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good"), to: course)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func start(_ arguments: [String]) throws -> PseudoTerminal {
        try PseudoTerminal(executable: PreflightBinary.url, arguments: arguments + ["--course", course.path, "--state", folder.appendingPathComponent("p.sqlite").path],
                           environment: [:], rows: 40, columns: 200)
    }

    private func edit(_ change: (String) -> String) throws {
        try change(try String(contentsOf: lesson, encoding: .utf8)).write(to: lesson, atomically: true, encoding: .utf8)
    }

    func testShowWatchRendersEverySaveWithItsDiagnostics() throws {
        let tty = try start(["show", "first-lesson", "--watch"])
        XCTAssertTrue(tty.waitFor("Preview of"), tty.transcript)
        XCTAssertTrue(tty.waitFor("An introduction."), "the lesson is rendered: \(tty.transcript.suffix(500))")

        var mark = tty.mark
        try edit { $0.replacingOccurrences(of: "## Syntax", with: "Hello from the watcher.\n\n## Syntax") }
        XCTAssertTrue(tty.waitFor("Hello from the watcher.", since: mark, timeout: 5), "a save is rendered: \(tty.transcript.suffix(800))")

        mark = tty.mark
        try edit { $0.replacingOccurrences(of: "## Quiz", with: "## Quizz") }
        XCTAssertTrue(tty.waitFor("is not a section role; did you mean `## Quiz`?", since: mark, timeout: 5), "its diagnostics too: \(tty.transcript.suffix(800))")

        mark = tty.mark
        try edit { $0.replacingOccurrences(of: "title: First Lesson\n", with: "") }
        XCTAssertTrue(tty.waitFor("does not read as a lesson", since: mark, timeout: 5), "a broken lesson does not end the preview: \(tty.transcript.suffix(800))")
        XCTAssertTrue(tty.transcript[mark...].contains("missing required field `title`"), tty.transcript.suffix(800).description)

        mark = tty.mark
        try edit { $0.replacingOccurrences(of: "id: first-lesson\n", with: "id: first-lesson\ntitle: First Lesson\n") }
        XCTAssertTrue(tty.waitFor("Hello from the watcher.", since: mark, timeout: 5), "and it comes back when fixed")
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
        XCTAssertTrue(tty.isCooked, "the terminal is back in cooked mode")
    }

    func testLintWatchFollowsTheWholeCourse() throws {
        let tty = try start(["lint", "--watch"])
        XCTAssertTrue(tty.waitFor("lint: 0 errors, 0 warnings"), tty.transcript)
        var mark = tty.mark
        let added = course.appendingPathComponent("01-basics/03-third.md")
        try "---\nid: third\ntitle: Third\nsummary: S.\n---\n\n# Third\n\n```python\nprint(3)\n```\n".write(to: added, atomically: true, encoding: .utf8)
        XCTAssertTrue(tty.waitFor("03-third.md:9:1: error: example has no expected output", since: mark, timeout: 5), "a new lesson is linted: \(tty.transcript.suffix(800))")
        XCTAssertTrue(tty.waitFor("lint: 1 error, 0 warnings", since: mark, timeout: 5))

        mark = tty.mark
        try FileManager.default.removeItem(at: added)
        XCTAssertTrue(tty.waitFor("lint: 0 errors, 0 warnings", since: mark, timeout: 5), "and a removed one is gone")

        try edit { $0 + "\n" }
        tty.type("q")  // while the save is being debounced
        XCTAssertEqual(tty.waitForExit(), 0, "q quits even during the debounce")
        XCTAssertTrue(tty.isCooked)
    }

    func testWithoutATerminalWatchRunsOnce() throws {
        let lint = try PreflightBinary.run(["lint", "--watch", "--course", course.path])
        XCTAssertEqual(lint.status, 0)
        XCTAssertTrue(lint.stderr.contains("lint: 0 errors, 0 warnings"), lint.stderr)
        let show = try PreflightBinary.run(["show", "first-lesson", "--watch", "--course", course.path, "--state", folder.appendingPathComponent("p.sqlite").path])
        XCTAssertEqual(show.status, 0)
        XCTAssertTrue(show.stdout.contains("First Lesson"), show.stdout)
    }
}
