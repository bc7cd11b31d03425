import PreflightCore

/// Draws Markdown for the terminal by walking the tree libcmark produced: headings, emphasis,
/// inline and fenced code, nested lists, block quotes, links and rules, wrapped to a width.
/// All lesson text passes through `Visible.escape`, so a lesson cannot drive the terminal.
/// Plain (accessible) rendering draws no boxes or rules: code is announced and closed in words
/// and left unwrapped, so it reads and copies as written; tables are read row by row.
public struct LessonRenderer {
    public let width: Int
    public let styler: Styler
    public let plain: Bool

    /// Prose is easiest to read at no more than this many columns, however wide the terminal.
    public static let readingWidth = 100

    public init(width: Int, styler: Styler, plain: Bool = false) {
        self.width = max(width, 20)
        self.styler = styler
        self.plain = plain
    }

    /// The width prose is wrapped to on a terminal `columns` wide.
    public static func readingWidth(forColumns columns: Int) -> Int { max(20, min(columns, readingWidth)) }

    public func render(document: MarkdownNode) -> [String] { render(blocks: document.children) }

    public func render(blocks: [MarkdownNode]) -> [String] {
        var lines: [String] = []
        for block in blocks {
            let rendered = render(block: block, width: width)
            if rendered.isEmpty { continue }
            if !lines.isEmpty { lines.append("") }
            lines += rendered
        }
        return lines
    }

    /// An HTML block that holds only comments.
    static func isComment(_ html: String) -> Bool {
        var rest = html.drop { $0.isWhitespace }
        guard !rest.isEmpty else { return false }
        while rest.hasPrefix("<!--") {
            guard let close = rest.firstRange(of: "-->") else { return false }
            rest = rest[close.upperBound...].drop { $0.isWhitespace }
        }
        return rest.isEmpty
    }

    func render(block: MarkdownNode, width: Int) -> [String] {
        let wrapper = TextWrapper(width: width, styler: styler)
        switch block.kind {
        case .heading(let level):
            let runs = inlineRuns(block.children, styles: level <= 2 ? [.bold, .cyan] : [.bold])
            var lines = wrapper.wrap(runs)
            if level <= 2 && !plain {
                let textWidth = min(TextWidth.of(runs.map(\.text).joined()), width)
                lines.append(styler.apply([.dim], String(repeating: level == 1 ? "═" : "─", count: max(textWidth, 3))))
            }
            return lines
        case .paragraph:
            if let table = PipeTable(paragraph: block, runs: { inlineRuns($0, styles: []) }) {
                return table.render(width: plain ? 0 : width, styler: styler, wrapWidth: width)
            }
            return wrapper.wrap(inlineRuns(block.children, styles: []))
        case .codeBlock(let info, let code, _):
            return codeBlock(language: InfoWords.language(info), code: code, width: width)
        case .htmlBlock(let html):
            // A comment is the author's note (a scaffold's guidance, a lint allowance), never
            // the learner's to read.
            if Self.isComment(html) { return [] }
            return codeBlock(language: "html", code: html, width: width)
        case .thematicBreak:
            return plain ? [] : [styler.apply([.dim], String(repeating: "─", count: width))]
        case .blockQuote:
            let bar = plain ? "> " : styler.apply([.dim], "│ "), emptyBar = plain ? ">" : styler.apply([.dim], "│")
            return renderChildren(block.children, width: width - 2).map { $0.isEmpty ? emptyBar : bar + $0 }
        case .bulletList, .orderedList:
            return list(block, width: width, depth: 0)
        default:
            return wrapper.wrap(inlineRuns([block], styles: []))
        }
    }

    private func renderChildren(_ children: [MarkdownNode], width: Int) -> [String] {
        var lines: [String] = []
        for child in children {
            let rendered = render(block: child, width: width)
            if rendered.isEmpty { continue }
            if !lines.isEmpty { lines.append("") }
            lines += rendered
        }
        return lines
    }

    private func list(_ list: MarkdownNode, width: Int, depth: Int) -> [String] {
        var lines: [String] = []
        var number: Int
        let tight: Bool
        switch list.kind {
        case .orderedList(let start, let isTight): number = start; tight = isTight
        case .bulletList(let isTight): number = 0; tight = isTight
        default: return []
        }
        let ordered = if case .orderedList = list.kind { true } else { false }
        let bullets = ["•", "◦", "▪"]
        for item in list.children {
            let marker = ordered ? "\(number)." : bullets[depth % bullets.count]
            number += 1
            let markerWidth = TextWidth.of(marker) + 1
            var itemLines: [String] = []
            for child in item.children {
                let rendered: [String]
                if case .bulletList = child.kind { rendered = self.list(child, width: width - markerWidth, depth: depth + 1) }
                else if case .orderedList = child.kind { rendered = self.list(child, width: width - markerWidth, depth: depth + 1) }
                else { rendered = render(block: child, width: width - markerWidth) }
                if !itemLines.isEmpty && !tight { itemLines.append("") }
                itemLines += rendered
            }
            if itemLines.isEmpty { itemLines = [""] }
            let pad = String(repeating: " ", count: markerWidth)
            lines.append(styler.apply([.cyan], marker) + " " + itemLines[0])
            lines += itemLines.dropFirst().map { $0.isEmpty ? "" : pad + $0 }
            if !tight && item != list.children.last { lines.append("") }
        }
        return lines
    }

