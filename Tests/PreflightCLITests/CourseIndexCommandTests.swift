import Foundation
import TestSupport
import XCTest

/// Commands read the course through its index. Whatever an author does to the files between
/// runs, `lint` with the index reports exactly what `lint --no-index` (every file read) reports,
/// and learners' commands answer a broken lesson as they do without an index.
final class CourseIndexCommandTests: XCTestCase {
    private var folder: URL!
    private var lessons: URL { folder.appendingPathComponent("lessons") }
    private var state: URL { folder.appendingPathComponent("state/progress.sqlite") }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.shippedCourse, to: lessons)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("exercises"), to: folder.appendingPathComponent("exercises"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    private func preflight(_ arguments: [String], state: URL? = nil, in directory: URL? = nil) throws -> CommandResult {
        try PreflightBinary.run(arguments + ["--course", lessons.path, "--state", (state ?? self.state).path], in: directory ?? folder)
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = lessons.appendingPathComponent(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: lessons.appendingPathComponent(path))
    }

    /// `lint` through the index (kept from the previous step) against a full read, from the
    /// same folder; returns the report.
    @discardableResult
    private func assertLintMatchesAFullRead(_ step: String, in directory: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let indexed = try preflight(["lint", "--format", "json"], in: directory)
        let full = try preflight(["lint", "--format", "json", "--no-index"], in: directory)
        XCTAssertEqual(indexed.stdout, full.stdout, step, file: file, line: line)
        XCTAssertEqual(indexed.status, full.status, step, file: file, line: line)
        XCTAssertTrue(indexed.stdout.contains("\"diagnostics\""), "\(step): \(indexed.stderr)", file: file, line: line)
        return indexed.stdout
    }

    func testCachedLintMatchesAFullReadAfterEveryKindOfChange() throws {
        try assertLintMatchesAFullRead("first run, no index yet")
        try assertLintMatchesAFullRead("second run, everything from the index")

        try edit("03-performance-testing/03-latency.md") { $0.replacingOccurrences(of: "title: Latency", with: "title: Latency Budgets") }
        XCTAssertTrue(try assertLintMatchesAFullRead("a title edited").contains("lesson.title-mismatch"))

        try write("03-performance-testing/04-soak.md", """
            ---
            id: soak-testing
            title: Soak Testing
            summary: Hours of steady load.
            requires: [latency]
            ---

            # Soak Testing

            ![The memory curve](soak.png)

            ## Quiz

            ### What does a soak test find?

            Answer: leaks | `/memory leaks?/`

            Explanation: Slow growth shows only over hours.

            """)
        XCTAssertTrue(try assertLintMatchesAFullRead("a lesson added, with a missing image").contains("link.missing-file"))
        try Data("png".utf8).write(to: lessons.appendingPathComponent("03-performance-testing/soak.png"))
        XCTAssertFalse(try assertLintMatchesAFullRead("the image added; the lesson unchanged").contains("link.missing-file"))

        try write("10-beyond-the-checklist/04-again.md", "---\nid: backup\ntitle: Again\nsummary: A second backup.\n---\n\n# Again\n")
        XCTAssertTrue(try assertLintMatchesAFullRead("a duplicate id").contains("lesson.duplicate-id"))

        try edit("03-performance-testing/03-latency.md") { $0.replacingOccurrences(of: "id: latency\n", with: "id: latency\nformer_ids: [load-testing]\n") }
        XCTAssertTrue(try assertLintMatchesAFullRead("a former id that another lesson has now").contains("rename.former-id-in-use"))

        try FileManager.default.removeItem(at: lessons.appendingPathComponent("07-rollback-and-recovery/01-rollback-plan.md"))
        XCTAssertTrue(try assertLintMatchesAFullRead("a required lesson deleted").contains("requires.unknown-lesson"))

        try FileManager.default.moveItem(
            at: lessons.appendingPathComponent("06-data-validation/03-data-drift-detection.md"),
            to: lessons.appendingPathComponent("06-data-validation/05-drift.md"))
        try FileManager.default.moveItem(
            at: lessons.appendingPathComponent("10-beyond-the-checklist/04-again.md"),
            to: lessons.appendingPathComponent("00-overview/02-again.md"))
        try assertLintMatchesAFullRead("lessons renamed, one into another section")

        try edit("05-monitoring-and-logging/02-error-logging.md") { $0.replacingOccurrences(of: "\n---\n", with: "\n--\n") }
        XCTAssertTrue(try assertLintMatchesAFullRead("front matter broken").contains("frontmatter.unclosed"))

        try edit("course.yaml") { $0.replacingOccurrences(of: "  python: python3 {file}\n", with: "") }
        XCTAssertTrue(try assertLintMatchesAFullRead("a runner removed from course.yaml").contains("example.no-runner"))

        let requirer = lessons.appendingPathComponent("07-rollback-and-recovery/02-backup.md")
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: requirer.path)
        try assertLintMatchesAFullRead("a lesson touched, not changed")

        try assertLintMatchesAFullRead("run from another folder", in: lessons.appendingPathComponent("02-model-integration"))
        for paths in [["lessons/05-monitoring-and-logging/02-error-logging.md"], ["lessons/07-rollback-and-recovery"], ["lessons/course.yaml", "exercises"]] {
            let indexed = try preflight(["lint", "--format", "json"] + paths)
            let full = try preflight(["lint", "--format", "json", "--no-index"] + paths)
            XCTAssertEqual(indexed.stdout, full.stdout, paths.joined(separator: " "))
            XCTAssertEqual(indexed.status, full.status, paths.joined(separator: " "))
        }

        let fresh = folder.appendingPathComponent("fresh/progress.sqlite")
        XCTAssertEqual(
            try preflight(["lint", "--format", "json"], state: fresh).stdout, try preflight(["lint", "--format", "json"]).stdout,
            "an index built from nothing reports what the kept one does")
    }

    func testABrokenLessonReadsTheSameThroughTheIndexAsWithout() throws {
        try preflight(["list"])
        try edit("05-monitoring-and-logging/02-error-logging.md") { $0.replacingOccurrences(of: "\n---\n", with: "\n--\n") }
        let problem = "lessons/05-monitoring-and-logging/02-error-logging.md:1:1: error: front matter opened here is never closed with a `---` line [frontmatter.unclosed]"
        // The index kept from before the break, and none at all: the same answers either way.
        for (index, command) in [["show", "error-logging"], ["show", "alerting"], ["list"], ["quiz", "latency", "--answers", "-"], ["learn", "latency"], ["check", "latency"]].enumerated() {
            let name = command.joined(separator: " ")
            let kept = try preflight(command)
            let none = try preflight(command, state: folder.appendingPathComponent("fresh-\(index)/progress.sqlite"))
            XCTAssertEqual(kept.status, none.status, name)
            XCTAssertEqual(kept.stderr, none.stderr, name)
            if command[0] != "check" { XCTAssertEqual(kept.stdout, none.stdout, name) }
            if command == ["show", "error-logging"] {
                XCTAssertEqual(kept.status, 65)
                XCTAssertTrue(kept.stderr.contains(problem), kept.stderr)
            } else {
                // The other lessons stay open; the broken one is named (check of one lesson passes).
                XCTAssertEqual(kept.status, 0, name + ": " + kept.stderr)
            }
        }
        try edit("05-monitoring-and-logging/02-error-logging.md") { $0.replacingOccurrences(of: "\n--\n", with: "\n---\n") }
        let shown = try preflight(["show", "error-logging", "--width", "80"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("Error Logging"), shown.stdout)

        try edit("course.yaml") { $0.replacingOccurrences(of: "id: ml-deployment-checks", with: "id: ML Checks") }
        let broken = try preflight(["show", "latency"])
        XCTAssertEqual(broken.status, 65)
        XCTAssertTrue(broken.stderr.contains("lessons/course.yaml:2:5: error: course id `ML Checks` must be kebab-case"), broken.stderr)
    }

    func testShowAndListSeeEditsMadeBetweenRuns() throws {
        let before = try preflight(["list", "--json"])
        XCTAssertTrue(before.stdout.contains("\"title\" : \"Latency\""), before.stdout)
        try edit("03-performance-testing/03-latency.md") {
            $0.replacingOccurrences(of: "title: Latency", with: "title: Tail Latency").replacingOccurrences(of: "# Latency\n", with: "# Tail Latency\n")
        }
        let after = try preflight(["list", "--json"])
        XCTAssertTrue(after.stdout.contains("\"title\" : \"Tail Latency\""), after.stdout)
        let shown = try preflight(["show", "latency", "--width", "80"])
        XCTAssertTrue(shown.stdout.hasPrefix("Tail Latency") || shown.stdout.contains("Tail Latency"), shown.stdout)
    }
}
