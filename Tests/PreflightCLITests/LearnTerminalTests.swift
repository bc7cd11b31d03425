import Foundation
import TestSupport
import XCTest

/// The interactive course through a real pseudo-terminal, as a learner meets it, asserting what
/// the screen shows (rebuilt from the bytes written), at 60x20 and 100x30.
final class LearnTerminalTests: XCTestCase {
    private var state: URL!
    private var fixture: URL { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good") }
    static let sizes = [(rows: 20, columns: 60), (rows: 30, columns: 100)]

    override func setUpWithError() throws {
        state = try TestPaths.temporaryFolder().appendingPathComponent("progress.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: state.deletingLastPathComponent())
    }

    private func start(course: URL? = nil, rows: Int = 30, columns: Int = 90, _ extra: [String] = []) throws -> PseudoTerminal {
        try PseudoTerminal(executable: PreflightBinary.url, arguments: ["learn", "--course", (course ?? fixture).path, "--state", state.path] + extra,
                           environment: [:], rows: rows, columns: columns)
    }

    /// Every row fits the terminal, and the header (first row) and the keys (last row) are there.
    private func assertFrame(_ tty: PseudoTerminal, header: String, file: StaticString = #filePath, line: UInt = #line) {
        // Both in one wait: a frame is written in pieces, and a busy machine may show the top first.
        let keys = { (screen: TerminalScreen) in screen.lines.last?.contains("q quit") == true || screen.lines.last?.contains("back") == true }
        XCTAssertTrue(tty.waitForScreen { $0.lines.first?.contains(header) == true && keys($0) },
                      "header `\(header)` on the first row and the keys on the last:\n\(tty.screen.text)", file: file, line: line)
    }

    func testNavigateRunExampleQuitAndResume() throws {
        for size in Self.sizes {
            try? FileManager.default.removeItem(at: state)
            let tty = try start(rows: size.rows, columns: size.columns)
            assertFrame(tty, header: "First Lesson · part 1 of 7")
            XCTAssertTrue(tty.waitForScreen(showing: "An introduction."))
            XCTAssertTrue(tty.screen.lines.last?.contains("? help  q quit") == true, "help and quit fit at \(size.columns) columns: \(tty.screen.lines.last ?? "")")
            tty.type("n")
            assertFrame(tty, header: "First Lesson · part 2 of 7")
            tty.type("n")
            assertFrame(tty, header: "First Lesson · part 3 of 7")
            tty.type("r")
            XCTAssertTrue(tty.waitForScreen(showing: "Example 1 printed the expected output."), tty.screen.text)
            XCTAssertTrue(tty.waitForScreen(showing: "hello"))
            tty.type("x")
            XCTAssertTrue(tty.waitForScreen { !$0.contains("Example 1 printed") && $0.lines[0].contains("part 3 of 7") }, "any other key returns to the lesson")
            tty.type("p")
            assertFrame(tty, header: "First Lesson · part 2 of 7")
            tty.type("q")
            XCTAssertEqual(tty.waitForExit(), 0)
            XCTAssertTrue(tty.isCooked, "the terminal is back in cooked mode")
            XCTAssertTrue(tty.transcript.contains("\u{1B}[?1049l"), "the alternate screen is left")

            let again = try start(rows: size.rows, columns: size.columns)
            assertFrame(again, header: "First Lesson · part 2 of 7")
            again.type("\u{03}")
            XCTAssertEqual(again.waitForExit(), 0, "Ctrl-C leaves cleanly")
            XCTAssertTrue(again.isCooked)
        }
    }

    /// The issue's reproduction: mark the first lesson done, open another from the list, come
    /// back to the first and read on; the course reopens on the first lesson at that part.
    func testResumeOpensTheLessonAndPartTheLearnerWasReading() throws {
        for size in Self.sizes {
            try? FileManager.default.removeItem(at: state)
            let tty = try start(course: TestPaths.shippedCourse, rows: size.rows, columns: size.columns)
            assertFrame(tty, header: "Production Deployment Checklist · part 1 of 12")
            tty.type("m")
            XCTAssertTrue(tty.waitForScreen { $0.lines[0].contains("Production Deployment Checklist ✓") })
            tty.type("l")
            XCTAssertTrue(tty.waitForScreen(showing: "(reading)"))
            for _ in 0..<12 { tty.type("\u{1B}[B") }
            tty.type("\r")
            XCTAssertTrue(tty.waitForScreen { $0.lines[0].contains("lesson 13 of") || !$0.lines[0].contains("Production Deployment") }, tty.screen.text)
            tty.type("l")
            XCTAssertTrue(tty.waitForScreen(showing: "(reading)"))
            for _ in 0..<14 { tty.type("\u{1B}[A") }
            tty.type("\r")
            assertFrame(tty, header: "Production Deployment Checklist ✓ · part 1 of 12")
            tty.type("nnn")
            assertFrame(tty, header: "Production Deployment Checklist ✓ · part 4 of 12")
            // Reopening the lesson being read from the list keeps the place.
            tty.type("l")
            XCTAssertTrue(tty.waitForScreen(showing: "(reading)"))
            tty.type("\r")
            assertFrame(tty, header: "Production Deployment Checklist ✓ · part 4 of 12")
            tty.type("q")
            XCTAssertEqual(tty.waitForExit(), 0)

            let again = try start(course: TestPaths.shippedCourse, rows: size.rows, columns: size.columns)
            assertFrame(again, header: "Production Deployment Checklist ✓ · part 4 of 12")
            again.type("q")
            XCTAssertEqual(again.waitForExit(), 0)
        }
    }

    /// The list scrolls with the highlighted row, past the bottom of the screen and back, with
    /// PgUp/PgDn, Home/End and `/` to filter.
    func testTheLessonListScrollsPagesAndFilters() throws {
        for size in Self.sizes {
            let tty = try start(course: TestPaths.shippedCourse, rows: size.rows, columns: size.columns)
            assertFrame(tty, header: "part 1 of")
            tty.type("l")
            XCTAssertTrue(tty.waitForScreen(showing: "› "), tty.screen.text)
            XCTAssertFalse(tty.screen.contains("Judging a Canary Honestly"), "the last lesson is below the screen at first")
            tty.type("\u{1B}[F")  // End
            XCTAssertTrue(tty.waitForScreen { screen in screen.lines.contains { $0.hasPrefix("›") && $0.contains("Judging a Canary Honestly") } },
                          "End highlights the last lesson, and it is on screen:\n\(tty.screen.text)")
            tty.type("\u{1B}[H")  // Home
            XCTAssertTrue(tty.waitForScreen { screen in screen.lines.contains { $0.hasPrefix("›") && $0.contains("Production Deployment Checklist") } }, tty.screen.text)
            for _ in 0..<16 { tty.type("j") }
            XCTAssertTrue(tty.waitForScreen { screen in screen.lines.contains { $0.hasPrefix("›") && $0.contains("Input Data Quality") } },
                          "sixteen lessons down, the highlighted row is on screen:\n\(tty.screen.text)")
            tty.type("\u{1B}[6~")  // PgDn
            XCTAssertTrue(tty.waitForScreen { screen in screen.lines.contains { $0.hasPrefix("›") } && !screen.lines.contains { $0.hasPrefix("›") && $0.contains("Input Data Quality") } })
            tty.type("/laten")
            XCTAssertTrue(tty.waitForScreen(showing: "Filter: laten"), tty.screen.text)
            XCTAssertTrue(tty.waitForScreen { screen in screen.lines.contains { $0.hasPrefix("›") && $0.contains("Latency") } })
            XCTAssertFalse(tty.screen.contains("Load Testing"), "the filter hides the others")
            tty.type("\r")
            assertFrame(tty, header: "Latency · part 1 of")
            tty.type("q")
            XCTAssertEqual(tty.waitForExit(), 0)
        }
    }

    /// Help at 60x20 wraps instead of pushing the header away; the result panel scrolls with j
    /// and keeps its first lines; `r` where there is no example names the parts that have them.
    func testHelpAndPanelsFitAndScroll() throws {
        for size in Self.sizes {
            try? FileManager.default.removeItem(at: state)
            let tty = try start(course: TestPaths.shippedCourse, rows: size.rows, columns: size.columns)
            assertFrame(tty, header: "Production Deployment Checklist · part 1 of 12")
            tty.type("r")
            XCTAssertTrue(tty.waitForScreen(showing: "No example in this part; run it from part 4"), tty.screen.text)
            tty.type("?")
            XCTAssertTrue(tty.waitForScreen(showing: "Keys"))
            assertFrame(tty, header: "Production Deployment Checklist")
            XCTAssertTrue(tty.screen.lines.allSatisfy { $0.count <= size.columns })
            tty.type("x")
            tty.type("nnn")
            assertFrame(tty, header: "part 4 of 12")
            tty.type("r")
            XCTAssertTrue(tty.waitForScreen(showing: "examples passed", timeout: 30), tty.screen.text)
            XCTAssertEqual(tty.screen.row(containing: "examples passed"), 2, "the panel starts right under the header:\n\(tty.screen.text)")
            assertFrame(tty, header: "Production Deployment Checklist")
            var scrolled = 0
            while !tty.screen.contains("Example 2 printed the expected output."), scrolled < 60 {
                tty.type("j")
                scrolled += 1
                tty.waitForScreen(timeout: 0.3) { _ in false }
            }
            XCTAssertTrue(tty.screen.contains("Example 2 printed the expected output."), "j scrolls to the second example's result:\n\(tty.screen.text)")
            if scrolled > 0 { XCTAssertFalse(tty.screen.contains("examples passed"), "the panel scrolled rather than closed") }
            tty.type("q")
            XCTAssertTrue(tty.waitForScreen { $0.lines[0].contains("part 4 of 12") && !$0.contains("Example 2 printed") }, "q closes the panel")
            tty.type("q")
            XCTAssertEqual(tty.waitForExit(), 0)
        }
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let tty = try start()
        XCTAssertTrue(tty.waitForScreen(showing: "First Lesson"))
        tty.signal(SIGTERM)
        XCTAssertNotNil(tty.waitForExit())
        XCTAssertTrue(tty.isCooked)
    }

    func testResizeRedrawsAtTheNewSize() throws {
        let tty = try start()
        assertFrame(tty, header: "First Lesson · part 1 of 7 · lesson 1 of 2")
        tty.resize(rows: 20, columns: 50)
        XCTAssertTrue(tty.waitForScreen { $0.lines.first == "First Lesson · part 1 of 7 · lesson 1 of 2" && $0.lines.last?.contains("q quit") == true },
                      "SIGWINCH redraws at 50 columns, header and keys in place:\n\(tty.screen.text)")
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
    }

    func testLessonListOpensAnotherLesson() throws {
        let tty = try start()
        assertFrame(tty, header: "First Lesson")
        tty.type("l")
        XCTAssertTrue(tty.waitForScreen(showing: "Second Lesson"))
        tty.type("j\r")
        // One part and no examples: reaching it completes the lesson.
        assertFrame(tty, header: "Second Lesson ✓ · part 1 of 1")
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
    }

    func testWithoutATerminalItPrintsTheOutlineAndExits() throws {
        let result = try PreflightBinary.run(["--course", fixture.path, "--state", state.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Fixture Course — 0 of 2 lessons done (0%)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Continue with: First Lesson"), result.stdout)
    }

    /// TERM=dumb cannot take control codes: the course runs in line mode.
    func testADumbTerminalGetsLineMode() throws {
        let tty = try PseudoTerminal(executable: PreflightBinary.url, arguments: ["learn", "--course", fixture.path, "--state", state.path],
                                     environment: ["TERM": "dumb"], rows: 20, columns: 60)
        XCTAssertTrue(tty.waitFor("Lesson 1 of 2: First Lesson. Part 1 of 7: Introduction."), tty.transcript)
        tty.type("q\r")
        XCTAssertEqual(tty.waitForExit(), 0)
        XCTAssertFalse(tty.transcript.contains("\u{1B}["), "no control codes at all: \(tty.transcript.debugDescription)")
    }

    /// Only the lesson that opens is read at start; the others are read when reached, so one
    /// that breaks during the session is reported on the screen, not by a crash.
    func testLessonsAreReadWhenReached() throws {
        let copy = state.deletingLastPathComponent().appendingPathComponent("course")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let third = copy.appendingPathComponent("01-basics/03-third.md")
        try Data("---\nid: third-lesson\ntitle: Third Lesson\nsummary: Last.\n---\n\n# Third Lesson\n\nThe end.\n".utf8).write(to: third)
        let tty = try PseudoTerminal(
            executable: PreflightBinary.url, arguments: ["learn", "second-lesson", "--course", copy.path, "--state", state.path],
            environment: [:], rows: 30, columns: 90)
        XCTAssertTrue(tty.waitFor("lesson 2 of 3"), tty.transcript)
        var mark = tty.mark
        tty.type("p")
        XCTAssertTrue(tty.waitFor("part 7 of 7 · lesson 1 of 3", since: mark), "back from the first part opens the previous lesson at its last part")
        try Data("---\nid: third-lesson\n".utf8).write(to: third)
        mark = tty.mark
        tty.type("l")
        XCTAssertTrue(tty.waitFor("Third Lesson", since: mark), "the lesson list still lists it")
        mark = tty.mark
        tty.type("jj\r")
        XCTAssertTrue(tty.waitFor("cannot be read now; run `preflight lint`", since: mark), tty.transcript.suffix(400).description)
        tty.type("\u{1B}")
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
    }
}
