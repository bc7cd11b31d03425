import Foundation
import PreflightCore
import PreflightGrading
import XCTest

final class KeyCheckAndScriptTests: XCTestCase {
    let config = CourseConfig(id: "t", title: "T", runners: ["python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py")])

    func lesson(_ quiz: String) throws -> Lesson {
        let text = "---\nid: l\ntitle: L\nsummary: S.\n---\n\n# L\n\n## Quiz\n\n" + quiz
        let (lesson, diagnostics) = CourseLoader.loadLesson(data: Data(text.utf8), displayPath: "l.md", config: config, sectionID: "s")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        return try XCTUnwrap(lesson)
    }

    func testGoodKeysGradeThemselves() throws {
        let good = try lesson("""
            ### One
            - [x] a
            - [ ] b

            Explanation: e.

            ### Two
            Answer: p99 | `/p9[59]/` | 20% ± 1%

            Explanation: e.

            ### Three
            1. x
            2. y

            Explanation: e.
            """)
        XCTAssertEqual(KeyCheck.diagnostics(for: good), [])
    }

    func testRegexThatAcceptsABlankAnswerIsReportedAtTheQuestion() throws {
        let bad = try lesson("### Blank\n\nAnswer: `/a*/`\n\nExplanation: e.\n")
        let found = KeyCheck.diagnostics(for: bad)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.line, 11)
        XCTAssertTrue(found.first?.message.contains("accepts an empty answer") ?? false)
    }

    func testScriptedAnswersInEveryForm() throws {
        let quiz = try lesson("""
            ### Pick
            - [ ] a
            - [x] b

            ### Many
            - [x] a
            - [x] b
            - [ ] c

            ### TF
            - [x] True
            - [ ] False

            ### Say
            Answer: psi

            ### Print
            ```python
            print(1)
            print(2)
            ```

            ```output
            1
            2
            ```

            ### Order
            1. x
            2. y
            3. z
            """)
        let orders = quiz.quiz.map { question -> DisplayOrder in
            switch question.answer {
            case .choice(let options): return .identity(options.count)
            case .ordering(let items): return .identity(items.count)
            default: return .identity(0)
            }
        }
        let script = "b\n\n# a comment\nA, B\ntrue\n  PSI \n1\n2\n.\nA,C,B\n"
        let responses = try AnswerScript.read(script, questions: quiz.quiz, orders: orders).get()
        XCTAssertEqual(responses, [.choice([1]), .choice([0, 1]), .choice([0]), .text("  PSI "), .text("1\n2"), .ordering([0, 2, 1])])
        let grades = zip(quiz.quiz, responses).map { Grader.grade($0, $1).correct }
        XCTAssertEqual(grades, [true, true, true, true, true, false])

        let short = try AnswerScript.read("skip\n", questions: quiz.quiz, orders: orders).get()
        XCTAssertEqual(short, [.skipped, .skipped, .skipped, .skipped, .skipped, .skipped], "missing answers count as skipped")

        XCTAssertEqual(failingLine(AnswerScript.read("b\nZ\n", questions: quiz.quiz, orders: orders)), 2)
        XCTAssertEqual(failingLine(AnswerScript.read("b\na\ntrue\npsi\n1\n", questions: quiz.quiz, orders: orders)), 5, "unterminated output")
        XCTAssertEqual(failingLine(AnswerScript.read("b\na\ntrue\npsi\n1\n.\nA,B\n", questions: quiz.quiz, orders: orders)), 7, "ordering needs every letter")
        XCTAssertEqual(failingLine(AnswerScript.read("b\na\ntrue\npsi\n1\n.\nA,B,C\nextra\n", questions: quiz.quiz, orders: orders)), 8)
    }

    private func failingLine(_ result: Result<[QuizResponse], AnswerScript.Problem>) -> Int? {
        if case .failure(let problem) = result { return problem.line }
        return nil
    }

    func testLettersFollowTheShownOrder() throws {
        let quiz = try lesson("### Pick\n- [ ] a\n- [x] b\n- [ ] c\n")
        let shown = DisplayOrder(shown: [2, 1, 0])
        let response = try AnswerScript.read("C\n", questions: quiz.quiz, orders: [shown]).get()
        XCTAssertEqual(response, [.choice([0])], "C on screen is the authored first option")
    }

    func testBalancedExamDrawsFromEverySection() throws {
        let pools = try (0..<5).map { section in
            try lesson((0..<6).map { "### S\(section) Q\($0)\nAnswer: x\n" }.joined(separator: "\n")).quiz
        }
        let plan = QuizPlan.make(pools: pools, count: 10, balanced: true, seed: 7, shuffleOptions: false)
        XCTAssertEqual(plan.questions.count, 10)
        for section in 0..<5 {
            XCTAssertEqual(plan.questions.filter { $0.title.unescaped.hasPrefix("S\(section) ") }.count, 2, "two from each of five sections")
        }
        XCTAssertEqual(plan.questions.map(\.id), QuizPlan.make(pools: pools, count: 10, balanced: true, seed: 7, shuffleOptions: false).questions.map(\.id))
    }
}
