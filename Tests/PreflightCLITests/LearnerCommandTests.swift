import Foundation
import TestSupport
import XCTest

/// The learner's commands around the edges: a course with a broken lesson, `show` for reading,
/// mistyped names, options before the command, leaving a review, and `quiz --missed`.
final class LearnerCommandTests: XCTestCase {
    private var folder: URL!
    private var course: URL { folder.appendingPathComponent("course") }
    private var state: String { folder.appendingPathComponent("p.sqlite").path }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/exercise-course"), to: course)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try PreflightBinary.run(arguments + ["--course", course.path, "--state", state], in: folder, environment: environment, input: input)
    }

    /// The case: a draft with a missing `id` beside a lesson that works.
    func testABrokenLessonLeavesTheRestOfTheCourseUsable() throws {
        try "---\ntitle: Draft\nsummary: S.\n---\n\n# Draft\n".write(to: course.appendingPathComponent("01-basics/02-draft.md"), atomically: true, encoding: .utf8)
        let list = try run(["list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("✗ course/01-basics/02-draft.md  unavailable: course/01-basics/02-draft.md:2:1: front matter is missing required field `id`"), list.stdout)
        XCTAssertTrue(list.stdout.contains("adding"), "the lesson that loads is listed with its id: \(list.stdout)")
        let show = try run(["show", "adding"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stderr.contains("note: 1 lesson is unavailable: course/01-basics/02-draft.md:2:1:"), "said, not silent: \(show.stderr)")
        XCTAssertEqual(try run(["exercise", "list", "--workspace", folder.appendingPathComponent("ws").path]).status, 0)
        XCTAssertEqual(try run(["check", "adding"]).status, 0, "another lesson's examples can be checked")
        let whole = try run(["check"])
        XCTAssertEqual(whole.status, 65, "the whole course still fails: \(whole.stdout)\(whole.stderr)")
        XCTAssertTrue(whole.stdout.contains("FAIL  course/01-basics/02-draft.md  not checked: the lesson does not load"), whole.stdout)
        XCTAssertTrue(whole.stderr.contains("course/01-basics/02-draft.md:2:1: error: front matter is missing required field `id`"), whole.stderr)
        XCTAssertEqual(try run(["lint"]).status, 65)
        let broken = try run(["show", "course/01-basics/02-draft.md"])
        XCTAssertEqual(broken.status, 65)
        XCTAssertTrue(broken.stderr.contains("cannot be opened"), broken.stderr)
    }

    func testShowHidesTheQuizKeyUnlessAskedAndWrapsToColumnsWithoutATerminal() throws {
        let good = TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good").path
        let shown = try PreflightBinary.run(["show", "first-lesson", "--course", good, "--state", state], environment: ["COLUMNS": "40"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        for key in ["[x]", "[ ]", "Answer: PSI", "Explanation:", "80% ± 1%"] {
            XCTAssertFalse(shown.stdout.contains(key), "`\(key)` is part of the answer key:\n\(shown.stdout)")
        }
        XCTAssertTrue(shown.stdout.contains("Which percentile shows the tail?"), "the questions are there")
        XCTAssertTrue(shown.stdout.contains("A. p50"), "with their options, lettered")
        XCTAssertTrue(shown.stdout.contains("Answers are hidden"))
        XCTAssertTrue(shown.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 }, "COLUMNS=40 is honoured:\n\(shown.stdout)")
        let answers = try PreflightBinary.run(["show", "first-lesson", "--answers", "--course", good, "--state", state], environment: ["COLUMNS": "200"])
        XCTAssertTrue(answers.stdout.contains("Explanation: The 99th percentile"), answers.stdout)
        XCTAssertTrue(answers.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "prose is capped at a reading width at 200 columns")
    }

    func testMistypedNamesAndOptionsBeforeTheCommand() throws {
        let typo = try run(["latancy"])
        XCTAssertEqual(typo.status, 65)
        let command = try PreflightBinary.run(["qiuz", "--course", course.path, "--state", state])
        XCTAssertEqual(command.status, 64)
        XCTAssertTrue(command.stderr.contains("did you mean `preflight quiz`?"), command.stderr)
        let lesson = try run(["show", "Adding"])
        XCTAssertTrue(lesson.stderr.contains("did you mean `adding`?"), lesson.stderr)
        let sub = try PreflightBinary.run(["exercise", "wacth", "--course", course.path])
        XCTAssertEqual(sub.status, 64)
        XCTAssertTrue(sub.stderr.contains("did you mean `preflight exercise watch`?"), sub.stderr)
        let before = try PreflightBinary.run(["--course", course.path, "--state", state, "--no-color", "list"])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("adding"), before.stdout)
        let beforeLearn = try PreflightBinary.run(["--course", course.path, "--state", state, "learn", "adding"])
        XCTAssertEqual(beforeLearn.status, 0, "options before `learn LESSON`: \(beforeLearn.stderr)")
    }

    func testAReviewCanBeLeftAndItsCardsStayDue() throws {
        let good = TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good").path
        let result = try PreflightBinary.run(["review", "--plain", "--course", good, "--state", state, "--now", "2026-01-01T09:00:00Z"], input: "\n3\nq\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Stopped. 1 card stays due."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Reviewed 1 card."), result.stdout)
        let ended = try PreflightBinary.run(["review", "--plain", "--course", good, "--state", state, "--now", "2026-01-01T09:00:00Z"], input: "")
        XCTAssertTrue(ended.stdout.contains("Stopped. 1 card stays due."), "the end of input stops rather than skipping every card: \(ended.stdout)")
    }

    func testMissedQuestionsAreAskedAgain() throws {
        let good = TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good").path
        _ = try PreflightBinary.run(["quiz", "first-lesson", "--answers", "-", "--course", good, "--state", state], input: "A\nA,B\nTrue\npsi\n")
        let missed = try PreflightBinary.run(["quiz", "--missed", "--answers", "-", "--json", "--course", good, "--state", state], input: "B\nFalse\n")
        XCTAssertEqual(missed.status, 0, missed.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(missed.stdout.utf8)) as? [String: Any])
        let questions = try XCTUnwrap(report["questions"] as? [[String: Any]])
        XCTAssertEqual(questions.compactMap { $0["title"] as? String }, ["Which percentile shows the tail?", "A canary gets all traffic at once."])
        let none = try PreflightBinary.run(["quiz", "--missed", "--answers", "-", "--course", good, "--state", state], input: "")
        XCTAssertEqual(none.status, 65)
        XCTAssertTrue(none.stderr.contains("nothing to retry"), none.stderr)
        let weak = try PreflightBinary.run(["quiz", "--weak", "--course", good, "--state", state], input: "")
        XCTAssertEqual(weak.status, 64, "--weak goes with --all")
    }
}
