import Foundation
import PreflightCore
import XCTest

/// `--strict` and the author's `preflight-lint: allow` comments, as the pure policy applies them.
final class LintPolicyTests: XCTestCase {
    private func at(_ file: String, _ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    func testAllowCommentsAreReadFromHTMLCommentsNotFromCode() throws {
        let lesson = try XCTUnwrap(Fixture.lesson("lint/allowances.md").0)
        let allowed = lesson.lintAllowances.map { "\($0.location.line):\($0.location.column) \($0.id) \($0.isWellFormed)" }
        XCTAssertEqual(allowed, [
            "9:1 heading.near-miss-role true", "9:1 quiz.no-explanation true", "22:1 quiz.no-answer-block true",
            "23:1 no.such-id true", "24:1 preflight-lint: silence heading.near-miss-role false",
        ])
    }

    func testAllowedWarningsGoAndCommentsThatCannotAllowAreReported() throws {
        let (lesson, diagnostics) = Fixture.lesson("lint/allowances.md")
        XCTAssertEqual(Set(diagnostics.map(\.id)), ["heading.near-miss-role", "quiz.no-explanation"])
        let result = LintPolicy.apply(diagnostics, allowances: try XCTUnwrap(lesson).lintAllowances, strict: false)
        XCTAssertEqual(result.map { "\($0.location.line) \($0.severity) \($0.id)" }, [
            "22 warning lint.cannot-allow-error", "23 warning lint.unknown-id", "24 warning lint.bad-comment",
        ])
    }

    func testAnAllowanceCoversItsOwnFileOnly() {
        let warning = Diagnostic.warning(at("b.md", 3), "near miss", id: "heading.near-miss-role")
        let allowance = LintAllowance(id: "heading.near-miss-role", location: at("a.md", 1))
        XCTAssertEqual(LintPolicy.apply([warning], allowances: [allowance], strict: false), [warning])
        XCTAssertEqual(LintPolicy.apply([warning], allowances: [LintAllowance(id: "heading.near-miss-role", location: at("b.md", 9))], strict: false), [])
    }

    func testStrictMakesWarningsErrorsButKeepsAllowedOnesOut() {
        let kept = Diagnostic.warning(at("a.md", 3), "no explanation", id: "quiz.no-explanation")
        let allowed = Diagnostic.warning(at("a.md", 5), "near miss", id: "heading.near-miss-role")
        let error = Diagnostic.error(at("a.md", 7), "no answer", id: "quiz.no-answer-block")
        let result = LintPolicy.apply([kept, allowed, error], allowances: [LintAllowance(id: "heading.near-miss-role", location: at("a.md", 1))], strict: true)
        XCTAssertEqual(result.map(\.id), ["quiz.no-explanation", "quiz.no-answer-block"])
        XCTAssertTrue(result.allSatisfy { $0.severity == .error })
        XCTAssertTrue(result[0].notes.first?.contains("made an error by --strict") ?? false)
        XCTAssertEqual(result[1], error, "errors pass through unchanged")
        XCTAssertEqual(LintPolicy.apply([kept], allowances: [], strict: false), [kept], "without --strict a warning stays a warning")
    }

    func testErrorsCannotBeAllowed() {
        let error = Diagnostic.error(at("a.md", 7), "no answer", id: "quiz.no-answer-block")
        let result = LintPolicy.apply([error], allowances: [LintAllowance(id: "quiz.no-answer-block", location: at("a.md", 1))], strict: false)
        XCTAssertEqual(result.map(\.id), ["quiz.no-answer-block", "lint.cannot-allow-error"])
    }

    func testCourseYAMLCommentsAllowWarningsInCourseYAML() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-allow-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixture.url("courses/runners"), to: base)
        defer { try? FileManager.default.removeItem(at: base) }
        let yaml = base.appendingPathComponent("course.yaml")
        let before = CourseLint.run(root: base, searchPath: "/usr/bin:/bin", displayPath: Fixture.relative(to: base))
        XCTAssertEqual(before.diagnostics.map(\.id), ["runner.not-on-path"])
        XCTAssertEqual(LintPolicy.apply(before.diagnostics, allowances: before.allowances, strict: true).map(\.severity), [.error])
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try ("# preflight-lint: allow runner.not-on-path (the CI machines have no Fortran)\n" + text).write(to: yaml, atomically: true, encoding: .utf8)
        let after = CourseLint.run(root: base, searchPath: "/usr/bin:/bin", displayPath: Fixture.relative(to: base))
        XCTAssertEqual(after.allowances.map(\.id), ["runner.not-on-path"])
        XCTAssertEqual(LintPolicy.apply(after.diagnostics, allowances: after.allowances, strict: true), [])
    }
}
