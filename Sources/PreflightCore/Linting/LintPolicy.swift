/// What `preflight lint` finally reports, as a pure function of what the rules found: warnings
/// an author allowed in a file (`<!-- preflight-lint: allow ID -->`) are dropped there, and with
/// `strict` every remaining warning becomes an error, so CI fails on it. Errors can never be
/// allowed: a comment that tries gets a warning of its own, as do ids that do not exist.
public enum LintPolicy {
    public static func apply(_ diagnostics: [Diagnostic], allowances: [LintAllowance], strict: Bool) -> [Diagnostic] {
        var allowed: Set<Pair> = []
        var comments: [Diagnostic] = []
        for allowance in allowances {
            guard allowance.isWellFormed else {
                comments.append(.warning(allowance.location, "`\(allowance.id)` is not understood; write `<!-- preflight-lint: allow ID -->` with the ids shown in brackets after lint's messages", id: "lint.bad-comment"))
                continue
            }
            guard let entry = DiagnosticCatalog.entry(allowance.id) else {
                comments.append(.warning(allowance.location, "`preflight-lint: allow \(allowance.id)` names no diagnostic id; the ids are listed in docs/lesson-format.md", id: "lint.unknown-id"))
                continue
            }
            guard entry.severity == .warning else {
                comments.append(.warning(allowance.location, "`\(allowance.id)` is an error, and errors cannot be allowed; fix what it reports", id: "lint.cannot-allow-error"))
                continue
            }
            allowed.insert(Pair(file: allowance.location.file, id: allowance.id))
        }
        return (diagnostics + comments).compactMap { diagnostic in
            if diagnostic.severity == .warning && allowed.contains(Pair(file: diagnostic.location.file, id: diagnostic.id)) { return nil }
            guard strict, diagnostic.severity == .warning else { return diagnostic }
            var promoted = diagnostic
            promoted.severity = .error
            promoted.notes.append("a warning, made an error by --strict; if it is meant, allow it in this file with a `preflight-lint: allow \(diagnostic.id)` comment")
            return promoted
        }
    }

    private struct Pair: Hashable {
        var file: String
        var id: String
    }
}
