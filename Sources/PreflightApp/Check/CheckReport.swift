import Foundation
import PreflightCore
import PreflightRunner

/// How a check's results are written: text lines as they arrive and a summary, or one JSON or
/// JUnit document. Text from examples and lessons is escaped, never obeyed.
public enum CheckReport {
    public enum Format: String, Sendable, CaseIterable { case text, json, junit }

    /// One example's lines: PASS or FAIL, and for a failure where, why, the diff and stderr.
    public static func textBlock(_ result: CheckResult) -> String {
        let example = result.item.example
        let timing = result.fromCache ? "(cached)" : String(format: "%.2fs", result.duration)
        var lines = ["\(result.verdict.passed ? "PASS" : "FAIL")  \(Visible.escape(result.item.label))  \(timing)"]
        if let note = result.stragglerNote { lines.append("      note: \(note)") }
        guard !result.verdict.passed else { return lines.joined(separator: "\n") }
        lines.append("      \(Visible.escape(example.location.file)):\(example.location.line):\(example.location.column): \(Visible.escape(result.verdict.summary))")
        if case .mismatch(let diff) = result.verdict {
            lines += BoundedText.bound(diff).split(separator: "\n", omittingEmptySubsequences: false).map { "      " + Visible.escape(String($0)) }
        }
        let stderrHead = BoundedText.bound(result.stderr).split(separator: "\n", omittingEmptySubsequences: true).prefix(8)
        if !stderrHead.isEmpty && example.expected.options.stream != .stderr {
            lines.append("      stderr (first lines):")
            lines += stderrHead.map { "      | " + Visible.escape(String($0)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The lines after the results: cache use, the protections in force, the totals.
    public static func textSummary(_ outcome: CourseCheck.Outcome) -> String {
        let results = outcome.results
        let passed = results.filter(\.verdict.passed).count
        var lines: [String] = []
        let cached = results.filter(\.fromCache).count
        if cached > 0 { lines.append("\(cached) of \(results.count) results came from the cache (--no-cache runs everything).") }
        if let containment = outcome.containment { lines.append(containment) }
        if let problem = outcome.cacheProblem { lines.append("note: " + Visible.escape(problem)) }
        for lesson in outcome.unavailable {
            lines.append("FAIL  " + Visible.escape(lesson.name) + "  not checked: the lesson does not load")
            lines.append("      " + DiagnosticReport.line(lesson.problem))
        }
        let unchecked = outcome.unavailable.isEmpty ? "" : ", \(outcome.unavailable.count) lesson\(outcome.unavailable.count == 1 ? "" : "s") not checked (errors; `preflight lint` lists them)"
        lines.append("\(passed) passed, \(results.count - passed) failed" + unchecked)
        return lines.joined(separator: "\n")
    }

    static func verdictName(_ verdict: CheckVerdict) -> String {
        switch verdict {
        case .passed: return "passed"
        case .mismatch: return "mismatch"
        case .wrongExit: return "wrong-exit"
        case .signaled: return "signaled"
        case .timedOut: return "timeout"
        case .outputCapExceeded: return "output-cap"
        case .runnerMissing: return "runner-missing"
        case .failedToStart: return "failed-to-start"
        case .lostSupervisor: return "lost-supervisor"
        }
    }

    public static func json(_ outcome: CourseCheck.Outcome) throws -> String {
        struct Entry: Encodable {
            var name, lesson, kind, file: String
            var line: Int
            var verdict, message: String
            var seconds: Double
            var cached: Bool
            var diff: String?
            var stderr: String?
            var note: String?
        }
        struct Report: Encodable {
            var passed, failed, cached: Int
            var containment: String?
            var results: [Entry]
        }
        let results = outcome.results
        let entries = results.map { result -> Entry in
            var diff: String?
            if case .mismatch(let text) = result.verdict { diff = BoundedText.bound(text) }
            return Entry(
                name: result.item.name, lesson: result.item.example.lessonID, kind: result.item.kind.rawValue,
                file: result.item.example.location.file, line: result.item.example.location.line,
                verdict: verdictName(result.verdict), message: result.verdict.summary,
                seconds: (result.duration * 1000).rounded() / 1000, cached: result.fromCache, diff: diff,
                stderr: result.verdict.passed || result.stderr.isEmpty ? nil : BoundedText.bound(result.stderr), note: result.stragglerNote)
        }
        // A lesson that does not load is a failed result of its own, at its first error.
        let unavailable = outcome.unavailable.map { lesson in
            Entry(name: lesson.lessonID ?? lesson.file, lesson: lesson.lessonID ?? "", kind: "load", file: lesson.file, line: lesson.problem.location.line,
                  verdict: "load-error", message: "[\(lesson.problem.id)] " + lesson.problem.message, seconds: 0, cached: false)
        }
        let passed = results.filter(\.verdict.passed).count
        return try JSONOutput.encode(Report(passed: passed, failed: results.count - passed + unavailable.count, cached: results.filter(\.fromCache).count,
                                            containment: outcome.containment, results: entries + unavailable))
    }

    /// JUnit XML as CI systems read it: one testsuite, one testcase per example.
    public static func junit(_ outcome: CourseCheck.Outcome) -> String {
        var cases = outcome.results.map { result -> JUnitReport.Case in
            let example = result.item.example
            var testcase = JUnitReport.Case(classname: example.lessonID, name: result.item.label, file: example.location.file,
                                            line: example.location.line, seconds: result.duration)
            guard !result.verdict.passed else { return testcase }
            var body = result.verdict.summary
            if case .mismatch(let diff) = result.verdict { body += "\n" + BoundedText.bound(diff) }
            testcase.failure = .init(message: result.verdict.summary, type: verdictName(result.verdict), body: body)
            if !result.stderr.isEmpty { testcase.systemErr = BoundedText.bound(result.stderr) }
            return testcase
        }
        // A lesson that does not load is a failed case of its own, so the whole course fails.
        for lesson in outcome.unavailable {
            var testcase = JUnitReport.Case(classname: lesson.lessonID ?? lesson.file, name: "lesson loads", file: lesson.file, line: lesson.problem.location.line)
            testcase.failure = .init(message: lesson.problem.message, type: lesson.problem.id.isEmpty ? "unavailable" : lesson.problem.id, body: DiagnosticReport.line(lesson.problem))
            cases.append(testcase)
        }
        return JUnitReport(suite: "preflight check", properties: outcome.containment.map { [("containment", $0)] } ?? [], cases: cases).xml
    }

    /// The JSON report of a check that could not start (the course does not load, a lesson named
    /// does not exist): every error as a failed result at its file and line, so CI always gets a
    /// report it can read.
    public static func json(notStarted error: AppError) throws -> String {
        struct Entry: Encodable {
            var name, lesson, kind, file: String
            var line, column: Int
            var verdict, message, id: String
        }
        struct Report: Encodable {
            var passed, failed, cached: Int
            var error: String
            var results: [Entry]
        }
        let errors = error.diagnostics.filter { $0.severity == .error }.sortedByLocation()
        let entries = errors.isEmpty
            ? [Entry(name: "check", lesson: "", kind: "load", file: "", line: 0, column: 0, verdict: "not-started", message: error.message, id: "")]
            : errors.map { d in
                Entry(name: "\(d.location.file):\(d.location.line):\(d.location.column) [\(d.id)]", lesson: "", kind: "load",
                      file: d.location.file, line: d.location.line, column: d.location.column, verdict: "load-error", message: d.message, id: d.id)
            }
        return try JSONOutput.encode(Report(passed: 0, failed: entries.count, cached: 0, error: error.message, results: entries))
    }

    public static func junit(notStarted error: AppError) -> String {
        JUnitReport(suite: "preflight check", cases: JUnitReport.cases(for: error, classname: "preflight check")).xml
    }
}
