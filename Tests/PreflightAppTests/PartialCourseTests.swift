import Foundation
import PreflightApp
import PreflightCore
import TestSupport
import XCTest

/// A course with a broken lesson: the learner's commands still reach every lesson that loads,
/// the broken one is listed with its first error, and what vouches for the whole course fails.
final class PartialCourseTests: XCTestCase {
    private func brokenFixture(_ name: String = "good") throws -> AppFixture {
        let fixture = try AppFixture(name)
        // A draft with no `id`: the example.
        try "---\ntitle: Draft\nsummary: S.\n---\n\n# Draft\n\nUnfinished.\n".write(
            to: fixture.course.appendingPathComponent("01-basics/01-draft.md"), atomically: true, encoding: .utf8)
        return fixture
    }

    func testTheLessonsThatLoadStayUsableAndTheBrokenOneIsListedWithItsError() throws {
        let fixture = try brokenFixture()
        defer { fixture.remove() }
        XCTAssertThrowsError(try fixture.open(), "the strict opening still refuses") { error in
            XCTAssertEqual((error as? AppError)?.exitCode, 65)
        }
        let opened = try OpenedCourse.openAvailable(fixture.address)
        XCTAssertEqual(opened.course.lessons.map(\.id), ["first-lesson", "second-lesson"])
        XCTAssertEqual(opened.unavailable.map(\.file), ["01-basics/01-draft.md"])
        XCTAssertNil(opened.unavailable[0].lessonID, "it has no id")
        XCTAssertEqual(opened.unavailable[0].problem.location.file, "01-basics/01-draft.md")
        XCTAssertEqual(opened.unavailable[0].problem.severity, .error)
        let order = opened.entries().map { entry -> String in
            switch entry {
            case .lesson(let lesson): return lesson.id
            case .unavailable(let broken): return broken.file
            }
        }
        XCTAssertEqual(order, ["01-basics/01-draft.md", "first-lesson", "second-lesson"], "listed where its file stands")
        XCTAssertTrue(opened.unavailableNote?.contains("1 lesson is unavailable: 01-basics/01-draft.md:") == true, opened.unavailableNote ?? "")
        XCTAssertEqual(try opened.lessons(named: ["second-lesson"]).map(\.id), ["second-lesson"])
        XCTAssertThrowsError(try opened.lessons(named: ["01-basics/01-draft.md"])) { error in
            let appError = error as? AppError
            XCTAssertTrue(appError?.message.contains("cannot be opened") == true, "\(error)")
            XCTAssertEqual(appError?.diagnostics.first?.location.file, "01-basics/01-draft.md", "with its errors")
        }
    }

    func testALessonWithAnErrorOfItsOwnIsUnavailableByItsId() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let second = fixture.course.appendingPathComponent("01-basics/02-second.md")
        // A quiz question with no answer: the file loads, with an error in it.
        let text = try String(contentsOf: second, encoding: .utf8) + "\n## Quiz\n\n### Unanswered?\n\nNo answer block.\n"
        try text.write(to: second, atomically: true, encoding: .utf8)
        let opened = try OpenedCourse.openAvailable(fixture.address)
        XCTAssertEqual(opened.course.lessons.map(\.id), ["first-lesson"])
        XCTAssertEqual(opened.unavailable.map(\.lessonID), ["second-lesson"])
        XCTAssertEqual(opened.unavailable[0].title, "Second Lesson")
        XCTAssertThrowsError(try opened.lessons(named: ["second-lesson"])) { error in
            XCTAssertTrue("\(error)".contains("lesson `second-lesson` cannot be opened"), "\(error)")
        }
        let check = CourseCheck(lessons: opened.course.lessons, course: opened.outline, book: nil, options: .init(jobs: 1), unavailable: opened.unavailable)
        let outcome = try check.run()
        XCTAssertTrue(outcome.results.allSatisfy(\.verdict.passed), "the lessons that load are checked, and pass")
        XCTAssertFalse(outcome.allPassed, "but the whole course does not pass")
        XCTAssertTrue(CheckReport.textSummary(outcome).contains("1 lesson not checked"), CheckReport.textSummary(outcome))
        XCTAssertTrue(try CheckReport.json(outcome).contains("\"verdict\" : \"load-error\""), "a failed result of its own")
        let problem = opened.unavailable[0].problem
        XCTAssertTrue(CheckReport.junit(outcome).contains("type=\"\(problem.id)\""), "named by its diagnostic's id")
    }

    func testErrorsOutsideEveryLessonStillRefuseTheCourse() throws {
        let fixture = try AppFixture("good")
        defer { fixture.remove() }
        let yaml = fixture.course.appendingPathComponent("course.yaml")
        try (try String(contentsOf: yaml, encoding: .utf8)).replacingOccurrences(of: "id: fixture-course\n", with: "").write(to: yaml, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OpenedCourse.openAvailable(fixture.address)) { error in
            XCTAssertEqual((error as? AppError)?.exitCode, 65)
            XCTAssertEqual((error as? AppError)?.diagnostics.first?.location.file, "course.yaml")
        }
    }

    func testExercisesStillOpenWhenALessonIsBroken() throws {
        let fixture = try brokenFixture("exercise-course")
        defer { fixture.remove() }
        let opened = try OpenedCourse.openAvailable(fixture.address)
        XCTAssertEqual(opened.unavailable.count, 1)
        let session = try ExerciseSession.open(opened, book: try ProgressBook.open(opened))
        XCTAssertEqual(session.exercises.map(\.id), ["add"])
    }

    func testMistypedNamesGetTheNearestId() throws {
        let opened = try OpenedCourse.openAvailable(CourseAddress(course: TestPaths.shippedCourse.path, environment: [:]))
        for typed in ["latancy", "Latency", "LATENCY"] {
            XCTAssertThrowsError(try opened.lessons(named: [typed])) { error in
                XCTAssertTrue("\(error)".contains("did you mean `latency`?"), "\(typed): \(error)")
            }
        }
        XCTAssertThrowsError(try opened.lessons(named: ["performance-testing"])) { error in
            XCTAssertTrue("\(error)".contains("is a section, not a lesson; its lessons are: load-testing, stress-testing, latency"), "\(error)")
        }
        XCTAssertThrowsError(try opened.lessons(named: ["perfomance-testing"], allowSections: true)) { error in
            XCTAssertTrue("\(error)".contains("did you mean `performance-testing`?"), "\(error)")
        }
        XCTAssertThrowsError(try opened.lessons(named: ["zzzz"])) { error in
            XCTAssertFalse("\(error)".contains("did you mean"), "nothing is near: \(error)")
        }
        XCTAssertEqual(Suggestions.closest(to: "qiuz", among: ["learn", "quiz", "review"]), "quiz", "a swap of neighbours is one mistake")
        XCTAssertNil(Suggestions.closest(to: "q", among: ["quiz"]), "one letter is not a guess")
    }
}
