import Foundation
import PreflightApp
import PreflightCore
import XCTest

final class LintAndExampleTests: XCTestCase {
    func testLintRunsTheWholePipelineAnswerKeysIncluded() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        XCTAssertFalse(try CourseLinting.run(fixture.address, paths: [], strict: true).hasErrors)
        let lesson = fixture.course.appendingPathComponent("01-basics/01-first.md")
        // A key that cannot accept itself: the regex accepts an empty answer.
        let broken = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "`/psi[- ]?score/`", with: "`/.*/`")
        try broken.write(to: lesson, atomically: true, encoding: .utf8)
        let result = try CourseLinting.run(fixture.address, paths: [], strict: false)
        XCTAssertTrue(result.hasErrors)
        XCTAssertEqual(result.diagnostics.filter(\.severity.isError).map(\.id), ["quiz.key-self-check"])
        XCTAssertThrowsError(try CourseLinting.run(fixture.address, paths: ["no/such.md"], strict: false)) { error in
            XCTAssertEqual((error as? AppError)?.exitCode, 64)
        }
    }

    func testRunningALessonsExamplesRecordsThemForCompletion() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        let lesson = opened.course.lessons[0]
        let session = ExampleSession(config: opened.course.config, book: book)
        defer { session.close() }
        let runs = try session.run(lesson.examples)
        XCTAssertEqual(runs.map(\.passed), Array(repeating: true, count: lesson.examples.count))
        XCTAssertEqual(runs.first?.stdout, "hello\n")
        XCTAssertEqual(try book.examplesRun(lessonID: lesson.id), Set(lesson.examples.map(\.index)))
    }
}

extension Diagnostic.Severity {
    var isError: Bool { self == .error }
}
