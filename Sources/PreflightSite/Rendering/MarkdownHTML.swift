import Foundation
import PreflightCore

/// Turns the Markdown tree libcmark produced into HTML, the way the terminal renderer reads it:
/// pipe tables are paragraphs whose lines start with `|`, code blocks keep their language for the
/// highlighter, and every piece of lesson text is escaped. Raw HTML is shown as text unless the
/// course allows it; links with schemes other than http(s) and mailto are made inert.
struct MarkdownHTML {
    var htmlPolicy: HTMLPolicy = .escape
    /// Rewrites a relative link (to another lesson's file, say); nil leaves it as written.
    var rewriteLink: (String) -> String? = { _ in nil }
    /// HTML wrapped around a code block: its caption and what follows it (the example's
    /// verification date). Nil renders the block plainly.
    var codeFrame: (MarkdownNode) -> (caption: String, after: String)? = { _ in nil }
    /// Heading levels are shifted by this much (a question's H3 prompt inside an H2 page part).
    var headingShift = 0
    var anchors = AnchorNames()
    /// The id given to the last heading rendered, for links into the page (search results).
    private(set) var lastHeadingID: String?

    mutating func blocks(_ nodes: [MarkdownNode]) -> String {
        var html = ""
        for node in nodes { html += block(node) }
        return html
    }

