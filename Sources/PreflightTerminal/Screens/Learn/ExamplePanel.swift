import PreflightApp
import PreflightCore

/// What a learner sees after running an example: the verdict, what it printed, and how that
/// differs from the lesson's expected output. Output is escaped, never obeyed.
enum ExamplePanel {
    static func lines(for run: ExampleRun, styler: Styler, plain: Bool = false) -> [String] {
        let example = run.example
        let verdict: String
        if plain {
            verdict = run.passed ? "Example \(example.index) printed the expected output." : "Example \(example.index) did not pass: \(Visible.escape(run.summary))."
        } else {
            verdict = run.passed
                ? styler.apply([.green, .bold], "✓ Example \(example.index) printed the expected output.")
                : styler.apply([.red, .bold], "✗ Example \(example.index): \(Visible.escape(run.summary)).")
        }
        var lines = [verdict]
        if let note = run.stragglerNote { lines.append(styler.apply([.dim], "  Note: it " + note + ".")) }
        lines += ["", styler.apply([.bold], "Output:")]
        let output = run.stdout.isEmpty ? "(nothing on standard output)" : run.stdout
        var printed = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if printed.last == "" { printed.removeLast() }
        lines += printed.prefix(200).map { "  " + Visible.escape($0) }
        if printed.count > 200 { lines.append("  … \(printed.count - 200) more lines") }
        if plain { lines.append("End of output.") }
        if let diff = run.diff {
            lines += ["", styler.apply([.bold], "Expected (-) against actual (+):")]
            lines += diff.split(separator: "\n").map { line in
                let text = "  " + Visible.escape(String(line))
                return line.hasPrefix("+") ? styler.apply([.green], text) : line.hasPrefix("-") ? styler.apply([.red], text) : text
            }
        }
        if !run.stderr.isEmpty && !run.passed {
            lines += ["", styler.apply([.bold], "Standard error (first lines):")]
            lines += run.stderr.split(separator: "\n").prefix(20).map { "  " + Visible.escape(String($0)) }
        }
        lines.append("")
        return lines
    }
}
