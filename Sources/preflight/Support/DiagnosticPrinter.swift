import Foundation
import PreflightCore

/// Prints diagnostics the way compilers do, so editors and CI annotate the right line.
enum DiagnosticPrinter {
    /// `path:line:col: severity: message [id]`, then one indented `note:` line per note.
    static func line(_ diagnostic: Diagnostic) -> String {
        let at = diagnostic.location
        let id = diagnostic.id.isEmpty ? "" : " [\(diagnostic.id)]"
        let notes = diagnostic.notes.map { "\n    note: \(Visible.escape($0))" }.joined()
        return "\(at.file):\(at.line):\(at.column): \(diagnostic.severity.rawValue): \(Visible.escape(diagnostic.message))\(id)\(notes)"
    }

    static func printText(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sortedByLocation() { Console.error(line(diagnostic)) }
    }

    static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }

    static func json(_ diagnostics: [Diagnostic], files: Int) throws -> String {
        struct Report: Encodable {
            struct Entry: Encodable {
                var id: String, severity: String, file: String, line: Int, column: Int, message: String, notes: [String]
            }
            var files: Int, errors: Int, warnings: Int
            var diagnostics: [Entry]
        }
        let entries = diagnostics.sortedByLocation().map {
            Report.Entry(
                id: $0.id, severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line, column: $0.location.column,
                message: $0.message, notes: $0.notes)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let report = Report(files: files, errors: errors, warnings: diagnostics.count - errors, diagnostics: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
