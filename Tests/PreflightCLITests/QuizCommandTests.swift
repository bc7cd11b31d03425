import Foundation
import TestSupport
import XCTest

/// `preflight quiz` and `preflight review`, scripted and on a terminal.
final class QuizCommandTests: XCTestCase {
    private var state: URL!
    private var course: String { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good").path }

    override func setUpWithError() throws {
        state = try TestPaths.temporaryFolder().appendingPathComponent("progress.sqlite")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: state.deletingLastPathComponent()) }

    private func quiz(_ args: [String], input: String) throws -> CommandResult {
        try PreflightBinary.run(["quiz", "--course", course, "--state", state.path] + args, input: input)
    }

    func testScriptedQuizAsJSON() throws {
        let result = try quiz(["first-lesson", "--answers", "-", "--json"], input: "B\nA,B\nFalse\npsi\n0.8\n6\n.\nA,C,B\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let questions = try XCTUnwrap(report["questions"] as? [[String: Any]])
        XCTAssertEqual(questions.map { $0["type"] as? String }, ["single-choice", "select-all", "true-false", "short-answer", "short-answer", "predict-output", "ordering"])
        XCTAssertEqual(questions.map { $0["correct"] as? Bool }, [true, true, true, true, true, true, false])
        XCTAssertEqual(questions[6]["score"] as? Double ?? 0, 1.0 / 3.0, accuracy: 1e-9, "partial credit is the score")
        XCTAssertEqual(questions[0]["correct_answer"] as? String, "B (p99)")
        XCTAssertTrue((questions[0]["id"] as? String ?? "").hasPrefix("first-lesson/q-"))
        let total = try XCTUnwrap(report["total"] as? [String: Any])
        XCTAssertEqual(total["correct"] as? Int, 6)
        XCTAssertEqual(total["questions"] as? Int, 7)
        XCTAssertEqual(total["score"] as? Double ?? 0, 6 + 1.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(total["percent"] as? Int, 90)
    }

    /// One rule everywhere: a partly right select-all or ordering answer counts its credit in
    /// the summary, the stored attempt, the comparison with earlier attempts and `progress`.
    func testPartialCreditCountsInTheScoreEverywhere() throws {
        // Select-all with one of two right options (1/2), ordering with one of three in place (1/3).
        let first = try quiz(["first-lesson"], input: "B\nA\nFalse\npsi\n0.8\n6\n.\nA,C,B\n")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("Partly right: 50% credit, counted in your score."), first.stdout)
        XCTAssertTrue(first.stdout.contains("Score: 5.8 of 7 (83%)"), "5 + 1/2 + 1/3 = 5.83: \(first.stdout)")
        let second = try quiz(["first-lesson"], input: "B\nA,B\nFalse\npsi\n0.8\n6\n.\nA,B,C\n")
        XCTAssertTrue(second.stdout.contains("Score: 7 of 7 (100%)"), second.stdout)
        XCTAssertTrue(second.stdout.contains(" 5.8/7"), "the earlier attempt with its partial credit: \(second.stdout)")
        XCTAssertTrue(second.stdout.contains("Up 1.2 on last time."), second.stdout)
        let progress = try PreflightBinary.run(["progress", "--course", course, "--state", state.path])
        XCTAssertTrue(progress.stdout.contains("quiz 7/7 (100%)"), "the latest answers, all right now: \(progress.stdout)")
        XCTAssertTrue(progress.stdout.contains("5.8 of 7 (83%)  First Lesson"), "the first attempt in the history, partial credit counted: \(progress.stdout)")
        XCTAssertTrue(progress.stdout.contains("7 of 7 (100%)  First Lesson"), progress.stdout)
    }

    func testFinalExamScoresEverySectionOfTheShippedCourse() throws {
        let shipped = TestPaths.shippedCourse.path
        let exam = try PreflightBinary.run(["quiz", "--all", "--seed", "5", "--answers", "-", "--course", shipped, "--state", state.path],
                                           input: String(repeating: "skip\n", count: 22))
        XCTAssertEqual(exam.status, 0, exam.stderr)
        XCTAssertTrue(exam.stdout.contains("Score: 0 of 22 (0%)"), exam.stdout)
        let breakdown = try XCTUnwrap(exam.stdout.components(separatedBy: "By section:").last)
        let rows = breakdown.split(separator: "\n").filter { $0.range(of: #"^  [·✓] \S.* +0 of 2$"#, options: .regularExpression) != nil }
        XCTAssertEqual(rows.count, 11, "each of the eleven sections is scored, two questions each:\n\(breakdown)")
        XCTAssertTrue(rows.first?.contains("Overview") == true && rows.last?.contains("Beyond the Checklist") == true, breakdown)
        XCTAssertTrue(breakdown.contains("Revisit first: Overview."), breakdown)
        let lessonQuiz = try quiz(["first-lesson"], input: "B\n")
        XCTAssertFalse(lessonQuiz.stdout.contains("By section:"), "one section needs no breakdown")
    }

    func testAttemptsAreStoredAndCompared() throws {
        _ = try quiz(["first-lesson"], input: "A\n")
        let second = try quiz(["first-lesson"], input: "B\n")
        XCTAssertTrue(second.stdout.contains("Earlier attempts at this set:"), second.stdout)
        XCTAssertTrue(second.stdout.contains("Up 1 on last time."), second.stdout)
        let progress = try PreflightBinary.run(["progress", "--course", course, "--state", state.path])
        XCTAssertTrue(progress.stdout.contains("quiz 1/1 (100%)"), "one question answered, right the last time: \(progress.stdout)")
        XCTAssertTrue(progress.stdout.contains("Quiz history (2 attempts"), progress.stdout)
        XCTAssertTrue(progress.stdout.contains("1 of 7 (14%)  First Lesson, 6 skipped"), progress.stdout)
    }

    func testMalformedAnswersAndUnknownLessonExit65WithTheLine() throws {
        let bad = try quiz(["first-lesson"], input: "B\nZ\n")
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("<stdin>:2:1: error:"), bad.stderr)
        let unknown = try quiz(["nope"], input: "")
        XCTAssertEqual(unknown.status, 65)
    }

    func testInteractiveQuizOnATerminal() throws {
        let tty = try PseudoTerminal(executable: PreflightBinary.url, arguments: ["quiz", "first-lesson", "--course", course, "--state", state.path, "--seed", "3"], environment: [:])
        XCTAssertTrue(tty.waitFor("Question 1 of 7"), tty.transcript)
        tty.type("skip\r")
        XCTAssertTrue(tty.waitFor("Question 2 of 7"))
        for _ in 0..<5 { tty.type("\r") }
        XCTAssertTrue(tty.waitFor("Question 7 of 7"))
        tty.type("\r")
        XCTAssertTrue(tty.waitFor("Back to the questions you skipped."), tty.transcript.suffix(500).description)
        XCTAssertTrue(tty.waitFor("Which percentile shows the tail?", since: tty.transcript.range(of: "Back to the questions")!.upperBound))
        tty.type("Z\r")
        XCTAssertTrue(tty.waitFor("answer with the letter"), "a wrong letter is explained, not accepted")
        // Answer with the shown letter of "p99", whatever the shuffle made it.
        let shown = tty.transcript[tty.transcript.range(of: "Back to the questions")!.upperBound...]
        let letter = ["A", "B", "C"].first { shown.contains("\($0)\u{1B}[0m. p99") || shown.contains("\($0). p99") } ?? "A"
        tty.type("\(letter)\r")
        XCTAssertTrue(tty.waitFor("✓ Right."), tty.transcript.suffix(400).description)
        // The other six were skipped once already: Enter now leaves them skipped for good.
        for _ in 0..<6 { tty.type("\r") }
        XCTAssertTrue(tty.waitFor("Score: 1 of 7"), tty.transcript.suffix(400).description)
        XCTAssertTrue(tty.waitFor("Skipped: 6"))
        XCTAssertEqual(tty.waitForExit(), 0)
    }

    func testReviewSchedulesCardsAndReportsStats() throws {
        let first = try PreflightBinary.run(["review", "--course", course, "--state", state.path, "--now", "2026-01-01T09:00:00Z"], input: "easy\nagain\n")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("Why check examples? → easy — next review in"), first.stdout)
        XCTAssertTrue(first.stdout.contains("What is a canary? → again — next review in 1 min."), first.stdout)
        let later = try PreflightBinary.run(["review", "--course", course, "--state", state.path, "--now", "2026-01-01T09:05:00Z"], input: "good\n")
        XCTAssertTrue(later.stdout.contains("What is a canary? → good"), "only the card rated again is due: \(later.stdout)")
        XCTAssertTrue(later.stdout.contains("Reviewed 1 card."))
        let stats = try PreflightBinary.run(["review", "--stats", "--course", course, "--state", state.path, "--now", "2026-01-01T09:06:00Z"])
        XCTAssertTrue(stats.stdout.contains("Flashcards: 2 (0 new, 2 in review)"), stats.stdout)
        let bad = try PreflightBinary.run(["review", "--course", course, "--state", state.path, "--now", "2026-03-01T09:00:00Z"], input: "maybe\n")
        XCTAssertEqual(bad.status, 65)
    }

    /// Ctrl-D (the end of input) or q leaves an interactive quiz; nothing is recorded.
    func testLeavingAQuizOnATerminalRecordsNothing() throws {
        for leave in ["\u{04}", "q\r"] {
            let tty = try PseudoTerminal(executable: PreflightBinary.url, arguments: ["quiz", "first-lesson", "--course", course, "--state", state.path, "--seed", "3"],
                                         environment: [:], rows: 20, columns: 60)
            XCTAssertTrue(tty.waitFor("Question 1 of 7"), tty.transcript)
            tty.type(leave)
            XCTAssertTrue(tty.waitFor("You left the quiz after answering 0 of 7 questions; this attempt was not recorded."), tty.transcript.suffix(300).description)
            XCTAssertEqual(tty.waitForExit(), 0)
        }
        let progress = try PreflightBinary.run(["progress", "--course", course, "--state", state.path])
        XCTAssertFalse(progress.stdout.contains("Quiz history"), "no attempt was recorded: \(progress.stdout)")
    }

    /// A flashcard's question is wrapped between words at 60 columns, never inside one.
    func testFlashcardsWrapBetweenWords() throws {
        let tty = try PseudoTerminal(executable: PreflightBinary.url, arguments: [
            "review", "infrastructure-setup", "--course", TestPaths.shippedCourse.path, "--state", state.path, "--now", "2026-01-01T09:00:00Z",
        ], environment: [:], rows: 20, columns: 60)
        XCTAssertTrue(tty.waitForScreen(showing: "Card 1 of"), tty.transcript)
        XCTAssertTrue(tty.waitForScreen(showing: "stop."), tty.screen.text)
        let words = tty.screen.lines.flatMap { $0.split(separator: " ").map(String.init) }
        let question = "How would you configure health probes for a model server that takes a minute to load its model?"
        let prompt = "Write your answer (or think it), then press Enter to see the model answer; q to stop."
        for word in (question + " " + prompt).split(separator: " ") {
            XCTAssertTrue(words.contains(String(word)), "`\(word)` is whole on screen:\n\(tty.screen.text)")
        }
        XCTAssertTrue(tty.screen.lines.allSatisfy { $0.count <= 60 })
        tty.type("q\r")
        XCTAssertTrue(tty.waitFor("Stopped."), tty.transcript.suffix(200).description)
        XCTAssertEqual(tty.waitForExit(), 0)
    }
}

/// `quiz --answers-template`: a sheet for any question type, written without running the quiz.
final class AnswerTemplateTests: XCTestCase {
    private var state: URL!
    private var course: String { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good").path }

    override func setUpWithError() throws { state = try TestPaths.temporaryFolder().appendingPathComponent("p.sqlite") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: state.deletingLastPathComponent()) }

