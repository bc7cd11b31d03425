import Foundation
import PreflightApp
import PreflightCore
import XCTest

final class LessonPartsTests: XCTestCase {
    /// The fixture's first lesson: Introduction, Syntax, Example, Expected Output, More examples,
    /// Interview Questions, Quiz. Example 1's code is in Example and its output in Expected
    /// Output; examples 2 and 3 are under More examples.
    func testExamplesBelongToThePartsTheyStandIn() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let lesson = try fixture.open().course.lessons[0]
        let parts = LessonParts(lesson)
        XCTAssertEqual(parts.count, 7)
        XCTAssertEqual(parts.examples(inPart: 0).map(\.index), [], "the introduction has none")
        XCTAssertEqual(parts.examples(inPart: 2).map(\.index), [1])
        XCTAssertEqual(parts.examples(inPart: 3).map(\.index), [1], "its expected output stands here")
        XCTAssertEqual(parts.examples(inPart: 4).map(\.index), [2, 3])
        XCTAssertEqual(parts.partsWithExamples, [2, 3, 4])
        XCTAssertEqual(parts.examples(inPart: 99).map(\.index), [])
    }

    func testTheListFilterMatchesEveryWordInTheIdOrTitle() {
        XCTAssertTrue(LessonFilter.matches("lat", id: "latency", title: "Latency"))
        XCTAssertTrue(LessonFilter.matches("DATA drift", id: "data-drift-detection", title: "Data Drift Detection"))
        XCTAssertTrue(LessonFilter.matches("drift-det", id: "data-drift-detection", title: "Data Drift Detection"), "ids match too")
        XCTAssertFalse(LessonFilter.matches("drift latency", id: "data-drift-detection", title: "Data Drift Detection"), "every word")
        XCTAssertTrue(LessonFilter.matches("  ", id: "x", title: nil), "an empty filter keeps everything")
    }
}
