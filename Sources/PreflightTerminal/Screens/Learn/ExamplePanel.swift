import PreflightCore
import PreflightRunner

/// What a learner sees after running an example: the verdict, what it printed, and how that
/// differs from the lesson's expected output. Output is escaped, never obeyed.
enum ExamplePanel {
    static func lines(for result: CheckResult, styler: Styler) -> [String] {
        let example = result.item.example
        let verdict = result.verdict.passed
            ? styler.apply([.green, .bold], "✓ Example \(example.index) printed the expected output.")
            : styler.apply([.red, .bold], "✗ Example \(example.index): \(result.verdict.summary).")
        var lines = [verdict, "", styler.apply([.bold], "Output:")]
        let output = result.stdout.isEmpty ? "(nothing on standard output)" : result.stdout
        lines += output.split(separator: "\n", omittingEmptySubsequences: false).prefix(40).map { "  " + Visible.escape(String($0)) }
        if case .mismatch(let diff) = result.verdict {
            lines += ["", styler.apply([.bold], "Expected (-) against actual (+):")]
            lines += diff.split(separator: "\n").map { line in
                let text = "  " + Visible.escape(String(line))
                return line.hasPrefix("+") ? styler.apply([.green], text) : line.hasPrefix("-") ? styler.apply([.red], text) : text
            }
        }
        if !result.stderr.isEmpty && !result.verdict.passed {
            lines += ["", styler.apply([.bold], "Standard error (first lines):")]
            lines += result.stderr.split(separator: "\n").prefix(10).map { "  " + Visible.escape(String($0)) }
        }
        lines.append("")
        return lines
    }
}
