import PreflightCore

/// A GitHub-style pipe table, read out of a paragraph. libcmark's core grammar has no tables, so
/// a table reaches the renderer as one paragraph whose lines (joined by soft breaks) start with
/// `|`, the second being the `|---|:--:|` delimiter row. Drawn as aligned columns when they fit
/// the width, and as one block per row (first cell, then `header: cell` lines) when they do not.
struct PipeTable {
    var header: [[StyledRun]]
    var rows: [[[StyledRun]]]

    /// nil unless every line of the paragraph is a table row and the second is a delimiter row.
    init?(paragraph: MarkdownNode, runs: ([MarkdownNode]) -> [StyledRun]) {
        var lines: [[MarkdownNode]] = [[]]
        for node in paragraph.children {
            if case .softBreak = node.kind { lines.append([]) } else { lines[lines.count - 1].append(node) }
        }
        guard lines.count >= 2 else { return nil }
        let texts = lines.map { $0.map(\.plainText).joined().trimmingCharacters(in: .whitespaces) }
        guard texts.allSatisfy({ $0.hasPrefix("|") }), Self.isDelimiterRow(texts[1]) else { return nil }
        let cells = lines.enumerated().filter { $0.offset != 1 }.map { Self.cells(of: $0.element, runs: runs) }
        header = cells[0]
        rows = Array(cells.dropFirst())
    }

    static func isDelimiterRow(_ text: String) -> Bool {
        let inner = text.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        return !inner.isEmpty && inner.allSatisfy { cell in
            var body = Substring(cell)
            if body.hasPrefix(":") { body = body.dropFirst() }
            if body.hasSuffix(":") { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }

    /// Splits a row at the `|` characters of its text nodes (a pipe inside inline code stays).
    static func cells(of line: [MarkdownNode], runs: ([MarkdownNode]) -> [StyledRun]) -> [[StyledRun]] {
        var cells: [[StyledRun]] = [[]]
        for node in line {
            guard case .text(let text) = node.kind else { cells[cells.count - 1] += runs([node]); continue }
            let pieces = text.split(separator: "|", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { cells.append([]) }
                if !piece.isEmpty { cells[cells.count - 1] += runs([MarkdownNode(kind: .text(String(piece)), range: node.range)]) }
            }
        }
        if cells.first.map(isBlank) == true { cells.removeFirst() }
        if cells.last.map(isBlank) == true { cells.removeLast() }
        return cells.map(trimmed)
    }

    static func isBlank(_ cell: [StyledRun]) -> Bool { cell.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }

    static func trimmed(_ cell: [StyledRun]) -> [StyledRun] {
        var cell = cell.filter { !$0.text.isEmpty }
        while let first = cell.first, first.text.first?.isWhitespace == true {
            let text = String(first.text.drop(while: \.isWhitespace))
            if text.isEmpty { cell.removeFirst() } else { cell[0].text = text }
        }
        while let last = cell.last, last.text.last?.isWhitespace == true {
            let text = String(last.text.reversed().drop(while: \.isWhitespace).reversed())
            if text.isEmpty { cell.removeLast() } else { cell[cell.count - 1].text = text }
        }
        return cell
    }

    /// Aligned columns when they fit `width` (0: never, for plain reading), else one block per
    /// row wrapped to `wrapWidth`.
    func render(width: Int, styler: Styler, wrapWidth: Int? = nil) -> [String] {
        let columns = ([header] + rows).map(\.count).max() ?? 0
        func cell(_ row: [[StyledRun]], _ column: Int) -> [StyledRun] { column < row.count ? row[column] : [] }
        func plainWidth(_ runs: [StyledRun]) -> Int { TextWidth.of(runs.map(\.text).joined()) }
        let widths = (0..<columns).map { column in ([header] + rows).map { plainWidth(cell($0, column)) }.max() ?? 0 }
        let separator = styler.apply([.dim], " │ ")
        if widths.reduce(0, +) + 3 * max(columns - 1, 0) <= width {
            func line(_ row: [[StyledRun]], bold: Bool) -> String {
                (0..<columns).map { column in
                    let runs = cell(row, column)
                    let text = runs.map { styler.apply(bold ? $0.styles + [.bold] : $0.styles, $0.text) }.joined()
                    let pad = column == columns - 1 ? 0 : widths[column] - plainWidth(runs)
                    return text + String(repeating: " ", count: pad)
                }.joined(separator: separator)
            }
            let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
            return [line(header, bold: true), styler.apply([.dim], rule)] + rows.map { line($0, bold: false) }
        }
        // Too wide: one block per row, its first cell as a heading and the others labelled.
        let wrapper = TextWrapper(width: wrapWidth ?? width, styler: styler)
        var lines: [String] = []
        for row in rows {
            if !lines.isEmpty { lines.append("") }
            lines += wrapper.wrap(cell(row, 0).map { StyledRun($0.text, $0.styles + [.bold]) })
            for column in 1..<max(columns, 1) where !cell(row, column).isEmpty {
                let label = StyledRun(header.indices.contains(column) ? header[column].map(\.text).joined() + ": " : "", [.dim])
                lines += wrapper.wrap([label] + cell(row, column), firstPrefix: "  ", restPrefix: "    ")
            }
        }
        return lines
    }
}
