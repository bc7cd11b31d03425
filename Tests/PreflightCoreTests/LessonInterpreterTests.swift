import Foundation
import PreflightCore
import XCTest

/// The interpreting layer: what the loader reads out of a well-formed lesson.
final class LessonInterpreterTests: XCTestCase {
    private var lesson: Lesson!

    override func setUpWithError() throws {
        let (loaded, diagnostics) = Fixture.lesson("good/01-basics/01-first.md")
        XCTAssertEqual(diagnostics, [])
        lesson = try XCTUnwrap(loaded)
    }

    func testFrontMatter() {
        XCTAssertEqual(lesson.id, "first-lesson")
        XCTAssertEqual(lesson.minutes, 10)
        XCTAssertEqual(lesson.tags, ["fixture"])
        XCTAssertEqual(lesson.sources, [LessonSource(title: "CommonMark spec", url: "https://spec.commonmark.org/")])
    }

    func testSectionsAndRoles() {
        XCTAssertEqual(lesson.sections.map(\.title), ["Introduction", "Syntax", "Example", "Expected Output", "More examples", "Interview Questions", "Quiz"])
        XCTAssertEqual(lesson.sections.map(\.role), [nil, .syntax, .example, .expectedOutput, nil, .interviewQuestions, .quiz])
        XCTAssertEqual(SectionRole(heading: "Line-by-Line Explanation"), .explanation)
        XCTAssertEqual(SectionRole(heading: "  example CODE: "), .example)
        XCTAssertEqual(SectionRole(heading: "Quick Summary"), .summary)
        XCTAssertNil(SectionRole(heading: "Background"))
    }

    func testExamplesPairWithTheirOutputAndOptions() {
        XCTAssertEqual(lesson.examples.count, 3, "the norun block is not an example")
        let first = lesson.examples[0]
        XCTAssertEqual(first.code, "print(\"hello\")\n")
        XCTAssertEqual(first.expected.text, "hello\n")
        XCTAssertEqual(first.location.line, 24)
        XCTAssertEqual(first.expected.location.line, 30)
        let failing = lesson.examples[1]
        XCTAssertEqual(failing.language, "sh")
        XCTAssertEqual(failing.timeout, 2)
        XCTAssertEqual(failing.expected.options, OutputOptions(stream: .stderr, exitCode: 3))
        XCTAssertEqual(lesson.examples[2].expected.options, OutputOptions(ellipsis: true, ignoreWhitespace: true))
    }

    func testInterviewQuestions() {
        XCTAssertEqual(lesson.interviewQuestions.map(\.question), ["Why check examples?", "What is a canary?"])
        XCTAssertEqual(lesson.interviewQuestions[0].answer.first?.plainText, "Because a stale example teaches the wrong thing.")
    }

    func testEveryQuizType() throws {
        XCTAssertEqual(lesson.quiz.map(\.kind), [.singleChoice, .multipleChoice, .trueFalse, .shortAnswer, .shortAnswer, .predictOutput, .ordering])
        guard case .choice(let options) = lesson.quiz[0].answer else { return XCTFail("not a choice") }
        XCTAssertEqual(options.map(\.text), ["p50", "p99", "mean"])
        XCTAssertEqual(options[0].feedback, "The median hides the slowest requests.")
        XCTAssertEqual(lesson.quiz[0].prompt.map(\.plainText), ["Pick one."])
        XCTAssertEqual(lesson.quiz[0].explanation, "The 99th percentile describes the slowest 1% of requests.")
        guard case .shortAnswer(let keys) = lesson.quiz[3].answer else { return XCTFail("not short answer") }
        XCTAssertEqual(keys, [.text("PSI"), .text("population stability index"), .regex("psi[- ]?score")])
        guard case .shortAnswer(let numeric) = lesson.quiz[4].answer else { return XCTFail("not short answer") }
        XCTAssertEqual(numeric, [.number(value: 0.8, tolerance: 0.01, allowsPercent: true)])
        guard case .predictOutput(let example) = lesson.quiz[5].answer else { return XCTFail("not predict") }
        XCTAssertEqual(example.code, "print(sum([1, 2, 3]))\n")
        XCTAssertEqual(example.expected.text, "6\n")
        guard case .ordering(let items) = lesson.quiz[6].answer else { return XCTFail("not ordering") }
        XCTAssertEqual(items, ["shadow", "canary", "full rollout"])
    }

    func testQuestionIdsSurviveReordering() throws {
        let a = "---\nid: l\ntitle: L\nsummary: S.\n---\n\n# L\n\n## Quiz\n\n### One\n\nAnswer: 1\n\nExplanation: e.\n\n### Two\n\nAnswer: 2\n\nExplanation: e.\n"
        let b = "---\nid: l\ntitle: L\nsummary: S.\n---\n\n# L\n\n## Quiz\n\n### New\n\nAnswer: 0\n\nExplanation: e.\n\n### Two\n\nAnswer: 2\n\nExplanation: e.\n\n### One\n\nAnswer: 1\n\nExplanation: e.\n"
        let first = try XCTUnwrap(Fixture.lesson(markdown: a).0).quiz
        let second = try XCTUnwrap(Fixture.lesson(markdown: b).0).quiz
        XCTAssertEqual(first.first { $0.title == "One" }?.id, second.first { $0.title == "One" }?.id)
        XCTAssertEqual(first.first { $0.title == "Two" }?.id, second.first { $0.title == "Two" }?.id)
        XCTAssertNotEqual(first[0].id, first[1].id)
        XCTAssertTrue(first[0].id.hasPrefix("l/q-"))
    }

    func testMarkdownTreeKeepsPositionsAndFences() {
        let tree = CommonMarkParser.parse("# T\n\n    indented\n\n> ```py\n> x\n> ```\n\nSome *em* and `code`.\n").document
        XCTAssertEqual(tree.children.map(\.start.line), [1, 3, 5, 9])
        guard case .codeBlock(_, _, let fenced) = tree.children[1].kind else { return XCTFail() }
        XCTAssertFalse(fenced)
        guard case .codeBlock(let info, _, let quotedFenced) = tree.children[2].children[0].kind else { return XCTFail() }
        XCTAssertEqual(info, "py")
        XCTAssertTrue(quotedFenced)
        XCTAssertEqual(tree.children[3].plainText, "Some em and code.")
    }

    func testColumnsCountCharactersNotBytes() {
        let (_, diagnostics) = Fixture.lesson(markdown: "---\nid: é-bad\ntitle: T\nsummary: S.\n---\n\n# T\n")
        XCTAssertEqual(diagnostics.errors.first?.location.column, 5)
        let tree = CommonMarkParser.parse("- é\n\n  ééé *x*\n").document
        XCTAssertEqual(tree.children[0].children[0].children[1].start.column, 3)
    }
}
