import Foundation
import PreflightCore
import PreflightRunner

/// How `preflight check` shows its results: text lines as they arrive, or one JSON or JUnit
/// document at the end. Text from examples is escaped, never obeyed by the terminal.
struct CheckReport {
    let format: CheckCommand.Format

    func printLive(_ result: CheckResult) {
        guard format == .text else { return }
        Console.out(Self.textBlock(result))
    }

    /// - Parameter containment: what protected the machine, when anything ran.
    func finish(_ results: [CheckResult], containment: String?) {
        let passed = results.filter(\.verdict.passed).count
        switch format {
        case .text:
            let cached = results.filter(\.fromCache).count
            if cached > 0 { Console.out("\(cached) of \(results.count) results came from the cache (--no-cache runs everything).") }
            if let containment { Console.out(containment) }
            Console.out("\(passed) passed, \(results.count - passed) failed")
        case .json:
            Console.out(Self.json(results, containment: containment))
        case .junit:
            Console.out(Self.junit(results, containment: containment))
        }
    }

    static func textBlock(_ result: CheckResult) -> String {
        let example = result.item.example
        let timing = result.fromCache ? "(cached)" : String(format: "%.2fs", result.duration)
        var lines = ["\(result.verdict.passed ? "PASS" : "FAIL")  \(Visible.escape(result.item.label))  \(timing)"]
        if let note = result.stragglerNote { lines.append("      note: \(note)") }
        guard !result.verdict.passed else { return lines.joined(separator: "\n") }
        lines.append("      \(example.location.file):\(example.location.line):\(example.location.column): \(Visible.escape(result.verdict.summary))")
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

    static func json(_ results: [CheckResult], containment: String?) -> String {
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
        let report = Report(passed: passed, failed: results.count - passed, cached: results.filter(\.fromCache).count, containment: containment, results: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    }

    /// JUnit XML as CI systems read it: one testsuite, one testcase per example.
    static func junit(_ results: [CheckResult], containment: String?) -> String {
        let failures = results.filter { !$0.verdict.passed }.count
        let total = results.reduce(0) { $0 + $1.duration }
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                   "<testsuites tests=\"\(results.count)\" failures=\"\(failures)\" time=\"\(String(format: "%.3f", total))\">",
                   "  <testsuite name=\"preflight check\" tests=\"\(results.count)\" failures=\"\(failures)\" time=\"\(String(format: "%.3f", total))\">"]
        if let containment {
            xml += ["    <properties>", "      <property name=\"containment\" value=\"\(xmlEscape(containment))\"/>", "    </properties>"]
        }
        for result in results {
            let example = result.item.example
            let open = "    <testcase classname=\"\(xmlEscape(example.lessonID))\" name=\"\(xmlEscape(result.item.label))\" file=\"\(xmlEscape(example.location.file))\" line=\"\(example.location.line)\" time=\"\(String(format: "%.3f", result.duration))\""
            if result.verdict.passed {
                xml.append(open + "/>")
                continue
            }
            var body = result.verdict.summary
            if case .mismatch(let diff) = result.verdict { body += "\n" + diff }
            xml.append(open + ">")
            xml.append("      <failure message=\"\(xmlEscape(result.verdict.summary))\" type=\"\(verdictName(result.verdict))\">\(xmlEscape(body))</failure>")
            if !result.stderr.isEmpty { xml.append("      <system-err>\(xmlEscape(String(result.stderr.prefix(4000))))</system-err>") }
            xml.append("    </testcase>")
        }
        xml += ["  </testsuite>", "</testsuites>"]
        return xml.joined(separator: "\n")
    }

    /// XML 1.0 cannot carry most control characters at all, so they are shown, not dropped.
    static func xmlEscape(_ text: String) -> String {
        var out = ""
        for scalar in Visible.escape(text, keepNewlines: true).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