    private func quiz(_ arguments: [String], input: String? = nil) throws -> CommandResult {
        try PreflightBinary.run(["quiz", "first-lesson", "--course", course, "--state", state.path] + arguments, input: input)
    }

    /// The letters the template shows for each option text, per question.
    private func letters(in template: String) -> [[String: String]] {
        var result: [[String: String]] = []
        for line in template.split(separator: "\n") {
            if line.hasPrefix("# ") && line.dropFirst(2).first?.isNumber == true { result.append([:]) }
            if let match = line.wholeMatch(of: /#    ([A-Z])\) (.*)/) { result[result.count - 1][String(match.2)] = String(match.1) }
        }
        return result
    }

    func testATemplateFilledFromItsOwnLettersGradesFullMarksUnderItsSeed() throws {
        let template = try quiz(["--seed", "11", "--answers-template"])
        XCTAssertEqual(template.status, 0, template.stderr)
        XCTAssertTrue(template.stdout.contains("# Then grade it with: preflight quiz first-lesson --seed 11 --course \(course) --answers FILE"), template.stdout)
        XCTAssertEqual(template.stdout.components(separatedBy: "\nskip").count - 1, 7, "one placeholder per question")
        XCTAssertTrue(template.stdout.contains("[select all that apply: letters separated by commas, e.g. A,C]"))
        XCTAssertTrue(template.stdout.contains("#    | print(sum([1, 2, 3]))"), "the code to predict is on the sheet")
        let shown = letters(in: template.stdout)
        XCTAssertEqual(shown.count, 7)
        let answers = [
            shown[0]["p99"]!,
            [shown[1]["liveness"]!, shown[1]["readiness"]!].joined(separator: ","),
            "False", "PSI", "80%", "6\n.",
            [shown[6]["shadow"]!, shown[6]["canary"]!, shown[6]["full rollout"]!].joined(separator: ","),
        ]
        // Fill the sheet as an author would: each `skip` replaced, comments kept.
        var filled = template.stdout
        for answer in answers {
            let range = try XCTUnwrap(filled.range(of: "\nskip"))
            filled.replaceSubrange(range, with: "\n" + answer)
        }
        let graded = try quiz(["--seed", "11", "--answers", "-", "--json"], input: filled)
        XCTAssertEqual(graded.status, 0, graded.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(graded.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((report["total"] as? [String: Any])?["correct"] as? Int, 7, graded.stdout)

        // Another seed shows other letters: the template follows the shuffle.
        let other = letters(in: try quiz(["--seed", "12", "--answers-template"]).stdout)
        XCTAssertNotEqual(other, shown)
        // An unfilled sheet is valid and skips everything.
        let blank = try quiz(["--seed", "11", "--answers", "-", "--json"], input: template.stdout)
        XCTAssertEqual(blank.status, 0, blank.stderr)
        XCTAssertTrue(blank.stdout.contains("\"skipped\" : 7"), blank.stdout)
    }

    func testADrawnQuizNeedsASeedAndTheTemplateRecordsNothing() throws {
        let drawn = try PreflightBinary.run(["quiz", "--all", "--answers-template", "--course", course, "--state", state.path])
        XCTAssertEqual(drawn.status, 64)
        XCTAssertTrue(drawn.stderr.contains("needs --seed"), drawn.stderr)
        XCTAssertEqual(try quiz(["--answers-template", "--json"]).status, 64)
        _ = try quiz(["--answers-template"])
        let first = try quiz(["--answers", "-"], input: "")
        XCTAssertFalse(first.stdout.contains("Earlier attempts"), "printing a template is not an attempt: \(first.stdout)")
    }
}
