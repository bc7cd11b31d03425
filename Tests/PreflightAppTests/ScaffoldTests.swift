import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import TestSupport
import XCTest

/// What `preflight new` writes: every section role stubbed, clean under `lint --strict`, in the
/// places the loader reads, and nothing existing overwritten.
final class ScaffoldTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func lint(_ root: URL) -> [Diagnostic] {
        let report = CourseLint.run(root: root, searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "", checks: .keyCheck)
        return LintPolicy.apply(report.diagnostics, allowances: report.allowances, strict: true)
    }

    func testANewCourseHasEveryRoleAndLintsCleanUnderStrict() throws {
        let project = folder.appendingPathComponent("My Course!")
        try Scaffold.course(at: project, title: nil).create(paths: DisplayPaths(base: folder))
        let root = project.appendingPathComponent("lessons")
        XCTAssertEqual(lint(root).map(DiagnosticReport.line), [])
        let course = try XCTUnwrap(CourseLoader.load(root).course)
        XCTAssertEqual(course.config.id, "my-course")
        XCTAssertEqual(course.config.title.unescaped, "My Course")
        let lesson = try XCTUnwrap(course.lessons.first)
        XCTAssertEqual(Set(lesson.sections.compactMap(\.role)), Set(SectionRole.allCases), "every role is stubbed")
        XCTAssertEqual(lesson.examples.count, 1)
        XCTAssertEqual(Set(lesson.quiz.map(\.kind)), [.singleChoice, .shortAnswer, .predictOutput])
        XCTAssertEqual(lesson.interviewQuestions.count, 1)
        let (exercises, problems) = ExerciseLoader.load(course: course)
        XCTAssertEqual(problems.map(DiagnosticReport.line), [])
        XCTAssertEqual(exercises.map(\.id), ["first-exercise"])
        XCTAssertEqual(exercises.first?.lessonID, lesson.id)
    }

    func testANewLessonTakesTheNextNumberAndAnyTitleReadsBack() throws {
        try Scaffold.course(at: folder, title: "Course").create(paths: DisplayPaths(base: folder))
        let root = folder.appendingPathComponent("lessons")
        let title = #"Rollback: "fast" *and* `safe` \ [1] <b> & #2 | ~x_"#
        let scaffold = try Scaffold.lesson(in: try XCTUnwrap(CourseLoader.load(root).course), section: "getting-started", title: title, id: nil)
        XCTAssertEqual(scaffold.files.map { $0.url.lastPathComponent }, ["02-rollback-fast-and-safe-1-b-2-x.md"])
        try scaffold.create(paths: DisplayPaths(base: folder))
        XCTAssertEqual(lint(root).map(DiagnosticReport.line), [])
        let course = try XCTUnwrap(CourseLoader.load(root).course)
        XCTAssertEqual(course.lesson(id: "rollback-fast-and-safe-1-b-2-x")?.title.unescaped, title)
        XCTAssertThrowsError(try Scaffold.lesson(in: course, section: "getting-started", title: title, id: nil), "the id exists")
        XCTAssertThrowsError(try Scaffold.lesson(in: course, section: "nowhere", title: "X", id: nil)) { error in
            XCTAssertTrue((error as? AppError)?.message.contains("no section `nowhere` in course.yaml (sections: getting-started)") == true, "\(error)")
        }
        XCTAssertThrowsError(try Scaffold.lesson(in: course, section: "getting-started", title: "two\nlines", id: nil))
        XCTAssertThrowsError(try Scaffold.lesson(in: course, section: "getting-started", title: "!!!", id: nil)) { error in
            XCTAssertTrue("\(error)".contains("--id"), "\(error)")
        }
    }

    func testALessonInASectionWithoutAFolderGetsOneInCourseOrder() throws {
        try Scaffold.course(at: folder, title: "Course").create(paths: DisplayPaths(base: folder))
        let root = folder.appendingPathComponent("lessons")
        let yaml = root.appendingPathComponent("course.yaml")
        try (String(contentsOf: yaml, encoding: .utf8) + "  - id: later\n    title: Later\n    summary: Later things.\n").write(to: yaml, atomically: true, encoding: .utf8)
        let scaffold = try Scaffold.lesson(in: try XCTUnwrap(CourseLoader.load(root).course), section: "later", title: "Next Steps", id: "next")
        XCTAssertEqual(scaffold.files.first?.url.path, root.appendingPathComponent("02-later/01-next.md").path)
        try scaffold.create(paths: DisplayPaths(base: folder))
        XCTAssertEqual(lint(root).map(DiagnosticReport.line), [])
    }

    func testNothingIsOverwrittenAndNothingHalfMade() throws {
        let lessons = folder.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try "mine\n".write(to: lessons.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Scaffold.course(at: folder, title: nil).create(paths: DisplayPaths(base: folder))) { error in
            XCTAssertTrue("\(error)".contains("lessons/course.yaml"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: lessons.appendingPathComponent("course.yaml"), encoding: .utf8), "mine\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("exercises").path), "nothing else was made")
    }
}
