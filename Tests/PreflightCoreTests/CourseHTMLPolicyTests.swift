import Foundation
import PreflightCore
import XCTest

/// `html:` in course.yaml decides whether raw HTML in lessons reaches the exported site as HTML.
final class CourseHTMLPolicyTests: XCTestCase {
    private func load(htmlLine: String?) throws -> CourseLoadResult {
        let folder = try TestPathsHelper.copyGoodCourse()
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let yaml = folder.appendingPathComponent("course.yaml")
        var text = try String(contentsOf: yaml, encoding: .utf8)
        if let htmlLine { text = text.replacingOccurrences(of: "timeout: 5\n", with: "timeout: 5\n\(htmlLine)\n") }
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        return CourseLoader.load(folder) { $0.lastPathComponent }
    }

    func testRawHTMLIsEscapedUnlessTheCourseAllowsIt() throws {
        XCTAssertEqual(try load(htmlLine: nil).course?.config.html, .escape)
        XCTAssertEqual(try load(htmlLine: "html: escape").course?.config.html, .escape)
        let allowed = try load(htmlLine: "html: allow")
        XCTAssertEqual(allowed.diagnostics, [])
        XCTAssertEqual(allowed.course?.config.html, .allow)
    }

    func testAnyOtherValueIsAnErrorAtItsLine() throws {
        let result = try load(htmlLine: "html: yes please")
        XCTAssertNil(result.course)
        let error = try XCTUnwrap(result.diagnostics.first { $0.severity == .error })
        XCTAssertEqual(error.location.file, "course.yaml")
        XCTAssertEqual(error.location.line, 4)
        XCTAssertTrue(error.message.contains("`html` must be `allow`"), error.message)
        XCTAssertEqual(error.id, "course.bad-value", "the catalog's id for a course.yaml field with the wrong kind of value")
    }
}
