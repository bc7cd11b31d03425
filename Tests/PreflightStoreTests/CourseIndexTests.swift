import Foundation
import GRDB
import PreflightCore
import PreflightStore
import TestSupport
import XCTest

/// The course index kept in SQLite: which files an open reads again, and that what it reports
/// is what reading every file reports, whatever happened to the files or to the index.
final class CourseIndexTests: XCTestCase {
    private var folder: URL!
    private var course: URL { folder.appendingPathComponent("course") }
    private var indexFile: URL { folder.appendingPathComponent("state/course.index.sqlite") }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        try write("course.yaml", """
            id: index-course
            title: Index Course
            runners:
              python: python3 {file}
            sections:
              - id: basics
                title: Basics
                summary: The first section.
              - id: more
                title: More
                summary: The second section.
            """)
        try write("01-basics/01-first.md", lesson(id: "first", extra: "See [the notes](notes.txt).\n"))
        try write("01-basics/notes.txt", "notes\n")
        try write("01-basics/02-second.md", lesson(id: "second", requires: ["first"]))
        try write("02-more/01-third.md", lesson(id: "third", requires: ["second"]))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func lesson(id: String, requires: [String] = [], extra: String = "", answer: String = "[x]") -> String {
        let requiresLine = requires.isEmpty ? "" : "requires: [\(requires.joined(separator: ", "))]\n"
        return """
            ---
            id: \(id)
            title: Lesson \(id)
            summary: About \(id).
            \(requiresLine)---

            # Lesson \(id)

            \(extra)
            ## Example

            ```python
            print("\(id)")
            ```

            ```output
            \(id)
            ```

            ## Quiz

            ### Which one?

            - \(answer) This one
            - [ ] That one

            Explanation: This one.

            """
    }

