import PreflightApp
import PreflightCore

/// How a check's result reads: a verdict line, then what the check printed (escaped), trimmed
/// to the lines that matter.
public enum ExercisePanel {
    /// - Parameter plain: the verdict in words, without symbols.
    public static func lines(_ check: ExerciseCheck, styler: Styler, maxLines: Int = 30, plain: Bool = false) -> [String] {
        var lines: [String] = []
        if plain {
            lines.append(check.passed ? "Passed: every check of \u{201C}\(Visible.escape(check.exercise.title))\u{201D} passes."
                                      : "Not yet: \u{201C}\(Visible.escape(check.exercise.title))\u{201D} does not pass its check.")
            if let problem = check.problem { lines.append(Visible.escape(problem)) }
        } else if check.passed {
            lines.append(styler.apply([.green, .bold], "✓ \(Visible.escape(check.exercise.title)): every check passes."))
        } else {
            lines.append(styler.apply([.red, .bold], "✗ \(Visible.escape(check.exercise.title)): not yet."))
            if let problem = check.problem { lines.append(styler.apply([.yellow], Visible.escape(problem))) }
        }
        let output = check.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Too long: the head and the tail, where checks print their totals.
        let tail = min(10, maxLines / 3)
        let shown = output.count > maxLines
            ? Array(output.prefix(maxLines - tail)) + ["… \(output.count - maxLines) lines not shown …"] + Array(output.suffix(tail))
            : output
        for line in shown where !line.isEmpty {
            let text = "  " + Visible.escape(line)
            if line.hasPrefix("FAIL") { lines.append(styler.apply([.red], text)) }
            else if line.hasPrefix("PASS") { lines.append(styler.apply([.green], text)) }
            else { lines.append(text) }
        }
        return lines
    }
}
