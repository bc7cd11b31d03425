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
}
