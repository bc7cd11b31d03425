import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PreflightApp
import PreflightCore
import XCTest

final class CourseCheckTests: XCTestCase {
    func testCheckRunsRemembersPassesAndReportsInEveryFormat() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let book = try ProgressBook.open(opened)
        let check = CourseCheck(lessons: opened.course.lessons, course: opened.outline, book: book, options: .init(jobs: 2))
        let first = try check.run()
        XCTAssertTrue(first.allPassed, first.results.map(CheckReport.textBlock).joined(separator: "\n"))
        XCTAssertTrue(first.containment?.hasPrefix("Examples ran in: ") == true)
        let second = try check.run()
        XCTAssertTrue(second.results.allSatisfy(\.fromCache), "nothing runs again")
        XCTAssertNil(second.containment, "nothing ran, so there is nothing to report about protection")
        XCTAssertTrue(CheckReport.textSummary(second).contains("results came from the cache"))
        let json = try JSONSerialization.jsonObject(with: Data(try CheckReport.json(first).utf8)) as? [String: Any]
        XCTAssertEqual(json?["failed"] as? Int, 0)
        XCTAssertEqual((json?["results"] as? [Any])?.count, first.results.count)
        let xml = try XMLDocument(data: Data(CheckReport.junit(first).utf8))
        XCTAssertEqual(try xml.nodes(forXPath: "//testcase").count, first.results.count)
    }

    func testAFailureReadsWithFileLineAndDiff() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let lesson = fixture.course.appendingPathComponent("01-basics/01-first.md")
        let text = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "```\nhello\n```", with: "```\nhallo\n```")
        try text.write(to: lesson, atomically: true, encoding: .utf8)
        let opened = try fixture.open()
        let outcome = try CourseCheck(lessons: [opened.course.lessons[0]], course: opened.outline, book: nil, options: .init(jobs: 1)).run()
        XCTAssertFalse(outcome.allPassed)
        let failure = try XCTUnwrap(outcome.results.first { !$0.verdict.passed })
        let block = CheckReport.textBlock(failure)
        XCTAssertTrue(block.contains("01-basics/01-first.md:24:1: output differs"), block)
        XCTAssertTrue(block.contains("-hallo") && block.contains("+hello"), block)
    }
}