    private func codeBlock(language: String, code: String, width: Int) -> [String] {
        var body = code
        if body.hasSuffix("\n") { body.removeLast() }
        let rows = body.split(separator: "\n", omittingEmptySubsequences: false).map {
            Visible.escape($0.replacingOccurrences(of: "\t", with: "    "), keepTabs: false)
        }
        if plain {
            let name = language.isEmpty ? "Code:" : "Code (\(Visible.escape(language))):"
            return [name] + rows.map { "    " + $0 } + ["End of code."]
        }
        let label = language.isEmpty ? "" : " \(Visible.escape(language)) "
        let top = "╭─" + label + String(repeating: "─", count: max(0, min(width, 40) - 2 - TextWidth.of(label)))
        var lines = [styler.apply([.dim], top)]
        let bar = styler.apply([.dim], "│ ")
        let mark = styler.apply([.dim], "↪ ")
        for row in rows {
            // A line wider than the box continues on the next, marked, broken between tokens where it can be.
            for (index, piece) in Self.codePieces(row, first: max(width - 2, 1), rest: max(width - 4, 1)).enumerated() {
                lines.append(bar + (index == 0 ? "" : mark) + styler.apply([.yellow], piece))
            }
        }
        lines.append(styler.apply([.dim], "╰─"))
        return lines
    }

    /// A code line cut into pieces of `first`, then `rest`, columns: after a space or a
    /// separator (`,;:([{=`) in the second half of a piece when there is one, else at the width.
    static func codePieces(_ line: String, first: Int, rest: Int) -> [String] {
        var pieces: [String] = []
        var remaining = Substring(line)
        var limit = first
        while TextWidth.of(String(remaining)) > limit {
            let fitting = TextWidth.prefix(String(remaining), fitting: limit)
            var cut = max(fitting.count, 1)
            if let last = fitting.lastIndex(where: { " ,;:([{=".contains($0) }) {
                let position = fitting.distance(from: fitting.startIndex, to: last) + 1
                if position >= fitting.count / 2 { cut = position }
            }
            pieces.append(String(remaining.prefix(cut)))
            remaining = remaining.dropFirst(cut)
            limit = rest
        }
        pieces.append(String(remaining))
        return pieces
    }

    /// Flattens inline nodes into styled runs. Without colour, inline code keeps its backticks
    /// so it still stands out in plain text.
    func inlineRuns(_ nodes: [MarkdownNode], styles: [ANSI.SGR]) -> [StyledRun] {
        var runs: [StyledRun] = []
        for node in nodes {
            switch node.kind {
            case .text(let text): runs.append(StyledRun(Visible.escape(text), styles))
            case .softBreak: runs.append(StyledRun(" ", styles))
            case .lineBreak: runs.append(StyledRun("\n", styles))
            case .code(let code):
                let shown = Visible.escape(code)
                runs.append(StyledRun(styler.enabled ? shown : "`\(shown)`", styles + [.yellow]))
            case .emphasis: runs += inlineRuns(node.children, styles: styles + [.italic])
            case .strong: runs += inlineRuns(node.children, styles: styles + [.bold])
            case .link(let destination, _):
                var text = inlineRuns(node.children, styles: styles + [.underline])
                var target = text.map(\.text).joined() != destination ? [StyledRun(" (\(Visible.escape(destination)))", styles + [.dim])] : []
                // A link and its address stay on one line when they fit in one: joined by
                // no-break spaces, which the wrapper never breaks at and writes as spaces.
                if TextWidth.of((text + target).map(\.text).joined()) <= width {
                    text = text.map { StyledRun($0.text.replacingOccurrences(of: " ", with: "\u{A0}"), $0.styles) }
                    target = target.map { StyledRun($0.text.replacingOccurrences(of: " ", with: "\u{A0}"), $0.styles) }
                }
                runs += text + target
            case .image(let source, _):
                let alt = node.children.map(\.plainText).joined()
                runs.append(StyledRun("[image: \(Visible.escape(alt))] (\(Visible.escape(source)))", styles + [.dim]))
            case .htmlInline(let html): runs.append(StyledRun(Visible.escape(html), styles + [.dim]))
            default: runs += inlineRuns(node.children, styles: styles)
            }
        }
        return runs
    }
}

enum InfoWords {
    static func language(_ info: String) -> String {
        info.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
    }
}
