import Foundation
import TestSupport
import XCTest

/// `preflight lint` as an author runs it: compiler-style lines, a summary, and the exit code.
final class LintCommandTests: XCTestCase {
    private var fixtures: URL { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures") }

    func testCleanCourseExitsZero() throws {
        let result = try PreflightBinary.run(["lint", "--course", fixtures.appendingPathComponent("good").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("lint: 0 errors, 0 warnings"), result.stderr)
    }

    func testEveryProblemIsReportedCompilerStyleWithExit65() throws {
        let result = try PreflightBinary.run(["lint", "--course", fixtures.appendingPathComponent("courses/cycle").path])
        XCTAssertEqual(result.status, 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasSuffix("01-basics/01-a.md:5:12: error: `requires` forms a cycle: a -> c -> b -> a [requires.cycle]") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasSuffix("01-basics/03-c.md:7:5: error: `requires` names unknown lesson `ghost` [requires.unknown-lesson]") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.contains("01-basics/01-a.md:5:12: warning: `requires` names `c`, which comes later in the course (") && $0.hasSuffix("[requires.later-lesson]") }, result.stderr)
        XCTAssertEqual(lines.last, "lint: 2 errors, 1 warning in 4 files")
    }

    func testSingleFilesAreLintedAgainstTheCourse() throws {
        let bad = fixtures.appendingPathComponent("lint/unknown-runner.md").path
        let good = fixtures.appendingPathComponent("good/01-basics/02-second.md").path
        let result = try PreflightBinary.run(["lint", "--course", fixtures.appendingPathComponent("good").path, bad, good])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("unknown-runner.md:11:1: error: no runner for example language `ruby`"), result.stderr)
        XCTAssertTrue(result.stderr.contains("in 2 files"), result.stderr)
    }

    func testJSONFormat() throws {
        let result = try PreflightBinary.run(["lint", "--format", "json", "--course", fixtures.appendingPathComponent("courses/duplicate-ids").path])
        XCTAssertEqual(result.status, 65)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["errors"] as? Int, 1)
        let first = (report?["diagnostics"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["line"] as? Int, 2)
        XCTAssertEqual(first?["severity"] as? String, "error")
        XCTAssertEqual(first?["id"] as? String, "lesson.duplicate-id")
        XCTAssertEqual(first?["notes"] as? [String], [])
    }

