import Foundation
import TestSupport
import XCTest

/// Renaming a lesson from the command line: lint, reading the learner's progress database,
/// explains a rename without `former_ids`, and with it the learner's progress follows.
final class RenameCommandTests: XCTestCase {
    func testLintExplainsTheRenameAndFormerIDsCarryTheProgress() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good"), to: course)
        let state = ["--course", course.path, "--state", folder.appendingPathComponent("p.sqlite").path]
        // The learner takes the first lesson's quiz.
        XCTAssertEqual(try PreflightBinary.run(["quiz", "first-lesson", "--answers", "-"] + state, input: "A\n").status, 0)

        let lesson = course.appendingPathComponent("01-basics/01-first.md")
        let second = course.appendingPathComponent("01-basics/02-second.md")
        for file in [lesson, second] {
            try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "first-lesson", with: "basics-intro").write(to: file, atomically: true, encoding: .utf8)
        }
        let forgot = try PreflightBinary.run(["lint", "--strict"] + state, in: course)
        XCTAssertEqual(forgot.status, 65)
        XCTAssertTrue(forgot.stderr.contains("01-basics/01-first.md:2:1: error: this file was lesson `first-lesson` when the progress database"), forgot.stderr)
        XCTAssertTrue(forgot.stderr.contains("add `former_ids: [first-lesson]` to this front matter"), forgot.stderr)

        try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "minutes: 10\n", with: "minutes: 10\nformer_ids: [first-lesson]\n")
            .write(to: lesson, atomically: true, encoding: .utf8)
        let fixed = try PreflightBinary.run(["lint", "--strict"] + state, in: course)
        XCTAssertEqual(fixed.status, 0, fixed.stderr)
        // Taken again under the new id, the quiz finds the attempt made under the old one.
        let again = try PreflightBinary.run(["quiz", "basics-intro", "--answers", "-"] + state, input: "A\n")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("Earlier attempts at this set: "), again.stdout)
    }
}
