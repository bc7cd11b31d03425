import Foundation
import TestSupport
import XCTest

/// The interactive course through a real pseudo-terminal, as a learner meets it.
final class LearnTerminalTests: XCTestCase {
    private var state: URL!
    private var course: URL { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good") }

    override func setUpWithError() throws {
        state = try TestPaths.temporaryFolder().appendingPathComponent("progress.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: state.deletingLastPathComponent())
    }

    private func start(_ extra: [String] = []) throws -> PseudoTerminal {
        try PseudoTerminal(executable: PreflightBinary.url, arguments: ["learn", "--course", course.path, "--state", state.path] + extra, environment: [:], rows: 30, columns: 90)
    }

    func testNavigateRunExampleQuitAndResume() throws {
        let tty = try start()
        XCTAssertTrue(tty.waitFor("Lesson 1 of 2"), tty.transcript)
        XCTAssertTrue(tty.waitFor("An introduction."))
        XCTAssertTrue(tty.waitFor("q quit"), "the footer names the keys")

        var mark = tty.mark
        tty.type("n")
        XCTAssertTrue(tty.waitFor("section 2/7", since: mark), "n moves to the next section")
        mark = tty.mark
        tty.type("n")
        XCTAssertTrue(tty.waitFor("section 3/7", since: mark))
        mark = tty.mark
        tty.type("r")
        XCTAssertTrue(tty.waitFor("Example 1 printed the expected output.", since: mark), "r runs the example here")
        XCTAssertTrue(tty.waitFor("hello", since: mark))
        mark = tty.mark
        tty.type("x")
        XCTAssertTrue(tty.waitFor("section 3/7", since: mark), "any key returns to the lesson")
        mark = tty.mark
        tty.type("p")
        XCTAssertTrue(tty.waitFor("section 2/7", since: mark), "p goes back")

        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
        XCTAssertTrue(tty.isCooked, "the terminal is back in cooked mode")
        XCTAssertTrue(tty.transcript.contains("\u{1B}[?1049l"), "the alternate screen is left")

        let again = try start()
        XCTAssertTrue(again.waitFor("section 2/7"), "a second start resumes where the learner was: \(again.transcript.suffix(400))")
        again.type("\u{03}")
        XCTAssertEqual(again.waitForExit(), 0, "Ctrl-C leaves cleanly")
        XCTAssertTrue(again.isCooked)
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let tty = try start()
        XCTAssertTrue(tty.waitFor("Lesson 1 of 2"))
        tty.signal(SIGTERM)
        XCTAssertNotNil(tty.waitForExit())
        XCTAssertTrue(tty.isCooked)
    }

    func testResizeRedrawsAtTheNewSize() throws {
        let tty = try start()
        XCTAssertTrue(tty.waitFor("q quit"))
        let mark = tty.mark
        tty.resize(rows: 20, columns: 50)
        XCTAssertTrue(tty.waitFor("Lesson 1 of 2", since: mark), "SIGWINCH redraws")
        XCTAssertTrue(tty.waitFor("…", since: mark), "the footer is cut to 50 columns")
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
    }

    func testLessonListOpensAnotherLesson() throws {
        let tty = try start()
        XCTAssertTrue(tty.waitFor("Lesson 1 of 2"))
        var mark = tty.mark
        tty.type("l")
        XCTAssertTrue(tty.waitFor("Second Lesson", since: mark))
        mark = tty.mark
        tty.type("j\r")
        XCTAssertTrue(tty.waitFor("Lesson 2 of 2", since: mark), tty.transcript.suffix(300).description)
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
    }

    func testWithoutATerminalItPrintsTheOutlineAndExits() throws {
        let result = try PreflightBinary.run(["--course", course.path, "--state", state.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Fixture Course — 0 of 2 lessons done (0%)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Continue with: First Lesson"), result.stdout)
    }

    /// Only the lesson that opens is read at start; the others are read when reached, so one
    /// that breaks during the session is reported on the screen, not by a crash.
    func testLessonsAreReadWhenReached() throws {
        let copy = state.deletingLastPathComponent().appendingPathComponent("course")
        try FileManager.default.copyItem(at: course, to: copy)
        let third = copy.appendingPathComponent("01-basics/03-third.md")
        try Data("---\nid: third-lesson\ntitle: Third Lesson\nsummary: Last.\n---\n\n# Third Lesson\n\nThe end.\n".utf8).write(to: third)
        let tty = try PseudoTerminal(
            executable: PreflightBinary.url, arguments: ["learn", "second-lesson", "--course", copy.path, "--state", state.path],
            environment: [:], rows: 30, columns: 90)
        XCTAssertTrue(tty.waitFor("Lesson 2 of 3"), tty.transcript)
        var mark = tty.mark
        tty.type("p")
        XCTAssertTrue(tty.waitFor("Lesson 1 of 3", since: mark), "back from the first section opens the previous lesson")
        XCTAssertTrue(tty.waitFor("section 7/7", since: mark), "at its last section")
        try Data("---\nid: third-lesson\n".utf8).write(to: third)
        mark = tty.mark
        tty.type("l")
        XCTAssertTrue(tty.waitFor("Third Lesson", since: mark), "the outline still lists it")
        mark = tty.mark
        tty.type("jj\r")
        XCTAssertTrue(tty.waitFor("cannot be read now; run `preflight lint`", since: mark), tty.transcript.suffix(400).description)
        tty.type("\u{1B}")
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
    }
}
