import Foundation
import PreflightCore
import XCTest

final class CourseRuleTests: XCTestCase {
    func testGoodCourseLoadsCleanInOrder() {
        let result = Fixture.course("good")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.course?.config.id, "fixture-course")
        XCTAssertEqual(result.course?.lessons.map(\.id), ["first-lesson", "second-lesson"])
        XCTAssertEqual(result.course?.lessons.map(\.sectionID), ["basics", "basics"])
    }

    func testDuplicateIdsAreReportedAtTheSecondLesson() {
        let errors = Fixture.course("courses/duplicate-ids").diagnostics.errors
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors[0].location.file, "01-basics/02-b.md")
        XCTAssertEqual(errors[0].location.line, 2)
        XCTAssertTrue(errors[0].message.contains("duplicate lesson id `same`"))
    }

    func testRequiresCycleAndUnknownLesson() {
        let errors = Fixture.course("courses/cycle").diagnostics.errors
        XCTAssertEqual(errors.count, 2)
        let cycle = errors.first { $0.message.contains("cycle") }
        XCTAssertEqual(cycle?.location.file, "01-basics/01-a.md")
        XCTAssertEqual(cycle?.location.line, 5)
        XCTAssertTrue(cycle?.message.contains("a -> c -> b -> a") ?? false)
        let unknown = errors.first { $0.message.contains("unknown lesson `ghost`") }
        XCTAssertEqual(unknown?.location.file, "01-basics/03-c.md")
        XCTAssertEqual(unknown?.location.line, 7)
    }

    func testStrayFoldersAndFiles() {
        let errors = Fixture.course("courses/stray").diagnostics.errors
        let messages = errors.map(\.message)
        XCTAssertEqual(errors.count, 3, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("section folder `02-extra` is not in course.yaml") })
        XCTAssertTrue(errors.contains { $0.location.file == "loose.md" && $0.message.contains("outside any section") })
        XCTAssertTrue(errors.contains { $0.location.file == "notes" && $0.message.contains("not named `NN-<section-id>`") })
    }

    func testBrokenCourseYAMLNamesTheFileAndLine() {
        let result = Fixture.course("courses/broken-yaml")
        XCTAssertNil(result.course)
        XCTAssertEqual(result.diagnostics.map(\.location.file), ["course.yaml"])
        XCTAssertEqual(result.diagnostics.first?.location.line, 6)
    }

    func testMissingCourseYAML() throws {
        let folder = try TestPathsHelper.copyGoodCourse()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("course.yaml"))
        let result = CourseLoader.load(folder)
        XCTAssertNil(result.course)
        XCTAssertTrue(result.diagnostics.first?.message.contains("course.yaml is missing") ?? false)
    }

    func testLocatorPrefersFlagThenEnvironmentThenNearestLessonsFolder() throws {
        let folder = try TestPathsHelper.copyGoodCourse()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("01-basics")
        XCTAssertEqual(try CourseLocator.locate(explicit: folder.path, environment: [:], workingDirectory: nested).get().path, folder.standardizedFileURL.path)
        XCTAssertEqual(try CourseLocator.locate(explicit: nil, environment: ["PREFLIGHT_COURSE": folder.path], workingDirectory: URL(fileURLWithPath: "/")).get().path, folder.standardizedFileURL.path)
        XCTAssertEqual(try CourseLocator.locate(explicit: nil, environment: [:], workingDirectory: nested).get().path, folder.standardizedFileURL.path)
        XCTAssertEqual(CourseLocator.locate(explicit: nested.path, environment: [:], workingDirectory: folder), .failure(.noCourseFile(nested.path)))
    }
}
