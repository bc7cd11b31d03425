import Foundation
import PreflightApp
import PreflightCore
import XCTest

/// `preflight export html` as a use case: the site says which examples `preflight check` proved,
/// and when, from the learner's progress database; folders it must not or cannot write are
/// refused with the exit code that says which.
final class SiteExportUseCaseTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws { fixture = try AppFixture("good") }
    override func tearDownWithError() throws { fixture.remove() }

    private func page(_ path: String, in site: URL) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testPagesSayWhenCheckLastProvedEachExampleUntilItChanges() throws {
        var opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        let site = fixture.folder.appendingPathComponent("site")
        let examples = opened.course.lessons[0].examples.count
        XCTAssertGreaterThan(examples, 1)

        _ = try SiteExport.run(opened, book: book, to: site, withSolutions: false, now: nil)
        XCTAssertEqual(count("Not verified by <code>preflight check</code>", in: try page("lesson-first-lesson.html", in: site)), examples, "nothing checked yet")

        let outcome = try CourseCheck(lessons: opened.course.lessons, course: opened.outline, book: book, options: .init(jobs: 2)).run()
        XCTAssertTrue(outcome.allPassed)
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        _ = try SiteExport.run(opened, book: book, to: site, withSolutions: false, now: nil)
        let checked = try page("lesson-first-lesson.html", in: site)
        XCTAssertEqual(count("Output verified by <code>preflight check</code> on <time datetime=\"\(today)\">", in: checked), examples)
        XCTAssertTrue(try page("data/quiz-first-lesson.js", in: site).contains("\"verified\":\"\(today)\""), "the predict-the-output question too")

        // An example changed since the check is no longer proved by it.
        let lesson = fixture.course.appendingPathComponent("01-basics/01-first.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "```sh timeout=2", with: "```sh timeout=3")
        XCTAssertNotEqual(changed, text)
        try changed.write(to: lesson, atomically: true, encoding: .utf8)
        opened = try fixture.open()
        _ = try SiteExport.run(opened, book: book, to: site, withSolutions: false, now: nil)
        let edited = try page("lesson-first-lesson.html", in: site)
        XCTAssertEqual(count("Output verified by", in: edited), examples - 1)
        XCTAssertEqual(count("Not verified by", in: edited), 1)

        _ = try SiteExport.run(opened, book: nil, to: site, withSolutions: false, now: nil)
        XCTAssertEqual(count("Output verified by", in: try page("lesson-first-lesson.html", in: site)), 0, "no database, no dates")
    }

    func testAFolderOfOtherFilesIsAUsageErrorAndOneThatCannotBeMadeIs73() throws {
        let opened = try fixture.open()
        let notes = fixture.folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try "mine".write(to: notes.appendingPathComponent("todo.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SiteExport.run(opened, book: nil, to: notes, withSolutions: false, now: nil)) { error in
            XCTAssertEqual((error as? AppError)?.exitCode, 64, "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: notes.path), ["todo.txt"], "left untouched")
        let underAFile = notes.appendingPathComponent("todo.txt/site")
        XCTAssertThrowsError(try SiteExport.run(opened, book: nil, to: underAFile, withSolutions: false, now: nil)) { error in
            XCTAssertEqual((error as? AppError)?.exitCode, 73, "\(error)")
            XCTAssertTrue("\(error)".contains("cannot write"), "\(error)")
        }
    }
}
