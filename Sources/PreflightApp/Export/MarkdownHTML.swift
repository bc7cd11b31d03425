import PreflightCore

/// A lesson's Markdown blocks as HTML for another system to show (Moodle's question text). Every
/// piece of text is escaped: raw HTML in a lesson is shown as text, never passed on, and link
/// targets other than http(s) and mailto are dropped (their text stays).
public enum MarkdownHTML {
    public static func render(_ nodes: [MarkdownNode]) -> String {
        nodes.map(block).joined(separator: "\n")
    }

    /// Plain text as paragraphs (blank lines separate them, single newlines become `<br>`).
    public static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .map { "<p>" + $0.split(separator: "\n", omittingEmptySubsequences: false).map { XMLText.escape(String($0)) }.joined(separator: "<br>") + "</p>" }
            .joined(separator: "\n")
    }

    static func block(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .document: return render(node.children)
        case .paragraph: return "<p>" + inlines(node.children) + "</p>"
        case .heading(let level): return "<h\(min(max(level, 1), 6))>" + inlines(node.children) + "</h\(min(max(level, 1), 6))>"
        case .blockQuote: return "<blockquote>" + render(node.children) + "</blockquote>"
        case .bulletList: return "<ul>" + node.children.map(block).joined() + "</ul>"
        case .orderedList(let start, _): return "<ol" + (start == 1 ? "" : " start=\"\(start)\"") + ">" + node.children.map(block).joined() + "</ol>"
        case .item: return "<li>" + node.children.map { $0.kind == .paragraph ? inlines($0.children) : block($0) }.joined(separator: "\n") + "</li>"
        case .codeBlock(_, let code, _): return "<pre><code>" + XMLText.escape(code.hasSuffix("\n") ? String(code.dropLast()) : code) + "</code></pre>"
        case .htmlBlock(let html): return "<p>" + XMLText.escape(html) + "</p>"
        case .thematicBreak: return "<hr>"
        default: return "<p>" + inline(node) + "</p>"
        }
    }

    static func inlines(_ nodes: [MarkdownNode]) -> String { nodes.map(inline).joined() }

    static func inline(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .text(let text): return XMLText.escape(text)
        case .softBreak: return "\n"
        case .lineBreak: return "<br>"
        case .code(let code): return "<code>" + XMLText.escape(code) + "</code>"
        case .htmlInline(let html): return XMLText.escape(html)
        case .emphasis: return "<em>" + inlines(node.children) + "</em>"
        case .strong: return "<strong>" + inlines(node.children) + "</strong>"
        case .link(let destination, _):
            let lower = destination.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return inlines(node.children) }
            return "<a href=\"" + XMLText.escape(destination) + "\">" + inlines(node.children) + "</a>"
        case .image:
            // The picture lives beside the lesson, not in the LMS: its description stands in.
            return "[" + inlines(node.children) + "]"
        default: return block(node)
        }
    }
}
