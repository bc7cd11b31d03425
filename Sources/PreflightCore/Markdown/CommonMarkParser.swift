import CCmark

/// The one place that touches libcmark's C pointers. It parses with source positions and UTF-8
/// validation, copies the C tree into `MarkdownNode` values with libcmark's own iterator (no
/// recursion, so no input can exhaust the stack), and frees every C object before it returns, so
/// callers get a `Sendable` tree that is safe to share across tasks.
public enum CommonMarkParser {
    /// Deeper nesting than this (block quotes in lists in block quotes…) is cut off: no lesson
    /// needs it, and every consumer of the tree may then walk it recursively.
    public static let maximumDepth = 256

    public static let depthMessage = "Markdown is nested more than \(maximumDepth) levels deep here (block quotes or lists inside each other); what is nested deeper is left out of the lesson"

    public struct Result: Sendable {
        public var document: MarkdownNode
        /// Where nesting first went past `maximumDepth`; what was nested deeper is left out.
        public var depthLimitReached: SourcePosition?
    }

    public static func parse(_ source: String) -> Result {
        parse(SourceText(source))
    }

    /// Parses text whose lines are already found (a lesson's body), without copying it again.
    static func parse(_ source: SourceText) -> Result {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let origin = SourcePosition(line: 1, column: 1)
        let parsed = source.bytes.isEmpty ? cmark_parse_document("", 0, options) : source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root = parsed else {
            return Result(document: MarkdownNode(kind: .document, range: SourceRange(start: origin, end: origin)))
        }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else {
            return Result(document: MarkdownNode(kind: .document, range: SourceRange(start: origin, end: origin)))
        }
        defer { cmark_iter_free(iterator) }
        var converter = Converter(columns: ColumnMap(source))
        return converter.convert(iterator)
    }

    private struct Converter {
        var columns: ColumnMap

        /// Walks libcmark's tree in document order: a container is opened on ENTER and closed
        /// (appended to its parent) on EXIT; leaves only have an ENTER event.
        mutating func convert(_ iterator: OpaquePointer) -> Result {
            var stack: [MarkdownNode] = []
            var finished: MarkdownNode?
            var skippedDepth = 0
            var limit: SourcePosition?
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let isLeaf = Self.isLeaf(node)
                if skippedDepth > 0 {
                    // Inside a subtree cut off for depth: only keep count of where it ends.
                    if !isLeaf { skippedDepth += event == CMARK_EVENT_ENTER ? 1 : -1 }
                    continue
                }
                if event == CMARK_EVENT_EXIT {
                    let closed = stack.removeLast()
                    if stack.isEmpty { finished = closed } else { stack[stack.count - 1].children.append(closed) }
                    continue
                }
                let inherited = stack.last?.range.start ?? SourcePosition(line: 1, column: 1)
                let range = position(of: node, inherited: inherited)
                if !isLeaf && stack.count >= maximumDepth {
                    limit = limit ?? range.start
                    skippedDepth = 1
                    continue
                }
                let converted = MarkdownNode(kind: kind(of: node), range: range)
                if isLeaf {
                    if stack.isEmpty { finished = converted } else { stack[stack.count - 1].children.append(converted) }
                } else {
                    stack.append(converted)
                }
            }
            let origin = SourcePosition(line: 1, column: 1)
            return Result(document: finished ?? MarkdownNode(kind: .document, range: SourceRange(start: origin, end: origin)), depthLimitReached: limit)
        }

        /// Nodes libcmark reports with an ENTER event only.
        private static func isLeaf(_ node: OpaquePointer) -> Bool {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
                 CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                return true
            default:
                return false
            }
        }

        private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
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
                let fenced = columns.isFence(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
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

        private mutating func position(of node: OpaquePointer, inherited: SourcePosition) -> SourceRange {
            let startLine = Int(cmark_node_get_start_line(node))
            let endLine = Int(cmark_node_get_end_line(node))
            guard startLine > 0 else { return SourceRange(start: inherited, end: inherited) }
            let start = SourcePosition(line: startLine, column: columns.characterColumn(line: startLine, byteColumn: Int(cmark_node_get_start_column(node))))
            let end = SourcePosition(line: max(endLine, startLine), column: columns.characterColumn(line: endLine, byteColumn: Int(cmark_node_get_end_column(node))))
            return SourceRange(start: start, end: end)
        }
    }
}

/// libcmark counts columns in bytes; people count characters. A line that is all ASCII (nearly
/// every line of a lesson) needs no conversion, and any other line gets a byte-to-character table
/// the first time it is asked about, so the whole file costs linear time.
struct ColumnMap {
    private let source: SourceText
    private var tables: [Int: [Int32]] = [:]

    init(_ source: SourceText) { self.source = source }

    mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= source.lineCount, byteColumn > 1 else { return max(byteColumn, 1) }
        if source.asciiLines[line - 1] { return byteColumn }
        let table = tables[line] ?? makeTable(line)
        return Int(table[min(byteColumn - 1, table.count - 1)])
    }

    /// table[i] is the character column of the byte at offset i of the line (1-based columns).
    private mutating func makeTable(_ line: Int) -> [Int32] {
        var table: [Int32] = []
        var column: Int32 = 1
        for byte in source.line(line) {
            // A continuation byte belongs to the character its lead byte started.
            if byte & 0xC0 != 0x80 && !table.isEmpty { column += 1 }
            table.append(column)
        }
        table.append(column + 1)
        tables[line] = table
        return table
    }

    /// libcmark 0.30 has no `cmark_node_get_fenced`: a fenced block starts with its fence
    /// character at the block's start position; an indented block starts with a space or tab.
    func isFence(line: Int, byteColumn: Int) -> Bool {
        guard line >= 1, line <= source.lineCount else { return false }
        let bytes = source.line(line)
        var index = bytes.startIndex + max(byteColumn - 1, 0)
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.endIndex else { return false }
        return bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~")
    }
}
