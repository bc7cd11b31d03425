import Foundation
import PreflightCore
import TestSupport
import XCTest

/// The course Preflight ships must always load without errors, and lint clean even with
/// `--strict` (python3 and sh on PATH, as `make` installs them).
final class ShippedCourseTests: XCTestCase {
    func testShippedCourseLintsClean() throws {
        let report = CourseLint.run(root: TestPaths.shippedCourse, searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "")
        let strict = LintPolicy.apply(report.diagnostics, allowances: report.allowances, strict: true)
        XCTAssertEqual(strict.map { "\($0.location.file):\($0.location.line): [\($0.id)] \($0.message)" }, [])
        let result = CourseLoader.load(TestPaths.shippedCourse)
        let course = try XCTUnwrap(result.course)
        XCTAssertEqual(course.config.sections.first?.id, "overview")
        XCTAssertEqual(course.config.sections.count, 11, "the outline's nine topic sections, the overview, and Beyond the Checklist")
        XCTAssertEqual(course.lessons.first?.id, "production-deployment-checklist", "the course opens with the overview lesson")
    }
}
