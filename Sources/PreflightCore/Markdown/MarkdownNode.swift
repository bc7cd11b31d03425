/// A position in Markdown source: 1-based line and 1-based character column.
public struct SourcePosition: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

public struct SourceRange: Sendable, Hashable, Codable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }
}

/// One node of a CommonMark document, copied out of libcmark's tree into a Swift value so that
/// nothing outside `CommonMarkParser` ever holds a C pointer. Block nodes carry libcmark's source
/// range; inline nodes carry their enclosing block's start when libcmark gives them none.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case bulletList(tight: Bool)
        case orderedList(start: Int, tight: Bool)
        case item
        /// `fenced` is false for indented code blocks, which have no info string.
        case codeBlock(info: String, code: String, fenced: Bool)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    public var kind: Kind
    public var range: SourceRange
    public var children: [MarkdownNode]

    public init(kind: Kind, range: SourceRange, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }

    public var start: SourcePosition { range.start }

    /// The text a reader sees, without markup: soft breaks become spaces, hard breaks newlines.
    public var plainText: String {
        switch kind {
        case .text(let s), .code(let s): return s
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .htmlInline, .htmlBlock: return ""
        case .codeBlock(_, let code, _): return code
        default:
            let separator = isBlockContainer ? "\n" : ""
            return children.map(\.plainText).joined(separator: separator)
        }
    }

    var isBlockContainer: Bool {
        switch kind {
        case .document, .blockQuote, .bulletList, .orderedList, .item: return true
        default: return false
        }
    }

    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// Every node of this subtree in document order (pre-order), this node first.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        // By index, so each child is borrowed in place rather than copied out by an iterator.
        for index in children.indices { children[index].walk(visit) }
    }
}
