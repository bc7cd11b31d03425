import Foundation
import PreflightCore

/// How `exercise verify` reports: text lines for people, one JSON or JUnit document for CI. A
/// new format is one more case here and one more function below; the command switches over the
/// cases, so the compiler points at every place a new one must be handled.
public enum VerifyReport {
    public enum Format: String, Sendable, CaseIterable { case text, json, junit }

    /// Where an exercise is, for diagnostics and reports: its README.
    static func readme(_ exercise: Exercise, paths: DisplayPaths) -> String {
        paths.show(URL(fileURLWithPath: exercise.folder).appendingPathComponent("README.md"))
    }

    /// PASS or FAIL per exercise; a failure names its README, each problem, and the output that
    /// shows it (bounded), then the totals.
    public static func text(_ results: [ExerciseVerification], paths: DisplayPaths) -> [String] {
        var lines: [String] = []
        for result in results {
            let exercise = result.exercise
            if result.passed {
                lines.append("PASS  " + Visible.escape(exercise.id) + "  starter fails, solution passes")
                continue
            }
            let at = Visible.escape(readme(exercise, paths: paths))
            lines.append("FAIL  " + Visible.escape(exercise.id))
            for problem in result.problems { lines.append("      \(at):1:1: error: " + Visible.escape(problem)) }
            let evidence = BoundedText.bound(result.evidence).split(separator: "\n").prefix(15)
            lines += evidence.map { "      | " + Visible.escape(String($0)) }
        }
        let failed = results.filter { !$0.passed }.count
        lines.append("\(results.count - failed) passed, \(failed) failed")
        return lines
    }

    public static func json(_ results: [ExerciseVerification], paths: DisplayPaths) throws -> String {
        struct Run: Encodable {
            var passed: Bool
            var problem: String?
            var output: String
            var seconds: Double
        }
        struct Entry: Encodable {
            var name, lesson, file: String
            var passed: Bool
            var culprit: ExerciseVerification.Culprit?
            var problems: [String]
            var starter, solution: Run
        }
        struct Report: Encodable {
            var passed, failed: Int
            var exercises: [Entry]
        }
        func run(_ check: ExerciseCheck) -> Run {
            Run(passed: check.passed, problem: check.problem, output: BoundedText.bound(check.output), seconds: (check.duration * 1000).rounded() / 1000)
        }
        let entries = results.map {
            Entry(name: $0.exercise.id, lesson: $0.exercise.lessonID, file: readme($0.exercise, paths: paths), passed: $0.passed,
                  culprit: $0.culprit, problems: $0.problems, starter: run($0.starter), solution: run($0.solution))
        }
        let failed = results.filter { !$0.passed }.count
        return try JSONOutput.encode(Report(passed: results.count - failed, failed: failed, exercises: entries))
    }

    /// One test case per exercise, failing with the culprit as its type (`starter`, `solution`
    /// or `check`).
    public static func junit(_ results: [ExerciseVerification], paths: DisplayPaths) -> String {
        let cases = results.map { result -> JUnitReport.Case in
            var testcase = JUnitReport.Case(classname: result.exercise.lessonID, name: result.exercise.id, file: readme(result.exercise, paths: paths),
                                            line: 1, seconds: result.starter.duration + result.solution.duration)
            if !result.passed {
                let problems = result.problems.joined(separator: "; ")
                testcase.failure = .init(message: problems, type: result.culprit?.rawValue ?? "failed", body: problems + "\n" + BoundedText.bound(result.evidence))
            }
            return testcase
        }
        return JUnitReport(suite: "preflight exercise verify", cases: cases).xml
    }

    /// The report of a verification that could not start (the course or the exercises do not
    /// load, a name is unknown, there is nothing to verify).
    public static func json(notStarted error: AppError) throws -> String {
        struct Problem: Encodable { var file: String; var line, column: Int; var id, message: String }
        struct Report: Encodable { var passed, failed: Int; var error: String; var problems: [Problem] }
        let problems = error.diagnostics.filter { $0.severity == .error }.sortedByLocation().map {
            Problem(file: $0.location.file, line: $0.location.line, column: $0.location.column, id: $0.id, message: $0.message)
        }
        return try JSONOutput.encode(Report(passed: 0, failed: max(1, problems.count), error: error.message, problems: problems))
    }

    public static func junit(notStarted error: AppError) -> String {
        JUnitReport(suite: "preflight exercise verify", cases: JUnitReport.cases(for: error, classname: "preflight exercise verify")).xml
    }
}
