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
}
