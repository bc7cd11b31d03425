import PreflightCore
import TestSupport
import XCTest

/// The course Preflight ships must always load without errors.
final class ShippedCourseTests: XCTestCase {
    func testShippedCourseLintsClean() throws {
        let result = CourseLoader.load(TestPaths.shippedCourse)
        XCTAssertEqual(result.diagnostics.errors.map { "\($0.location.file):\($0.location.line): \($0.message)" }, [])
        let course = try XCTUnwrap(result.course)
        XCTAssertEqual(course.config.sections.first?.id, "overview")
        XCTAssertEqual(course.config.sections.count, 11, "the outline's nine topic sections, the overview, and Beyond the Checklist")
        XCTAssertEqual(course.lessons.first?.id, "production-deployment-checklist", "the course opens with the overview lesson")
    }
}
