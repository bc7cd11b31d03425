import Foundation
import TestSupport
import XCTest

/// Accessible mode as a screen-reader user meets it: everything driven line by line through a
/// pipe, compared with golden transcripts; no control codes, no box drawing, verdicts in words.
/// Re-record only on request: `PREFLIGHT_RECORD_GOLDENS=1 swift test --filter PlainModeTests`.
final class PlainModeTests: XCTestCase {
    static let recording = ProcessInfo.processInfo.environment["PREFLIGHT_RECORD_GOLDENS"] == "1"
    static var golden: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden") }
    private var state: URL!
    private var course: String { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good").path }

    override func setUpWithError() throws { state = try TestPaths.temporaryFolder().appendingPathComponent("p.sqlite") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: state.deletingLastPathComponent()) }

    private func compare(_ output: String, with name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if Self.recording {
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(output, expected, "\(name) differs; re-record with PREFLIGHT_RECORD_GOLDENS=1 if the change is intended", file: file, line: line)
    }

    /// Nothing a screen reader would read out as noise, or that needs a screen to make sense.
    private func assertReadable(_ output: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(output.contains("\u{1B}"), "no control codes", file: file, line: line)
        for symbol in ["╭", "│", "╰", "─", "█", "░", "✓", "✗"] {
            XCTAssertFalse(output.contains(symbol), "no `\(symbol)`: \(output)", file: file, line: line)
        }
    }

    /// The whole first lesson, its example run and its quiz, then the list and quitting.
    func testTheFirstLessonAndItsQuizLineByLine() throws {
        let input = [
            "", "", "r", "", "", "", "",      // parts 1 to 7, running the example in part 3
            "t", "A", "B,C", "False", "psi", "80%", "6", ".", "C,A,B",   // the quiz, all right (seed 1)
            "h", "2", "p", "again", "l", "second", "q",
        ].joined(separator: "\n") + "\n"
        let result = try PreflightBinary.run(["learn", "--plain", "--seed", "1", "--course", course, "--state", state.path], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        assertReadable(result.stdout)
        XCTAssertTrue(result.stdout.contains("Lesson 1 of 2: First Lesson. Part 3 of 7: Example."))
        XCTAssertTrue(result.stdout.contains("Example 1 printed the expected output."))
        XCTAssertTrue(result.stdout.contains("Score: 7 of 7 (100%)"), result.stdout)
        try compare(result.stdout, with: "plain-first-lesson.txt")
        // The place is kept, as on the full screen.
        let again = try PreflightBinary.run(["learn", "--plain", "--course", course, "--state", state.path], input: "q\n")
        XCTAssertTrue(again.stdout.contains("Lesson 2 of 2: Second Lesson (done). Part 1 of 1"), again.stdout)
    }

    /// Every kind of verdict in words: right, partly right, wrong with a diff, skipped and
    /// asked again; then leaving a second quiz records nothing.
    func testQuizVerdictsAreSentences() throws {
        let input = ["skip", "B", "True", "pci", "80 %", "7", ".", "A,C,B", "C"].joined(separator: "\n") + "\n"
        let result = try PreflightBinary.run(["quiz", "first-lesson", "--plain", "--seed", "1", "--course", course, "--state", state.path], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        assertReadable(result.stdout)
        for sentence in ["Correct.", "Not quite; the right answer is", "Partly right: 50% credit, counted in your score; the right answer is", "Back to the question you skipped."] {
            XCTAssertTrue(result.stdout.contains(sentence), "`\(sentence)` in:\n\(result.stdout)")
        }
        try compare(result.stdout, with: "plain-quiz.txt")
        let left = try PreflightBinary.run(["quiz", "first-lesson", "--plain", "--seed", "1", "--course", course, "--state", state.path], input: "A\nquit\n")
        XCTAssertTrue(left.stdout.contains("You left the quiz after answering 1 of 7 questions; this attempt was not recorded."), left.stdout)
        let ended = try PreflightBinary.run(["quiz", "first-lesson", "--plain", "--seed", "1", "--course", course, "--state", state.path], input: "A\n")
        XCTAssertTrue(ended.stdout.contains("this attempt was not recorded"), "the end of input leaves too (Ctrl-D): \(ended.stdout)")
        let progress = try PreflightBinary.run(["progress", "--plain", "--course", course, "--state", state.path])
        XCTAssertTrue(progress.stdout.contains("Quiz history (1 attempt;"), "only the finished quiz counts: \(progress.stdout)")
        assertReadable(progress.stdout)
        XCTAssertTrue(progress.stdout.contains("Basics: lessons 0 of 2, cards 0 of 2, quiz "), progress.stdout)
    }

    func testExerciseWatchInLineMode() throws {
        let exercises = TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/exercise-course").path
        let workspace = state.deletingLastPathComponent().appendingPathComponent("workspace").path
        let result = try PreflightBinary.run(["exercise", "watch", "--plain", "--course", exercises, "--state", state.path, "--workspace", workspace],
                                             input: "h\nl\nwhat\nq\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        assertReadable(result.stdout)
        XCTAssertTrue(result.stdout.contains("Exercise 1 of 1: "), result.stdout)
        XCTAssertTrue(result.stdout.contains("Not yet: “Add two numbers” does not pass its check."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Hint 1 of 2:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1. Add two numbers, pending, watching now."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Unknown command “what”"), result.stdout)
        XCTAssertTrue(result.stdout.contains("The task:") && result.stdout.contains("End of the task."), "the task comes first: \(result.stdout)")
    }

    /// Every lesson ends by naming its exercise.
    func testALessonEndsByNamingItsExercise() throws {
        let exercises = TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/exercise-course").path
        let result = try PreflightBinary.run(["learn", "--plain", "--course", exercises, "--state", state.path], input: String(repeating: "\n", count: 10) + "q\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Practice: exercise 1, “Add two numbers”: run preflight exercise watch add."), result.stdout)
    }
}
