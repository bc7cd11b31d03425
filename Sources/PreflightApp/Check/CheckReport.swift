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
            lines += diff.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + Visible.escape(String($0)) }
        }
        let stderrHead = result.stderr.split(separator: "\n", omittingEmptySubsequences: true).prefix(8)
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
        struct Unavailable: Encodable {
            var lesson: String?
            var file: String
            var line: Int
            var id, message: String
        }
        struct Report: Encodable {
            var passed, failed, cached: Int
            var containment: String?
            var results: [Entry]
            var unavailable: [Unavailable]
        }
        let results = outcome.results
        let entries = results.map { result -> Entry in
            var diff: String?
            if case .mismatch(let text) = result.verdict { diff = text }
            return Entry(
                name: result.item.name, lesson: result.item.example.lessonID, kind: result.item.kind.rawValue,
                file: result.item.example.location.file, line: result.item.example.location.line,
                verdict: verdictName(result.verdict), message: result.verdict.summary,
                seconds: (result.duration * 1000).rounded() / 1000, cached: result.fromCache, diff: diff,
                stderr: result.verdict.passed || result.stderr.isEmpty ? nil : String(result.stderr.prefix(4000)), note: result.stragglerNote)
        }
        let passed = results.filter(\.verdict.passed).count
        let unavailable = outcome.unavailable.map {
            Unavailable(lesson: $0.lessonID, file: $0.file, line: $0.problem.location.line, id: $0.problem.id, message: $0.problem.message)
        }
        return try JSONOutput.encode(Report(passed: passed, failed: results.count - passed, cached: results.filter(\.fromCache).count,
                                            containment: outcome.containment, results: entries, unavailable: unavailable))
    }

    /// JUnit XML as CI systems read it: one testsuite, one testcase per example.
    public static func junit(_ outcome: CourseCheck.Outcome) -> String {
        let results = outcome.results
        let failures = results.filter { !$0.verdict.passed }.count + outcome.unavailable.count
        let tests = results.count + outcome.unavailable.count
        let total = results.reduce(0) { $0 + $1.duration }
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                   "<testsuites tests=\"\(tests)\" failures=\"\(failures)\" time=\"\(String(format: "%.3f", total))\">",
                   "  <testsuite name=\"preflight check\" tests=\"\(tests)\" failures=\"\(failures)\" time=\"\(String(format: "%.3f", total))\">"]
        if let containment = outcome.containment {
            xml += ["    <properties>", "      <property name=\"containment\" value=\"\(XMLText.escape(containment))\"/>", "    </properties>"]
        }
        for result in results {
            let example = result.item.example
            let open = "    <testcase classname=\"\(XMLText.escape(example.lessonID))\" name=\"\(XMLText.escape(result.item.label))\" file=\"\(XMLText.escape(example.location.file))\" line=\"\(example.location.line)\" time=\"\(String(format: "%.3f", result.duration))\""
            if result.verdict.passed {
                xml.append(open + "/>")
                continue
            }
            var body = result.verdict.summary
            if case .mismatch(let diff) = result.verdict { body += "\n" + diff }
            xml.append(open + ">")
            xml.append("      <failure message=\"\(XMLText.escape(result.verdict.summary))\" type=\"\(verdictName(result.verdict))\">\(XMLText.escape(body))</failure>")
            if !result.stderr.isEmpty { xml.append("      <system-err>\(XMLText.escape(String(result.stderr.prefix(4000))))</system-err>") }
            xml.append("    </testcase>")
        }
        for lesson in outcome.unavailable {
            let problem = lesson.problem
            xml.append("    <testcase classname=\"\(XMLText.escape(lesson.lessonID ?? lesson.file))\" name=\"lesson loads\" file=\"\(XMLText.escape(lesson.file))\" line=\"\(problem.location.line)\" time=\"0.000\">")
            xml.append("      <failure message=\"\(XMLText.escape(problem.message))\" type=\"unavailable\">\(XMLText.escape(DiagnosticReport.line(problem)))</failure>")
            xml.append("    </testcase>")
        }
        xml += ["  </testsuite>", "</testsuites>"]
        return xml.joined(separator: "\n")
    }
}
