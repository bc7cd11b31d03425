import Foundation

/// Relative links and images must point at files that exist: a moved or misspelt picture is
/// otherwise only found by a learner. Web addresses, anchors and absolute paths are left alone.
enum LinkCheck {
    /// A relative link or image in a lesson: what is checked against the files beside it. The
    /// course index keeps these rather than their verdicts, since the files can come and go
    /// while the lesson stays the same.
    struct Target: Sendable, Hashable, Codable {
        var destination: String
        var path: String
        var isImage: Bool
        var line: Int
        var column: Int
    }

    static func diagnostics(in document: MarkdownNode, file: URL, displayPath: String) -> [Diagnostic] {
        diagnostics(for: targets(in: document), file: file, displayPath: displayPath)
    }

    static func targets(in document: MarkdownNode) -> [Target] {
        var targets: [Target] = []
        document.walk { node in
            let target: String, isImage: Bool
            switch node.kind {
            case .link(let destination, _): (target, isImage) = (destination, false)
            case .image(let source, _): (target, isImage) = (source, true)
            default: return
            }
            guard let path = localPath(target) else { return }
            targets.append(Target(destination: target, path: path, isImage: isImage, line: node.start.line, column: node.start.column))
        }
        return targets
    }

    static func diagnostics(for targets: [Target], file: URL, displayPath: String) -> [Diagnostic] {
        let folder = file.deletingLastPathComponent()
        return targets.compactMap { target in
            let resolved = folder.appendingPathComponent(target.path).standardizedFileURL
            guard !FileManager.default.fileExists(atPath: resolved.path) else { return nil }
            return .warning(
                SourceLocation(file: displayPath, line: target.line, column: target.column),
                "\(target.isImage ? "image" : "link") target `\(target.destination)` does not exist (relative to this file's folder)", id: "link.missing-file")
        }
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
