import Foundation
import PreflightCore

/// A page that is drawn again a moment after each save of the files it comes from: `show
/// --watch` (a lesson and its diagnostics) and `lint --watch` (the course's diagnostics). An
/// author keeps it open beside the editor. One event queue, as `exercise watch` has: keys, file
/// events, the debounce timer, polling and resizes all arrive through the one `KeyReader.next`
/// call, so a key typed during a debounce is never lost.
public final class PreviewLoop {
    /// What one render shows: a title line, and the lines below it, which scroll.
    public struct Page {
        public var title: String
        public var lines: [String]

        public init(title: String, lines: [String]) {
            self.title = title
            self.lines = lines
        }
    }

    let terminal: RawTerminal
    let poll: Bool
    let styler: Styler
    /// The folders to watch, asked again after every render (a new section folder, say).
    let folders: () -> [URL]
    let render: (_ width: Int) -> Page
    /// Quiet time after the last file event before rendering, so one save renders once.
    static let debounceMilliseconds: Int32 = 120

    private var page = Page(title: "", lines: [])
    private var scroll = 0
    private var renders = 0
    private var renderedAt = ""

    public init(terminal: RawTerminal, styler: Styler, poll: Bool, folders: @escaping () -> [URL], render: @escaping (_ width: Int) -> Page) {
        self.terminal = terminal
        self.styler = styler
        self.poll = poll
        self.folders = folders
        self.render = render
    }

    public func run() {
        terminal.enter()
        defer { terminal.restore() }
        let keys = KeyReader()
        var watcher = refresh()
        var renderDue: UInt64?
        loop: while true {
            draw(watcher)
            let now = DispatchTime.now().uptimeNanoseconds
            var wait: Int32 = watcher.usesPolling ? 300 : -1
            if let renderDue { wait = Int32(renderDue > now ? (renderDue - now) / 1_000_000 + 1 : 0) }
            switch keys.next(watching: watcher.descriptor, timeoutMilliseconds: wait) {
            case .endOfInput: break loop
            case .resize: watcher = refresh()
            case .ready, .timeout:
                if watcher.consumeChanges() {
                    renderDue = DispatchTime.now().uptimeNanoseconds + UInt64(Self.debounceMilliseconds) * 1_000_000
                }
            case .key(let key):
                switch key {
                case .character("q"), .controlC, .controlD: break loop
                case .character("r"): renderDue = 0
                case .character("j"), .down: scroll += 1
                case .character("k"), .up: scroll -= 1
                case .character(" "), .pageDown: scroll += bodyRows - 1
                case .character("b"), .pageUp: scroll -= bodyRows - 1
                case .character("g"), .home: scroll = 0
                case .character("G"), .end: scroll = page.lines.count
                default: break
                }
            }
            if let due = renderDue, DispatchTime.now().uptimeNanoseconds >= due {
                renderDue = nil
                watcher = refresh()
            }
        }
    }

    private var size: TerminalSize { TerminalSize.current() ?? TerminalSize(columns: 80, rows: 24) }
    /// Rows between the title and the footer.
    private var bodyRows: Int { max(size.rows - 3, 1) }

    /// Renders the page and watches what it now comes from.
    private func refresh() -> FileWatcher {
        page = render(max(size.columns, 20))
        renders += 1
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        renderedAt = formatter.string(from: Date())
        return FileWatcher(folders: folders(), poll: poll)
    }

    private func draw(_ watcher: FileWatcher) {
        let width = max(size.columns, 20)
        scroll = max(0, min(scroll, max(0, page.lines.count - bodyRows)))
        var rows = [styler.apply([.bold], page.title)]
        rows.append(styler.apply([.dim], "Rendered at \(renderedAt) (render \(renders)); saved changes show here\(watcher.usesPolling ? " (polling)" : "")."))
        rows += page.lines.dropFirst(scroll).prefix(bodyRows)
        rows += Array(repeating: "", count: max(0, bodyRows + 2 - rows.count))
        let more = page.lines.count > bodyRows ? "  lines \(scroll + 1)–\(min(scroll + bodyRows, page.lines.count)) of \(page.lines.count)" : ""
        rows.append(styler.apply([.dim], "j/k scroll  space/b page  r render now  q quit" + more))
        let fitted = rows.map { TextWidth.of($0) <= width || styler.enabled ? $0 : TextWidth.prefix($0, fitting: width) }
        terminal.write(ANSI.moveTo(row: 1, column: 1) + fitted.map { $0 + ANSI.clearLineToEnd }.joined(separator: "\r\n") + ANSI.clearToEnd)
    }

    /// Diagnostic lines (`file:line:col: error: …`, already escaped), wrapped to the width and
    /// coloured by severity.
    public static func diagnosticLines(_ lines: [String], width: Int, styler: Styler) -> [String] {
        var result: [String] = []
        for text in lines.flatMap({ $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }) {
            let styles: [ANSI.SGR] = text.contains(": error: ") ? [.red] : text.contains(": warning: ") ? [.yellow] : text.hasPrefix("    note: ") ? [.dim] : []
            var rest = Substring(text)
            repeat {
                let piece = TextWidth.prefix(String(rest), fitting: width)
                result.append(styler.apply(styles, piece))
                rest = rest.dropFirst(max(piece.count, 1))
            } while !rest.isEmpty
        }
        return result
    }
}
