import Foundation
import PreflightCore
import XCTest

/// `former_ids`: read from front matter, checked across the course, and what a progress database
/// tells lint about renames made without it.
final class RenameRuleTests: XCTestCase {
    func testFormerIDsAreReadAndCheckedAcrossTheCourse() throws {
        let result = Fixture.course("courses/renames")
        let lines = result.diagnostics.sortedByLocation().map { "\($0.location.file):\($0.location.line):\($0.location.column): [\($0.id)] \($0.message)" }
        XCTAssertEqual(lines, [
            "01-basics/01-a.md:5:21: [rename.former-id-in-use] `former_ids` lists `b`, which is the id of lesson 01-basics/02-b.md; learners' progress under it would be moved to `a`. List only ids no lesson has now",
            "01-basics/01-a.md:5:24: [rename.bad-former-id] `former_ids` entry `Not_An_Id` is not a lesson id (kebab-case); list the ids this lesson had before it was renamed",
            "01-basics/02-b.md:6:5: [rename.duplicate-former-id] `old-a` is also a former id of `a` (01-basics/01-a.md); progress stored under it can be carried to one lesson only",
            "01-basics/02-b.md:7:5: [rename.former-id-in-use] `former_ids` lists `b`, which is this lesson's own id; learners' progress under it would be moved to `b`. List only ids no lesson has now",
            "01-basics/03-c.md:5:12: [requires.unknown-lesson] `requires` names unknown lesson `old-a`",
        ])
        XCTAssertEqual(result.course?.lesson(id: "a")?.formerIDs, ["old-a", "b"])
        let unknown = try XCTUnwrap(result.diagnostics.first { $0.id == "requires.unknown-lesson" })
        XCTAssertEqual(unknown.notes.first, "`old-a` was renamed `a` (its `former_ids` say so); require `a`")
    }

    func testARenameWithoutFormerIDsIsExplainedFromTheDatabase() throws {
        let course = try XCTUnwrap(Fixture.course("good").course)
        func check(index: [String: String], progress: Set<String>, in course: Course) -> [Diagnostic] {
            RenameCheck.diagnostics(course: course.outline, index: index, withProgress: progress,
                                    relativeFile: { "01-basics/" + URL(fileURLWithPath: $0.file).lastPathComponent }, database: "p.sqlite", courseFile: "course.yaml")
        }
        let first = try XCTUnwrap(course.lessons.first)
        let renamed = check(index: ["old-first": "01-basics/01-first.md", "second-lesson": "01-basics/02-second.md"], progress: ["old-first"], in: course)
        XCTAssertEqual(renamed.map(\.id), ["rename.missing-former-id"], "one warning: the file says which lesson it became")
        XCTAssertEqual(renamed.first?.location, first.location)
        XCTAssertTrue(renamed.first?.message.contains("this file was lesson `old-first` when the progress database p.sqlite last opened the course") == true, renamed.first?.message ?? "")
        XCTAssertEqual(check(index: [first.id: "01-basics/01-first.md"], progress: [first.id], in: course), [], "nothing renamed")

        var fixed = course
        fixed.lessons[0].formerIDs = ["old-first"]
        XCTAssertEqual(check(index: ["old-first": "01-basics/01-first.md"], progress: ["old-first"], in: fixed), [], "former_ids says it")

        let gone = check(index: ["gone": "01-basics/09-gone.md"], progress: ["gone"], in: course)
        XCTAssertEqual(gone.map(\.id), ["rename.orphaned-progress"])
        XCTAssertEqual(gone.first?.notes.first, "it was 01-basics/09-gone.md")
        XCTAssertEqual(check(index: ["gone": "01-basics/09-gone.md"], progress: [], in: course), [], "a removed lesson nobody started loses nothing")
    }
}
