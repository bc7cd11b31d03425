import PreflightCore
import PreflightGrading
import PreflightTerminal
import XCTest

/// Verdicts and summaries on a terminal wrap the author's prose at words, inside the width;
/// piped output keeps each on one line for scripts.
final class QuizReportTests: XCTestCase {
    let here = SourceLocation(file: "q.md", line: 1, column: 1)
    let explanation = "Breck et al. sum the points within each of the four sections and take the minimum, because every section matters."

    func graded() -> (QuizQuestion, GradedAnswer) {
        let options = ["the average of the four section totals", "the minimum of the four section totals"].enumerated().map {
            ChoiceOption(text: $0.element, isCorrect: $0.offset == 1, feedback: $0.offset == 0 ? "An average lets strong infrastructure tests hide missing monitoring." : nil, location: here)
        }
        let question = QuizQuestion(id: "l/q-1", lessonID: "overview-lesson", title: "How is the final ML Test Score of a system computed?",
                                    prompt: [], answer: .choice(options), explanation: explanation, location: here)
        return (question, Grader.grade(question, .choice([0])))
    }

    func words(_ lines: [String]) -> String { lines.joined(separator: " ").split(separator: " ").joined(separator: " ") }

    func testOnATerminalEveryLineFitsAndNoWordIsBroken() {
        let (question, answer) = graded()
        let report = QuizReport(styler: Styler(enabled: false), width: 40)
        for lines in [report.verdict(answer), report.summary(questions: [question], graded: [answer], previous: [])] {
            for line in lines { XCTAssertLessThanOrEqual(TextWidth.of(line), 40, line) }
            XCTAssertTrue(words(lines).contains(explanation), words(lines))
        }
        XCTAssertTrue(words(report.verdict(answer)).contains("Right answer: B (the minimum of the four section totals)"))
    }

    func testPipedOutputKeepsEachOnOneLine() {
        let (_, answer) = graded()
        let lines = QuizReport(styler: Styler(enabled: false)).verdict(answer)
        XCTAssertEqual(lines, [
            "✗ Not quite. Right answer: B (the minimum of the four section totals)",
            "  » An average lets strong infrastructure tests hide missing monitoring.",
            "  " + explanation,
        ])
    }

    func predictQuestion() -> QuizQuestion {
        let example = Example(lessonID: "l", index: 1, language: "python", code: "print(1)", location: here,
                              expected: ExpectedOutput(text: "total 6\nmean 2.0\n", location: here))
        return QuizQuestion(id: "l/q-2", lessonID: "l", title: "What does it print?", prompt: [], answer: .predictOutput(example), explanation: nil, location: here)
    }

    func testAPredictedOutputIsShownAsLinesWithADiffOfTheMiss() {
        let question = predictQuestion()
        let report = QuizReport(styler: Styler(enabled: false), width: 60)
        let miss = Grader.grade(question, .text("total 6\nmean 2\u{1B}[2J"))
        XCTAssertEqual(report.verdict(miss), [
            "✗ Not quite. Right answer:",
            "    total 6",
            "    mean 2.0",
            "  Difference (- expected, + yours):",
            "    @@ -1,2 +1,2 @@",
            "     total 6",
            "    -mean 2.0",
            "    +mean 2^[[2J",
        ])
        let skipped = report.verdict(Grader.grade(question, .skipped))
        XCTAssertEqual(skipped, ["– Skipped. Right answer:", "    total 6", "    mean 2.0"], "real lines, no literal \\n")
        let summary = report.summary(questions: [question], graded: [miss], previous: []).joined(separator: "\n")
        XCTAssertTrue(summary.contains("  Your answer:\n    total 6\n    mean 2^[[2J\n  Right answer:\n    total 6\n    mean 2.0\n  Difference"), summary)
    }

    func testPartialCreditIsAnnouncedAndCounted() {
        let options = ["a", "b", "c"].enumerated().map { ChoiceOption(text: $0.element, isCorrect: $0.offset < 2, location: here) }
        let question = QuizQuestion(id: "l/q-3", lessonID: "l", title: "Pick", prompt: [], answer: .choice(options), explanation: nil, location: here)
        let half = Grader.grade(question, .choice([0]))
        let report = QuizReport(styler: Styler(enabled: false))
        XCTAssertEqual(report.verdict(half), ["✗ Not quite. Right answer: A (a), B (b)", "  Partly right: 50% credit, counted in your score."])
        let right = Grader.grade(question, .choice([0, 1]))
        XCTAssertTrue(report.summary(questions: [question, question], graded: [half, right], previous: []).contains("Score: 1.5 of 2 (75%)"))
    }
}