    func testMissingCourseIsAClearErrorNotACrash() throws {
        let empty = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try PreflightBinary.run(["lint"], in: empty, environment: ["PREFLIGHT_COURSE": ""])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("no course found"), result.stderr)
        let flagged = try PreflightBinary.run(["lint", "--course", empty.path])
        XCTAssertEqual(flagged.status, 65)
        XCTAssertTrue(flagged.stderr.contains("no course.yaml in this folder"), flagged.stderr)
    }

    func testBadUsageExits64() throws {
        let result = try PreflightBinary.run(["lint", "--format", "xml"])
        XCTAssertEqual(result.status, 64)
        let missing = try PreflightBinary.run(["lint", "/no/such/file.md"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
    }

    func testHundredThousandNestedBlockQuotesGetADiagnosticAndExit65() throws {
        let course = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        try FileManager.default.removeItem(at: course)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("good"), to: course)
        let deep = "---\nid: deep\ntitle: Deep\nsummary: S.\n---\n\n# Deep\n\n" + String(repeating: ">", count: 100_000) + " x\n"
        try deep.write(to: course.appendingPathComponent("01-basics/03-deep.md"), atomically: true, encoding: .utf8)
        let result = try PreflightBinary.run(["lint", "--course", course.path], in: course)
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("01-basics/03-deep.md:9:256: error: Markdown is nested more than 256 levels deep"), result.stderr)
    }

    // MARK: --strict and allowed warnings

    /// A copy of the good course with one lesson whose `## Quizz` is a near miss: a warning only.
    private func courseWithANearMiss(allow comment: String? = nil) throws -> URL {
        let course = try TestPaths.temporaryFolder()
        try FileManager.default.removeItem(at: course)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("good"), to: course)
        let lesson = "---\nid: third\ntitle: Third\nsummary: S.\n---\n\n# Third\n\n" + (comment.map { $0 + "\n\n" } ?? "") + "## Quizz\n\nSoon.\n"
        try lesson.write(to: course.appendingPathComponent("01-basics/03-third.md"), atomically: true, encoding: .utf8)
        return course
    }

    func testStrictTurnsWarningsIntoErrors() throws {
        let course = try courseWithANearMiss()
        defer { try? FileManager.default.removeItem(at: course) }
        let relaxed = try PreflightBinary.run(["lint"], in: course)
        XCTAssertEqual(relaxed.status, 0, relaxed.stderr)
        XCTAssertTrue(relaxed.stderr.contains("01-basics/03-third.md:9:1: warning: `## Quizz` is not a section role; did you mean `## Quiz`? Nothing under it is part of the quiz. [heading.near-miss-role]"), relaxed.stderr)
        XCTAssertTrue(relaxed.stderr.hasSuffix("lint: 0 errors, 1 warning in 4 files\n"), relaxed.stderr)
        let strict = try PreflightBinary.run(["lint", "--strict"], in: course)
        XCTAssertEqual(strict.status, 65, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("01-basics/03-third.md:9:1: error: `## Quizz` is not a section role"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("    note: a warning, made an error by --strict"), strict.stderr)
        XCTAssertTrue(strict.stderr.hasSuffix("lint: 1 error, 0 warnings in 4 files\n"), strict.stderr)
    }

    func testAWarningCanBeAllowedInItsFileButAnErrorCannot() throws {
        let course = try courseWithANearMiss(allow: "<!-- preflight-lint: allow heading.near-miss-role (a product name) -->")
        defer { try? FileManager.default.removeItem(at: course) }
        let allowed = try PreflightBinary.run(["lint", "--strict"], in: course)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertEqual(allowed.stderr, "lint: 0 errors, 0 warnings in 4 files\n")
        let lesson = course.appendingPathComponent("01-basics/03-third.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try (text + "\n<!-- preflight-lint: allow lesson.no-title -->\n").write(to: lesson, atomically: true, encoding: .utf8)
        let refused = try PreflightBinary.run(["lint"], in: course)
        XCTAssertEqual(refused.status, 0, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("01-basics/03-third.md:15:1: warning: `lesson.no-title` is an error, and errors cannot be allowed; fix what it reports [lint.cannot-allow-error]"), refused.stderr)
    }

    // MARK: What a PATH argument selects

    func testLintCourseYAMLReportsTheCourseFileOnly() throws {
        let structure = fixtures.appendingPathComponent("courses/structure")
        let result = try PreflightBinary.run(["lint", "course.yaml"], in: structure)
        XCTAssertEqual(result.status, 0, "the lessons' errors are not course.yaml's: \(result.stderr)")
        XCTAssertEqual(result.stderr, """
            course.yaml:9:5: warning: section `second` comes after `first` in course.yaml, but its folder `01-second` is not numbered after `02-first`; the course follows course.yaml, so renumber the folders to match [structure.section-order]
            course.yaml:12:5: warning: section `third` has no folder of lessons (expected `NN-third/` beside course.yaml) [structure.empty-section]
            lint: 0 errors, 2 warnings in 1 file

            """)
    }

    func testLintAFolderReportsWhatIsInIt() throws {
        let structure = fixtures.appendingPathComponent("courses/structure")
        let section = try PreflightBinary.run(["lint", "02-first/"], in: structure)
        XCTAssertEqual(section.status, 65)
        let files = Set(section.stderr.split(separator: "\n").dropLast().map { String($0.prefix { $0 != ":" }) })
        XCTAssertEqual(files, ["02-first/01-a.md", "02-first/01-b.md", "02-first/03-notes.markdown", "02-first/04-upper.MD", "02-first/intro.md"], section.stderr)
        XCTAssertTrue(section.stderr.hasSuffix("lint: 2 errors, 3 warnings in 5 files\n"), section.stderr)
        let whole = try PreflightBinary.run(["lint", "."], in: structure)
        let everything = try PreflightBinary.run(["lint"], in: structure)
        XCTAssertEqual(whole.stderr, everything.stderr, "`lint .` in the course folder is the whole course")
        XCTAssertTrue(whole.stderr.hasSuffix("lint: 4 errors, 5 warnings in 7 files\n"), whole.stderr)
    }

    func testLintAnExerciseReadmeReadsItAsAnExercise() throws {
        let course = fixtures.appendingPathComponent("courses/exercises-lint")
        let result = try PreflightBinary.run(["lint", "exercises/02-escape/README.md"], in: course)
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, """
            exercises/02-escape/README.md:4:7: error: `file: ../../victim.txt` climbs out of the exercise folder with `..`; name a file inside the exercise folder, such as `victim.txt` [exercise.path-outside]
            lint: 1 error, 0 warnings in 1 file

            """)
        let good = try PreflightBinary.run(["lint", "exercises/01-good/README.md"], in: course)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stderr, "lint: 0 errors, 0 warnings in 1 file\n")
    }

    func testExerciseVerifyFailsWhenItFindsNoExercise() throws {
        let course = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        try FileManager.default.removeItem(at: course)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("exercise-course"), to: course)
        try FileManager.default.removeItem(at: course.appendingPathComponent("exercises/01-add"))
        let result = try PreflightBinary.run(["exercise", "verify", "--course", course.path, "--state", course.appendingPathComponent("p.sqlite").path])
        XCTAssertEqual(result.status, 65, result.stdout)
        XCTAssertTrue(result.stderr.contains("no exercise to verify in"), result.stderr)
        XCTAssertFalse(result.stdout.contains("0 passed, 0 failed"), "verifying nothing is not a pass")
    }
}
