import CCmark

/// The one place that touches libcmark's C pointers. It parses with source positions and UTF-8
/// validation, copies the C tree into `MarkdownNode` values, and frees every C object before it
/// returns, so callers get a `Sendable` tree that is safe to share across tasks.
public enum CommonMarkParser {
    public static func parse(_ source: String) -> MarkdownNode {
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let utf8Count = source.utf8.count
        guard let root = source.withCString({ cmark_parse_document($0, utf8Count, options) }) else {
            let origin = SourcePosition(line: 1, column: 1)
            return MarkdownNode(kind: .document, range: SourceRange(start: origin, end: origin))
        }
        defer { cmark_node_free(root) }
        let converter = Converter(lines: lines)
        return converter.convert(root, inherited: SourcePosition(line: 1, column: 1))
    }

    private struct Converter {
        let lines: [[UInt8]]

        func convert(_ node: OpaquePointer, inherited: SourcePosition) -> MarkdownNode {
            let range = position(of: node, inherited: inherited)
            var children: [MarkdownNode] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                children.append(convert(current, inherited: range.start))
                child = cmark_node_next(current)
            }
            return MarkdownNode(kind: kind(of: node, at: range.start), range: range, children: children)
        }

        private func kind(of node: OpaquePointer, at start: SourcePosition) -> MarkdownNode.Kind {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: return .document
            case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
            case CMARK_NODE_LIST:
                let tight = cmark_node_get_list_tight(node) != 0
                if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                    return .orderedList(start: Int(cmark_node_get_list_start(node)), tight: tight)
                }
                return .bulletList(tight: tight)
            case CMARK_NODE_ITEM: return .item
            case CMARK_NODE_CODE_BLOCK:
                let fenced = isFence(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
                return .codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(node), fenced: fenced)
            case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal(node))
            case CMARK_NODE_PARAGRAPH: return .paragraph
            case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
            case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
            case CMARK_NODE_TEXT: return .text(literal(node))
            case CMARK_NODE_SOFTBREAK: return .softBreak
            case CMARK_NODE_LINEBREAK: return .lineBreak
            case CMARK_NODE_CODE: return .code(literal(node))
            case CMARK_NODE_HTML_INLINE: return .htmlInline(literal(node))
            case CMARK_NODE_EMPH: return .emphasis
            case CMARK_NODE_STRONG: return .strong
            case CMARK_NODE_LINK:
                return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            case CMARK_NODE_IMAGE:
                return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            default:
                // Custom blocks and inlines cannot come out of the parser; keep their text if any.
                return .text(literal(node))
            }
        }

        private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

        private func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }

        private func position(of node: OpaquePointer, inherited: SourcePosition) -> SourceRange {
            let startLine = Int(cmark_node_get_start_line(node))
            let endLine = Int(cmark_node_get_end_line(node))
            guard startLine > 0 else { return SourceRange(start: inherited, end: inherited) }
            let start = SourcePosition(line: startLine, column: characterColumn(line: startLine, byteColumn: Int(cmark_node_get_start_column(node))))
            let end = SourcePosition(line: max(endLine, startLine), column: characterColumn(line: endLine, byteColumn: Int(cmark_node_get_end_column(node))))
            return SourceRange(start: start, end: end)
        }

        /// libcmark counts columns in bytes; people count characters.
        private func characterColumn(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(byteColumn, 1) }
            let bytes = lines[line - 1].prefix(byteColumn - 1)
            return bytes.reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }

        /// libcmark 0.30 has no `cmark_node_get_fenced`: a fenced block starts with its fence
        /// character at the block's start position; an indented block starts with a space or tab.
        private func isFence(line: Int, byteColumn: Int) -> Bool {
            guard line >= 1, line <= lines.count else { return false }
            let bytes = lines[line - 1]
            var index = max(byteColumn - 1, 0)
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count else { return false }
            return bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~")
        }
    }
}
