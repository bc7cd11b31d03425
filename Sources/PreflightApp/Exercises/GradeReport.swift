import Foundation
import PreflightCore

/// A learner's workspace graded in CI (`exercise verify --workspace DIR`), in the forms CI
/// systems read: GitHub Classroom's autograding results, JUnit XML, and Preflight's JSON.
public enum GradeReport {
    public enum Format: String, Sendable, CaseIterable { case text, json, junit, classroom }

    /// What the check printed, capped: the start is kept (where failures are reported).
    static func clip(_ output: String, limit: Int = 2000) -> String {
        output.count <= limit ? output : String(output.prefix(limit)) + "\n[… \(output.count - limit) more characters]"
    }

    static func status(_ check: ExerciseCheck) -> String { check.passed ? "pass" : !check.ran ? "error" : "fail" }

    static func message(_ check: ExerciseCheck) -> String {
        if check.passed { return "passed" }
        return check.problem ?? "the check failed"
    }

    /// The document GitHub Classroom's autograding reporter reads (what its graders write, base64'd
    /// into a step output): `version`, `status` (pass, fail or error), `max_score`, and one test
    /// per exercise whose `score` is its share of `maxScore` when it passes (the reporter adds
    /// the tests' scores up for the grade, and shows passed tests over all times `max_score`).
    public static func classroom(_ checks: [ExerciseCheck], workspace: ExerciseWorkspace, maxScore: Int? = nil) throws -> String {
        struct Test: Encodable {
            var name, status, message, testCode, filename: String
            var lineNo: Int
            var duration: Int
            var score: Double
            var output: String
        }
        struct Results: Encodable {
            var version: Int
            var status: String
            var maxScore: Int
            var tests: [Test]
        }
        let maximum = maxScore ?? checks.count
        let share = checks.isEmpty ? 0 : Double(maximum) / Double(checks.count)
        let tests = checks.map { check in
            Test(name: check.exercise.id, status: status(check), message: message(check),
                 testCode: "preflight exercise check \(check.exercise.id)", filename: relative(check.file, to: workspace),
                 lineNo: 0, duration: Int((check.duration * 1000).rounded()), score: check.passed ? (share * 1000).rounded() / 1000 : 0,
                 output: clip(check.output))
        }
        let overall = tests.contains { $0.status == "fail" } ? "fail" : tests.contains { $0.status == "error" } ? "error" : "pass"
        return try JSONOutput.encode(Results(version: 1, status: overall, maxScore: maximum, tests: tests))
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
                  output: clip($0.output), title: $0.exercise.title, passed: $0.passed, seconds: ($0.duration * 1000).rounded() / 1000)
        }
        let passed = checks.filter(\.passed).count
        return try JSONOutput.encode(Report(workspace: workspace.root.path, passed: passed, failed: checks.count - passed, exercises: entries))
    }

    public static func junit(_ checks: [ExerciseCheck], workspace: ExerciseWorkspace) -> String {
        let failures = checks.filter { !$0.passed && $0.ran }.count
        let errors = checks.filter { !$0.ran }.count
        let total = checks.reduce(0) { $0 + $1.duration }
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                   "<testsuites tests=\"\(checks.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(String(format: "%.3f", total))\">",
                   "  <testsuite name=\"preflight exercises\" tests=\"\(checks.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(String(format: "%.3f", total))\">"]
        for check in checks {
            let open = "    <testcase classname=\"\(XMLText.escape(check.exercise.lessonID))\" name=\"\(XMLText.escape(check.exercise.id))\" file=\"\(XMLText.escape(relative(check.file, to: workspace)))\" time=\"\(String(format: "%.3f", check.duration))\""
            if check.passed {
                xml.append(open + "/>")
                continue
            }
            let tag = check.ran ? "failure" : "error"
            xml.append(open + ">")
            xml.append("      <\(tag) message=\"\(XMLText.escape(message(check)))\">\(XMLText.escape(clip(check.output, limit: 8000)))</\(tag)>")
            xml.append("    </testcase>")
        }
        xml += ["  </testsuite>", "</testsuites>"]
        return xml.joined(separator: "\n")
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
