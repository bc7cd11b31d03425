import Foundation
import PreflightApp
import PreflightCore
import XCTest

final class CourseOpeningTests: XCTestCase {
    func testACleanCourseOpensAndLessonsAreFoundByIdSectionAndFile() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let opened = try fixture.open()
        XCTAssertEqual(opened.course.lessons.map(\.id), ["first-lesson", "second-lesson"])
        XCTAssertEqual(try opened.lessons(named: ["second-lesson"]).map(\.id), ["second-lesson"])
        XCTAssertEqual(try opened.lessons(named: ["basics"], allowSections: true).map(\.id), ["first-lesson", "second-lesson"])
        XCTAssertEqual(try opened.lessons(named: ["01-basics/02-second.md", "second-lesson"]).map(\.id), ["second-lesson"], "each lesson once")
        XCTAssertThrowsError(try opened.lessons(named: ["basics"])) { error in
            XCTAssertEqual((error as? AppError)?.kind, .data, "a section is not a lesson unless the command allows it")
        }
    }

    func testACourseWithErrorsIsRefusedWithThem() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        try "---\ntitle: No id\nsummary: S.\n---\n\n# No id\n".write(to: fixture.course.appendingPathComponent("01-basics/03-broken.md"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try fixture.open()) { error in
            let appError = error as? AppError
            XCTAssertEqual(appError?.exitCode, 65)
            XCTAssertTrue(appError?.message.contains("preflight lint") == true)
            XCTAssertEqual(appError?.diagnostics.first?.location.file, "01-basics/03-broken.md")
        }
    }

    func testAMissingCourseSaysWhereItLooked() throws {
        let empty = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: NSTemporaryDirectory()), create: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let address = CourseAddress(environment: [:], paths: DisplayPaths(base: empty))
        XCTAssertThrowsError(try OpenedCourse.open(address)) { error in
            XCTAssertTrue((error as? AppError)?.message.contains("no course found") == true, "\(error)")
        }
    }
}