    private func write(_ path: String, _ text: String) throws {
        let url = course.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func shown(_ url: URL) -> String {
        let prefix = course.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func open(engine: String = "test 1", checks: LessonChecks = .none, displayPath: ((URL) -> String)? = nil) throws -> CourseIndex {
        let result = CourseIndex.open(course, displayPath: displayPath ?? shown, checks: checks, engine: engine) { _ in
            try? CourseIndexStore(url: self.indexFile)
        }
        return try XCTUnwrap(result.index)
    }

    /// What reading every file reports, for comparison.
    private func fullRead(displayPath: ((URL) -> String)? = nil) -> CourseLoadResult {
        CourseLoader.load(course, displayPath: displayPath ?? shown)
    }

    private func assertSameAsFullRead(_ index: CourseIndex, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let full = fullRead()
        XCTAssertEqual(index.diagnostics, full.diagnostics, message, file: file, line: line)
        XCTAssertEqual(index.lintAllowances, full.lintAllowances, message, file: file, line: line)
        XCTAssertEqual(index.outline.lessons, full.course?.outline.lessons ?? [], message, file: file, line: line)
    }

    /// Files are stamped to the nanosecond, but a write within the clock's tick of a read could
    /// keep its stamp, so files this recent are re-read. Tests that count reuse make them older.
    private func age(_ path: String) throws {
        let url = course.appendingPathComponent(path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: url.path)
    }

    private func ageAll() throws {
        for path in ["01-basics/01-first.md", "01-basics/02-second.md", "02-more/01-third.md"] where FileManager.default.fileExists(atPath: course.appendingPathComponent(path).path) {
            try age(path)
        }
    }

    private func waitOutTheClockTick() { Thread.sleep(forTimeInterval: 2.1) }

    func testASecondOpenReadsNothingAndAnEditReadsOneFile() throws {
        try ageAll()
        let first = try open()
        XCTAssertEqual(first.refresh.parsed, 3)
        assertSameAsFullRead(first, "first open")
        // The ages were set just now: the change times are recent, so these are re-read (and
        // found unchanged) once; after that the stamps alone vouch for them.
        waitOutTheClockTick()
        let second = try open()
        XCTAssertEqual(second.refresh.parsed, 0)
        let third = try open()
        XCTAssertEqual([third.refresh.parsed, third.refresh.reused, third.refresh.rehashed, third.refresh.removed], [0, 3, 0, 0])
        XCTAssertTrue(third.refresh.stored)
        assertSameAsFullRead(third, "nothing changed")

        try write("01-basics/02-second.md", lesson(id: "second", requires: ["first"], answer: "[ ]"))
        let edited = try open()
        XCTAssertEqual(edited.refresh.parsed, 1)
        XCTAssertEqual(edited.refresh.reused, 2)
        XCTAssertTrue(edited.diagnostics.contains { $0.id == "quiz.no-correct-option" && $0.location.file == "01-basics/02-second.md" })
        assertSameAsFullRead(edited, "after an edit")
    }

    func testATouchedFileIsReadButNotParsed() throws {
        try ageAll()
        _ = try open()
        waitOutTheClockTick()
        _ = try open()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -30)], ofItemAtPath: course.appendingPathComponent("02-more/01-third.md").path)
        let touched = try open()
        XCTAssertEqual(touched.refresh.parsed, 0)
        XCTAssertEqual(touched.refresh.rehashed, 1)
        assertSameAsFullRead(touched, "after a touch")
    }

    func testAnEditThatKeepsTheSizeAndPutsBackTheModificationTimeIsStillSeen() throws {
        try ageAll()
        _ = try open()
        waitOutTheClockTick()
        _ = try open()
        let url = course.appendingPathComponent("01-basics/01-first.md")
        let before = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        let text = try String(contentsOf: url, encoding: .utf8)
        // `[x] This one` becomes `[ ] This one`: same size; then the old time is put back, as
        // `cp -p` or `tar` would. Only the change time, which no tool can set, tells.
        try Data(text.replacingOccurrences(of: "[x] This one", with: "[ ] This one").utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: try XCTUnwrap(before)], ofItemAtPath: url.path)
        let edited = try open()
        XCTAssertEqual(edited.refresh.parsed, 1)
        XCTAssertTrue(edited.diagnostics.contains { $0.id == "quiz.no-correct-option" })
        assertSameAsFullRead(edited, "after a same-size edit")
    }

    func testAFileChangedWithinTheClockTickIsNeverTrustedOnItsStamp() throws {
        let first = try open()
        XCTAssertEqual(first.refresh.parsed, 3)
        // Written just now: on the next open its stamp cannot vouch for it, so it is read again.
        let again = try open()
        XCTAssertEqual(again.refresh.reused, 0)
        XCTAssertEqual(again.refresh.rehashed, 3)
        assertSameAsFullRead(again, "recent files")
    }

    func testAddedDeletedAndRenamedFiles() throws {
        try ageAll()
        _ = try open()
        try write("02-more/02-fourth.md", lesson(id: "fourth", requires: ["third"]))
        let added = try open()
        XCTAssertEqual(added.outline.lessons.map(\.id), ["first", "second", "third", "fourth"])
        assertSameAsFullRead(added, "after an addition")

        try FileManager.default.removeItem(at: course.appendingPathComponent("01-basics/02-second.md"))
        let deleted = try open()
        XCTAssertEqual(deleted.refresh.removed, 1)
        XCTAssertTrue(deleted.diagnostics.contains { $0.id == "requires.unknown-lesson" && $0.message.contains("`second`") })
        assertSameAsFullRead(deleted, "after a deletion")

        try FileManager.default.moveItem(at: course.appendingPathComponent("02-more/01-third.md"), to: course.appendingPathComponent("01-basics/03-third.md"))
        let renamed = try open()
        XCTAssertEqual(renamed.outline.lessons.map(\.sectionID), ["basics", "basics", "more"])
        assertSameAsFullRead(renamed, "after a rename into another section")
    }

    func testBrokenFrontMatterAndTheRulesAcrossLessons() throws {
        try ageAll()
        _ = try open()
        try write("01-basics/01-first.md", "---\nid: first\ntitle: [unclosed\n---\n# Lesson first\n")
        let broken = try open()
        XCTAssertTrue(broken.diagnostics.contains { $0.id == "yaml.syntax" })
        // `second` requires `first`, whose id can still be made out: no second error for it.
        XCTAssertFalse(broken.diagnostics.contains { $0.id == "requires.unknown-lesson" })
        assertSameAsFullRead(broken, "after breaking front matter")

        try write("01-basics/01-first.md", lesson(id: "first", requires: ["third"]))
        let cycle = try open()
        XCTAssertTrue(cycle.diagnostics.contains { $0.id == "requires.cycle" })
        assertSameAsFullRead(cycle, "with a cycle")

        try write("02-more/01-third.md", lesson(id: "second"))
        let duplicate = try open()
        XCTAssertTrue(duplicate.diagnostics.contains { $0.id == "lesson.duplicate-id" })
        assertSameAsFullRead(duplicate, "with a duplicate id")
    }

    func testALinkTargetThatDisappearsIsReportedThoughTheLessonDidNotChange() throws {
        try ageAll()
        _ = try open()
        try FileManager.default.removeItem(at: course.appendingPathComponent("01-basics/notes.txt"))
        let gone = try open()
        XCTAssertEqual(gone.refresh.parsed, 0)
        XCTAssertTrue(gone.diagnostics.contains { $0.id == "link.missing-file" })
        assertSameAsFullRead(gone, "after removing a link target")
    }

    func testAnotherCourseYAMLEngineOrChecksReadsEverythingAgain() throws {
        try ageAll()
        _ = try open()
        waitOutTheClockTick()
        XCTAssertEqual(try open().refresh.parsed, 0)
        XCTAssertEqual(try open(engine: "test 2").refresh.parsed, 3)
        let flagged = LessonChecks(name: "flag-first") { lesson in
            lesson.id == "first" ? [.warning(lesson.location, "flagged", id: "test.flag")] : []
        }
        let checked = try open(engine: "test 2", checks: flagged)
        XCTAssertEqual(checked.refresh.parsed, 3)
        XCTAssertEqual(checked.lessonCheckDiagnostics.map(\.id), ["test.flag"])

        let yaml = try String(contentsOf: course.appendingPathComponent("course.yaml"), encoding: .utf8)
        try write("course.yaml", yaml.replacingOccurrences(of: "  python: python3 {file}\n", with: "  sh: sh {file}\n"))
        let reconfigured = try open(engine: "test 2", checks: flagged)
        XCTAssertEqual(reconfigured.refresh.parsed, 3)
        XCTAssertTrue(reconfigured.diagnostics.contains { $0.id == "example.no-runner" })
        assertSameAsFullRead(reconfigured, "after changing course.yaml")
    }

    func testPathsFollowTheFolderACommandRunsFrom() throws {
        try ageAll()
        _ = try open()
        try write("01-basics/02-second.md", lesson(id: "second", requires: ["ghost"]))
        let absolute: (URL) -> String = { $0.standardizedFileURL.path }
        let index = try open(displayPath: absolute)
        let full = fullRead(displayPath: absolute)
        XCTAssertEqual(index.diagnostics, full.diagnostics)
        XCTAssertTrue(index.diagnostics.contains { $0.location.file == course.appendingPathComponent("01-basics/02-second.md").standardizedFileURL.path })
        XCTAssertEqual(index.outline.lessons.map(\.file), full.course?.lessons.map(\.file))
        let items = index.checkItems(for: index.outline.lessons)
        XCTAssertEqual(items, full.course?.lessons.flatMap(CheckItem.items(for:)))
    }

    func testCheckItemsComeFromTheIndexAsTheyWouldFromTheLessons() throws {
        try ageAll()
        _ = try open()
        let index = try open()
        let full = try XCTUnwrap(fullRead().course)
        XCTAssertEqual(index.checkItems(for: index.outline.lessons), full.lessons.flatMap(CheckItem.items(for:)))
        XCTAssertEqual(index.checkItems(for: [index.outline.lessons[1]]).map(\.name), ["second/example-1"])
    }

    func testAnIndexFileThatIsNotSQLiteIsReplaced() throws {
        try FileManager.default.createDirectory(at: indexFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a database at all, but long enough to look like a header .....".utf8).write(to: indexFile)
        let index = try open()
        XCTAssertEqual(index.refresh.parsed, 3)
        XCTAssertTrue(index.refresh.stored)
        assertSameAsFullRead(index, "over a file that was not SQLite")
        let store = try CourseIndexStore(url: indexFile)
        XCTAssertEqual(store.appliedMigrations, ["index-v1"])
    }

    func testADamagedRecordIsReadAgainFromItsFile() throws {
        try ageAll()
        _ = try open()
        waitOutTheClockTick()
        _ = try open()
        // Flip a byte inside one stored record: its digest no longer matches.
        let queue = try DatabaseQueue(path: indexFile.path)
        try queue.write { db in
            let facts = try XCTUnwrap(Data.fetchOne(db, sql: "SELECT facts FROM lesson_record WHERE path = '01-basics/01-first.md'"))
            var damaged = facts
            damaged[facts.count / 2] ^= 0x20
            try db.execute(sql: "UPDATE lesson_record SET facts = ?, items = ? WHERE path = '01-basics/01-first.md'", arguments: [damaged, damaged])
        }
        try queue.close()
        let index = try open()
        XCTAssertEqual(index.refresh.reused, 2)
        XCTAssertEqual(index.refresh.parsed, 1)
        assertSameAsFullRead(index, "with a damaged record")
        let full = try XCTUnwrap(fullRead().course)
        XCTAssertEqual(index.checkItems(for: index.outline.lessons), full.lessons.flatMap(CheckItem.items(for:)))
    }

    func testADamagedIndexFileIsStartedAfresh() throws {
        try ageAll()
        _ = try open()
        var bytes = try Data(contentsOf: indexFile)
        for offset in 16..<100 { bytes[offset] = 0xA5 }
        try bytes.write(to: indexFile)
        let index = try open()
        XCTAssertEqual(index.refresh.parsed, 3)
        assertSameAsFullRead(index, "over a damaged file")
        XCTAssertEqual(try open().refresh.parsed, 0, "the new index is kept")
    }

    func testWithoutStorageEverythingIsReadAndNothingBreaks() throws {
        let result = CourseIndex.open(course, displayPath: shown, engine: "test") { _ in nil }
        let index = try XCTUnwrap(result.index)
        XCTAssertEqual(index.refresh.parsed, 3)
        assertSameAsFullRead(index, "without storage")
        XCTAssertFalse(FileManager.default.fileExists(atPath: indexFile.path))
    }

    func testBesideTheProgressDatabase() {
        XCTAssertEqual(CourseIndexStore.location(beside: URL(fileURLWithPath: "/s/c.sqlite")).path, "/s/c.index.sqlite")
        XCTAssertEqual(CourseIndexStore.location(beside: URL(fileURLWithPath: "/s/progress.db")).path, "/s/progress.db.index.sqlite")
    }
}
