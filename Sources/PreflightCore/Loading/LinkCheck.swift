import Foundation

/// Relative links and images must point at files that exist: a moved or misspelt picture is
/// otherwise only found by a learner. Web addresses, anchors and absolute paths are left alone.
enum LinkCheck {
    static func diagnostics(in document: MarkdownNode, file: URL, displayPath: String) -> [Diagnostic] {
        let folder = file.deletingLastPathComponent()
        var diagnostics: [Diagnostic] = []
        document.walk { node in
            let target: String, what: String
            switch node.kind {
            case .link(let destination, _): (target, what) = (destination, "link")
            case .image(let source, _): (target, what) = (source, "image")
            default: return
            }
            guard let path = localPath(target) else { return }
            let resolved = folder.appendingPathComponent(path).standardizedFileURL
            guard !FileManager.default.fileExists(atPath: resolved.path) else { return }
            diagnostics.append(.warning(
                SourceLocation(file: displayPath, line: node.start.line, column: node.start.column),
                "\(what) target `\(target)` does not exist (relative to this file's folder)", id: "link.missing-file"))
        }
        return diagnostics
    }

    /// The file part of a relative destination, or nil for web addresses (`https:`, `mailto:`),
    /// anchors (`#usage`) and absolute paths.
    static func localPath(_ destination: String) -> String? {
        var path = destination.trimmingWhitespace()
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        guard !path.isEmpty, !path.hasPrefix("/") else { return nil }
        // A scheme is letters, digits, `+`, `-` or `.` before the first `:` (and before any `/`).
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        return path.removingPercentEncoding ?? path
    }
}
