import Foundation
import PreflightCore

/// A learner's workspace graded in CI (`exercise verify --workspace DIR`), in the forms CI
/// systems read: GitHub Classroom's autograding results, JUnit XML, and Preflight's JSON.
public enum GradeReport {
    public enum Format: String, Sendable, CaseIterable { case text, json, junit, classroom }

    static func status(_ check: ExerciseCheck) -> String { check.passed ? "pass" : !check.ran ? "error" : "fail" }

    static func message(_ check: ExerciseCheck) -> String {
        if check.passed { return "passed" }
        return check.problem ?? "the check failed"
    }

    /// One test of GitHub Classroom's autograding results.
    struct ClassroomTest: Encodable {
        var name, status, message, testCode, filename: String
        var lineNo: Int
        var duration: Int
        var score: Double
        var output: String
    }

    struct ClassroomResults: Encodable {
        var version: Int
        var status: String
        var maxScore: Int
        var tests: [ClassroomTest]
    }

    /// The document GitHub Classroom's autograding reporter reads (what its graders write, base64'd
    /// into a step output): `version`, `status` (pass, fail or error), `max_score`, and one test
    /// per exercise whose `score` is its share of `maxScore` when it passes (the reporter adds
    /// the tests' scores up for the grade, and shows passed tests over all times `max_score`).
    public static func classroom(_ checks: [ExerciseCheck], workspace: ExerciseWorkspace, maxScore: Int? = nil) throws -> String {
        let maximum = maxScore ?? checks.count
        let share = checks.isEmpty ? 0 : Double(maximum) / Double(checks.count)
        let tests = checks.map { check in
            ClassroomTest(name: check.exercise.id, status: status(check), message: message(check),
                          testCode: "preflight exercise check \(check.exercise.id)", filename: relative(check.file, to: workspace),
                          lineNo: 0, duration: Int((check.duration * 1000).rounded()), score: check.passed ? (share * 1000).rounded() / 1000 : 0,
                          output: BoundedText.bound(check.output))
        }
        let overall = tests.contains { $0.status == "fail" } ? "fail" : tests.contains { $0.status == "error" } ? "error" : "pass"
        return try JSONOutput.encode(ClassroomResults(version: 1, status: overall, maxScore: maximum, tests: tests))
    }

    /// The classroom document of a grading that could not start (the exercises do not load, no
    /// workspace): one test in error carrying the reason, so the reporter shows why, not a silent zero.
    public static func classroom(notStarted error: AppError) throws -> String {
        let reason = ([error.message] + error.diagnostics.filter { $0.severity == .error }.sortedByLocation().map(DiagnosticReport.line)).joined(separator: "\n")
        let test = ClassroomTest(name: "preflight exercise verify", status: "error", message: error.message, testCode: "preflight exercise verify --grade",
                                 filename: "", lineNo: 0, duration: 0, score: 0, output: BoundedText.bound(reason))
        return try JSONOutput.encode(ClassroomResults(version: 1, status: "error", maxScore: 1, tests: [test]))
    }

    public static func json(_ checks: [ExerciseCheck], workspace: ExerciseWorkspace) throws -> String {
        struct Entry: Encodable {
            var name, lesson, status, file, message, output: String
            var title: CourseText
            var passed: Bool
            var seconds: Double
        }
        struct Report: Encodable {
            var workspace: String
            var passed, failed: Int
            var exercises: [Entry]
        }
        let entries = checks.map {
            Entry(name: $0.exercise.id, lesson: $0.exercise.lessonID, status: status($0), file: relative($0.file, to: workspace), message: message($0),
                  output: BoundedText.bound($0.output), title: $0.exercise.title, passed: $0.passed, seconds: ($0.duration * 1000).rounded() / 1000)
        }
        let passed = checks.filter(\.passed).count
        return try JSONOutput.encode(Report(workspace: workspace.root.path, passed: passed, failed: checks.count - passed, exercises: entries))
    }

    public static func junit(_ checks: [ExerciseCheck], workspace: ExerciseWorkspace) -> String {
        JUnitReport(suite: "preflight exercises", cases: checks.map { check in
            JUnitReport.Case(classname: check.exercise.lessonID, name: check.exercise.id, file: relative(check.file, to: workspace), seconds: check.duration,
                             failure: check.passed ? nil : JUnitReport.Failure(message: message(check), type: status(check), body: BoundedText.bound(check.output)))
        }).xml
    }

    public static func text(_ checks: [ExerciseCheck], workspace: ExerciseWorkspace) -> [String] {
        var lines: [String] = []
        for check in checks {
            lines.append((check.passed ? "PASS  " : "FAIL  ") + Visible.escape(check.exercise.id) + "  " + Visible.escape(relative(check.file, to: workspace)))
            if !check.passed {
                lines.append("      " + Visible.escape(message(check)))
                lines += check.output.split(separator: "\n").prefix(15).map { "      | " + Visible.escape(String($0)) }
            }
        }
        let passed = checks.filter(\.passed).count
        lines.append("\(passed) passed, \(checks.count - passed) failed")
        return lines
    }

    static func relative(_ file: URL, to workspace: ExerciseWorkspace) -> String {
        let root = workspace.root.path.hasSuffix("/") ? workspace.root.path : workspace.root.path + "/"
        return file.path.hasPrefix(root) ? String(file.path.dropFirst(root.count)) : file.path
    }
}