    mutating func block(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .heading(let level):
            let shown = min(max(level + headingShift, 1), 6)
            let id = anchors.unique(node.plainText)
            lastHeadingID = id
            return "<h\(shown) id=\"\(id)\">\(inlines(node.children))</h\(shown)>\n"
        case .paragraph:
            if let table = table(node) { return table }
            return "<p>\(inlines(node.children))</p>\n"
        case .codeBlock(let info, let code, _):
            let pre = codeBlock(info: info, code: code)
            guard let frame = codeFrame(node) else { return pre }
            return "<figure class=\"code-figure\">\(frame.caption)\(pre)\(frame.after)</figure>\n"
        case .htmlBlock(let raw):
            if htmlPolicy == .allow { return raw + "\n" }
            return "<pre class=\"raw-html\"><code class=\"nohighlight\">\(HTMLText.escape(raw))</code></pre>\n"
        case .thematicBreak:
            return "<hr>\n"
        case .blockQuote:
            return "<blockquote>\n\(blocks(node.children))</blockquote>\n"
        case .bulletList(let tight):
            return "<ul>\n\(items(node.children, tight: tight))</ul>\n"
        case .orderedList(let start, let tight):
            let startAttribute = start == 1 ? "" : " start=\"\(start)\""
            return "<ol\(startAttribute)>\n\(items(node.children, tight: tight))</ol>\n"
        case .item:
            return "<li>\(blocks(node.children))</li>\n"
        default:
            return "<p>\(inlines([node]))</p>\n"
        }
    }

    private mutating func items(_ items: [MarkdownNode], tight: Bool) -> String {
        var html = ""
        for item in items {
            var body = ""
            for child in item.children {
                // A tight list's paragraphs are bare text, as CommonMark renders them.
                if tight, child.kind == .paragraph, table(child) == nil {
                    body += inlines(child.children)
                } else {
                    body += block(child)
                }
            }
            html += "<li>\(body)</li>\n"
        }
        return html
    }

    func codeBlock(info: String, code: String) -> String {
        let language = info.split(whereSeparator: \.isWhitespace).first.map { String($0).lowercased() } ?? ""
        let plain: Set<String> = ["", "output", "text", "plaintext", "console"]
        let safeLanguage = language.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "+") }
        let codeClass = plain.contains(language) || safeLanguage.isEmpty ? "nohighlight" : "language-\(safeLanguage)"
        var body = code
        if body.hasSuffix("\n") { body.removeLast() }
        let label = safeLanguage.isEmpty || language == "output" ? "" : " data-language=\"\(HTMLText.escape(safeLanguage))\""
        return "<pre class=\"code\"\(label)><code class=\"\(codeClass)\">\(HTMLText.escape(body))</code></pre>\n"
    }

    func inlines(_ nodes: [MarkdownNode]) -> String {
        var html = ""
        for node in nodes {
            switch node.kind {
            case .text(let text): html += HTMLText.escape(text)
            case .softBreak: html += "\n"
            case .lineBreak: html += "<br>\n"
            case .code(let code): html += "<code>\(HTMLText.escape(code))</code>"
            case .emphasis: html += "<em>\(inlines(node.children))</em>"
            case .strong: html += "<strong>\(inlines(node.children))</strong>"
            case .htmlInline(let raw):
                html += htmlPolicy == .allow ? raw : "<code class=\"raw-html\">\(HTMLText.escape(raw))</code>"
            case .link(let destination, let title):
                html += link(destination: destination, title: title, content: inlines(node.children))
            case .image(let source, _):
                // Pictures are not copied into the site; the reader gets a link to them.
                let alt = node.children.map(\.plainText).joined()
                html += link(destination: source, title: "", content: "[image: \(HTMLText.escape(alt))]")
            default: html += inlines(node.children)
            }
        }
        return html
    }

    private func link(destination: String, title: String, content: String) -> String {
        guard LinkPolicy.isSafe(destination) else {
            return "<span class=\"inert-link\">\(content) <span class=\"inert-target\">(\(HTMLText.escape(destination)))</span></span>"
        }
        let target = rewriteLink(destination) ?? destination
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLText.escape(title))\""
        return "<a href=\"\(HTMLText.escape(target))\"\(titleAttribute)>\(content)</a>"
    }

    // MARK: Pipe tables

    /// A GitHub-style table written as a paragraph: every line starts with `|` and the second
    /// is a delimiter row. Nil for any other paragraph.
    func table(_ paragraph: MarkdownNode) -> String? {
        // Most paragraphs are prose: only one whose text starts with `|` can be a table.
        guard case .text(let first) = paragraph.children.first?.kind, first.drop(while: { $0 == " " }).hasPrefix("|") else { return nil }
        var lines: [[MarkdownNode]] = [[]]
        for node in paragraph.children {
            if case .softBreak = node.kind { lines.append([]) } else { lines[lines.count - 1].append(node) }
        }
        guard lines.count >= 2 else { return nil }
        let texts = lines.map { $0.map(\.plainText).joined().trimmingCharacters(in: .whitespaces) }
        guard texts.allSatisfy({ $0.hasPrefix("|") }), let alignments = Self.alignments(texts[1]) else { return nil }
        let header = Self.cells(lines[0])
        let rows = lines.dropFirst(2).map(Self.cells)
        let columns = ([header] + rows).map(\.count).max() ?? 0
        func alignment(_ column: Int) -> String {
            guard column < alignments.count, let value = alignments[column] else { return "" }
            return " class=\"align-\(value)\""
        }
        var html = "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\"><table>\n<thead><tr>"
        for column in 0..<columns {
            html += "<th scope=\"col\"\(alignment(column))>\(column < header.count ? inlines(header[column]) : "")</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for column in 0..<columns { html += "<td\(alignment(column))>\(column < row.count ? inlines(row[column]) : "")</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// `|---|:--:|--:|` → [nil, "center", "right"]; nil when the row is not a delimiter row.
    static func alignments(_ text: String) -> [String?]? {
        let inner = text.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !inner.isEmpty else { return nil }
        var result: [String?] = []
        for cell in inner {
            var body = Substring(cell)
            let left = body.hasPrefix(":"), right = body.hasSuffix(":")
            if left { body = body.dropFirst() }
            if right && !body.isEmpty { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? "center" : right ? "right" : left ? "left" : nil)
        }
        return result
    }

    /// Splits a row at the `|` characters of its text nodes (a pipe inside inline code stays).
    static func cells(_ line: [MarkdownNode]) -> [[MarkdownNode]] {
        var cells: [[MarkdownNode]] = [[]]
        for node in line {
            guard case .text(let text) = node.kind else { cells[cells.count - 1].append(node); continue }
            for (index, piece) in text.split(separator: "|", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { cells.append([]) }
                if !piece.isEmpty { cells[cells.count - 1].append(MarkdownNode(kind: .text(String(piece)), range: node.range)) }
            }
        }
        func blank(_ cell: [MarkdownNode]) -> Bool { cell.allSatisfy { $0.plainText.allSatisfy(\.isWhitespace) } }
        if cells.first.map(blank) == true { cells.removeFirst() }
        if cells.last.map(blank) == true { cells.removeLast() }
        return cells.map(trimmed)
    }

    private static func trimmed(_ cell: [MarkdownNode]) -> [MarkdownNode] {
        var cell = cell
        if let first = cell.first, case .text(let text) = first.kind {
            cell[0].kind = .text(String(text.drop(while: \.isWhitespace)))
        }
        if let last = cell.last, case .text(let text) = last.kind {
            cell[cell.count - 1].kind = .text(String(text.reversed().drop(while: \.isWhitespace).reversed()))
        }
        return cell
    }
}
