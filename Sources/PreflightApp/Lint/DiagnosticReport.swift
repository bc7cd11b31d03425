import PreflightCore

/// Diagnostics written the way compilers write them, so editors and CI annotate the right line,
/// or as one JSON document for tools.
public enum DiagnosticReport {
    /// `path:line:col: severity: message [id]`, then one indented `note:` line per note.
    public static func line(_ diagnostic: Diagnostic) -> String {
        let at = diagnostic.location
        let id = diagnostic.id.isEmpty ? "" : " [\(diagnostic.id)]"
        let notes = diagnostic.notes.map { "\n    note: \(Visible.escape($0))" }.joined()
        return "\(Visible.escape(at.file)):\(at.line):\(at.column): \(diagnostic.severity.rawValue): \(Visible.escape(diagnostic.message))\(id)\(notes)"
    }

    public static func text(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sortedByLocation().map(line)
    }

    /// "2 errors, 1 warning in 31 files".
    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }

    public static func json(_ diagnostics: [Diagnostic], files: Int) throws -> String {
        struct Entry: Encodable {
            var id: String, severity: String, file: String, line: Int, column: Int, message: String, notes: [String]
        }
        struct Report: Encodable {
            var files: Int, errors: Int, warnings: Int
            var diagnostics: [Entry]
        }
        let entries = diagnostics.sortedByLocation().map {
            Entry(id: $0.id, severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line, column: $0.location.column,
                  message: $0.message, notes: $0.notes)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return try JSONOutput.encode(Report(files: files, errors: errors, warnings: diagnostics.count - errors, diagnostics: entries))
    }

    /// JUnit XML for CI: one test case per file read, failing when the file has an error; its
    /// diagnostics, compiler-style, are the failure's text (warnings alone go to `system-out`, and
    /// the case passes, as lint's exit code does). A diagnostic about something that is not one of
    /// the files (a folder) gets a case of its own.
    public static func junit(_ diagnostics: [Diagnostic], paths: [String]) -> String {
        let byFile = Dictionary(grouping: diagnostics.sortedByLocation(), by: \.location.file)
        let files = paths + byFile.keys.filter { !paths.contains($0) }.sorted()
        let cases = files.map { file -> JUnitReport.Case in
            let found = byFile[file] ?? []
            var testcase = JUnitReport.Case(classname: "preflight lint", name: file, file: file)
            let errors = found.filter { $0.severity == .error }
            let text = BoundedText.bound(found.map(line).joined(separator: "\n"), maxBytes: 16 * BoundedText.maximumBytes, lineBytes: 2000)
            if let first = errors.first {
                let more = errors.count > 1 ? " (and \(errors.count - 1) more error\(errors.count == 2 ? "" : "s"))" : ""
                testcase.failure = .init(message: "\(first.location.line):\(first.location.column): \(first.message)\(more)", type: first.id, body: text)
                testcase.line = first.location.line
            } else if !found.isEmpty {
                testcase.systemOut = text
            }
            return testcase
        }
        return JUnitReport(suite: "preflight lint", cases: cases).xml
    }
}
