import Foundation
import PreflightCore
import XCTest

/// One bad fixture per lint rule; each test asserts the exact line and column an author is sent to.
final class LintRuleTests: XCTestCase {
    private func assertSingleError(_ file: String, line: Int, column: Int = 1, id: String, contains fragment: String, _ source: StaticString = #filePath, _ sourceLine: UInt = #line) {
        let (_, diagnostics) = Fixture.lesson("lint/\(file)")
        let errors = diagnostics.errors
        XCTAssertEqual(errors.count, 1, "\(file): \(errors.map(\.message))", file: source, line: sourceLine)
        guard let error = errors.first else { return }
        XCTAssertEqual(error.location.file, "lint/\(file)", file: source, line: sourceLine)
        XCTAssertEqual(error.location.line, line, "\(file): \(error.message)", file: source, line: sourceLine)
        XCTAssertEqual(error.location.column, column, "\(file): \(error.message)", file: source, line: sourceLine)
        XCTAssertEqual(error.id, id, "\(file): \(error.message)", file: source, line: sourceLine)
        XCTAssertTrue(error.message.contains(fragment), "\(file): `\(error.message)` lacks `\(fragment)`", file: source, line: sourceLine)
    }

    func testMalformedFrontMatterPointsIntoTheYAML() { assertSingleError("malformed-front-matter.md", line: 4, column: 8, id: "yaml.syntax", contains: "not valid YAML") }
    func testMissingFrontMatter() { assertSingleError("missing-front-matter.md", line: 1, id: "frontmatter.missing", contains: "missing front matter") }
    func testUnclosedFrontMatter() { assertSingleError("unclosed-front-matter.md", line: 1, id: "frontmatter.unclosed", contains: "never closed") }
    func testMissingRequiredField() { assertSingleError("missing-summary.md", line: 2, id: "frontmatter.missing-field", contains: "missing required field `summary`") }
    func testIdMustBeKebabCase() { assertSingleError("bad-id.md", line: 2, column: 5, id: "frontmatter.id-not-kebab", contains: "kebab-case") }
    func testMissingH1() { assertSingleError("missing-h1.md", line: 3, id: "lesson.no-title", contains: "no H1 title") }
    func testSecondH1() { assertSingleError("two-h1.md", line: 11, id: "lesson.extra-title", contains: "one H1 title") }
    func testEmptyFile() { assertSingleError("empty.md", line: 1, id: "file.empty", contains: "empty") }
    func testExampleWithoutExpectedOutput() { assertSingleError("example-without-output.md", line: 11, id: "example.no-output", contains: "no expected output") }
    func testExpectedOutputWithoutExample() { assertSingleError("output-without-example.md", line: 11, id: "example.output-without-example", contains: "without an example") }
    func testUnknownRunnerLanguage() { assertSingleError("unknown-runner.md", line: 11, id: "example.no-runner", contains: "no runner for example language `ruby`") }
    func testQuizQuestionWithoutAnswer() { assertSingleError("quiz-no-answer.md", line: 11, id: "quiz.no-answer-block", contains: "no answer block") }
    func testQuizQuestionWithTwoAnswerBlocks() { assertSingleError("quiz-two-answers.md", line: 16, id: "quiz.multiple-answer-blocks", contains: "more than one answer block") }
    func testChoiceWithoutCorrectOption() { assertSingleError("choice-no-correct.md", line: 13, id: "quiz.no-correct-option", contains: "no option marked `[x]`") }
    func testRegexThatDoesNotCompile() { assertSingleError("bad-regex.md", line: 13, column: 9, id: "answer.bad-regex", contains: "does not compile") }
    func testDuplicateChoiceOption() { assertSingleError("duplicate-option.md", line: 14, id: "quiz.duplicate-option", contains: "duplicate option") }
    func testDuplicateOrderingItem() { assertSingleError("duplicate-ordering-item.md", line: 15, id: "quiz.duplicate-item", contains: "duplicate item") }

    func testBadFrontMatterValuesAreAllReported() {
        let (_, diagnostics) = Fixture.lesson("lint/bad-fields.md")
        XCTAssertEqual(diagnostics.errors.map(\.location.line), [5, 6])
        XCTAssertTrue(diagnostics.errors[0].message.contains("`minutes`"))
        XCTAssertTrue(diagnostics.errors[1].message.contains("Not An Id"))
    }

    func testBadBlockOptionsAreAllReported() {
        let (_, diagnostics) = Fixture.lesson("lint/bad-options.md")
        XCTAssertEqual(diagnostics.errors.map(\.location.line), [11, 15])
    }

    func testInvalidUTF8IsReportedAtTheBadByte() {
        var bytes = Array("---\nid: x\ntitle: T\nsummary: S.\n---\n\n# T\n\nna".utf8)
        bytes += [0xC3, 0x28] + Array(" ve\n".utf8)
        let (lesson, diagnostics) = CourseLoader.loadLesson(data: Data(bytes), displayPath: "bad.md", config: Fixture.config, sectionID: "basics")
        XCTAssertNil(lesson)
        XCTAssertEqual(diagnostics.map(\.location.line), [9])
        XCTAssertEqual(diagnostics.first?.location.column, 3)
        XCTAssertTrue(diagnostics.first?.message.contains("not valid UTF-8") ?? false)
    }

    func testFileOverTheSizeLimitIsRejectedBeforeParsing() throws {
        var config = Fixture.config
        config.maxFileSize = 64
        let (lesson, diagnostics) = Fixture.lesson("good/01-basics/01-first.md", config: config)
        XCTAssertNil(lesson)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].message.contains("over the 64-byte limit"))
    }

    func testAMalformedFileDoesNotStopTheOthers() throws {
        let folder = try TestPathsHelper.copyGoodCourse()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("01-basics/03-garbage.md"))
        let result = CourseLoader.load(folder)
        XCTAssertEqual(result.course?.lessons.map(\.id), ["first-lesson", "second-lesson"])
        XCTAssertEqual(result.diagnostics.errors.count, 1)
        XCTAssertTrue(result.diagnostics.errors[0].location.file.hasSuffix("03-garbage.md"))
    }
}

enum TestPathsHelper {
    static func copyGoodCourse() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-course-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixture.url("good"), to: folder)
        return folder
    }
}
