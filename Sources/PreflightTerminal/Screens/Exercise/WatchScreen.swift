import PreflightApp
import PreflightCore

/// Turns a `WatchState` into exactly `size.rows` lines, none wider than the terminal: the
/// exercise and the file to edit at the top (always there), then the task and the last
/// check's result (scrolled to the result after each check), a message line and the keys.
public struct WatchScreen {
    public let size: TerminalSize
    public let styler: Styler

    public init(size: TerminalSize, styler: Styler) {
        self.size = size
        self.styler = styler
    }

    public func frame(_ state: inout WatchState, file: String, polling: String?) -> [String] {
        let width = max(size.columns, 20)
        let exercise = state.current
        let title = styler.apply([.bold], "Exercise \(state.index + 1) of \(state.exercises.count): " + Visible.escape(exercise.title))
            + styler.apply([.dim], "  (\(state.doneCount) done)")
        let edit = "Edit " + Self.elided(Visible.escape(file), width: width - 5)
        let watching = polling.map { "Saves are checked (polling: " + Visible.escape($0) + ")." } ?? "Saves are checked as they happen."
        let bodyHeight = max(size.rows - 5, 1)
        state.page = bodyHeight
        var body: [String]
        var more = ""
        switch state.mode {
        case .list(let selected, let typed):
            body = list(state, selected: selected, typed: typed, height: bodyHeight, width: width)
        case .help:
            body = Self.help.flatMap { ScreenText.wrap($0, width: width, continuation: "    ") }
            body = Array(body.prefix(bodyHeight))
        case .watching:
            let (all, resultStart) = watchingLines(state, width: width)
            if state.revealResult {
                state.scroll = resultStart
                state.revealResult = false
            }
            state.scroll = min(state.scroll, max(0, all.count - bodyHeight))
            body = Array(all.dropFirst(state.scroll).prefix(bodyHeight))
            if all.count > state.scroll + bodyHeight {
                more = state.scroll + bodyHeight <= resultStart ? "↓ the result is below (j, PgDn, End)" : "↓ more (j/k to scroll)"
            } else if state.scroll > 0 {
                more = "↑ the task is above (k, PgUp, Home)"
            }
        }
        body += Array(repeating: "", count: max(0, bodyHeight - body.count))
        let message = [state.message.map { Visible.escape($0) }, more.isEmpty ? nil : more].compactMap { $0 }.joined(separator: "  ")
        let lines = [title, styler.apply([.dim], edit), styler.apply([.dim], watching)]
            + body + [styler.apply([.yellow], message), styler.apply([.dim], footer(state, width: width))]
        return lines.map { ScreenText.fit($0, width: width) }
    }

    static let help = [
        "Keys",
        "",
        "Save the file in any editor: it is checked each time it changes. When the check passes, the watch moves on.",
        "e: open the file in $VISUAL or $EDITOR",
        "c or Enter: check now",
        "h: the next hint",
        "n, p: the next or previous exercise",
        "l: the list of exercises (↑ ↓ and Enter, or type a number)",
        "j k PgDn PgUp Home End: scroll the task and the result",
        "q: quit",
    ]

    /// The task, then the result; returns where the result starts.
    func watchingLines(_ state: WatchState, width: Int) -> ([String], Int) {
        let exercise = state.current
        let reading = LessonRenderer.readingWidth(forColumns: width)
        let renderer = LessonRenderer(width: reading, styler: styler)
        var lines = renderer.render(blocks: exercise.task)
        let hints = state.hintsShown[exercise.id] ?? 0
        if hints > 0 {
            let hintRenderer = LessonRenderer(width: reading - 2, styler: styler)
            for (number, hint) in exercise.hints.prefix(hints).enumerated() {
                lines.append("")
                lines.append(styler.apply([.bold], "Hint \(number + 1) of \(exercise.hints.count):"))
                lines += hintRenderer.render(blocks: hint).map { "  " + $0 }
            }
        }
        lines.append("")
        lines.append(styler.apply([.dim], String(repeating: "─", count: min(width, 40))))
        let start = lines.count
        if state.checking && state.resultLines.isEmpty { lines.append("Checking…") }
        lines += state.resultLines.flatMap { ScreenText.wrap($0, width: width, continuation: "    ") }
        return (lines, start)
    }

    private func list(_ state: WatchState, selected: Int, typed: String, height: Int, width: Int) -> [String] {
        var rows: [String] = []
        for (number, item) in state.exercises.enumerated() {
            let mark = state.statuses[item.id] == .done ? "✓" : state.statuses[item.id] == .passing ? "•" : " "
            let row = ScreenText.fit("\(number == selected ? "›" : " ") \(String(format: "%2d", number + 1)). \(mark) " + Visible.escape(item.title)
                                     + styler.apply([.dim], "  (" + Visible.escape(item.lessonID) + ")"), width: width)
            rows.append(number == selected ? styler.apply([.inverse], row) : row)
        }
        let top = max(0, min(selected - height / 2, rows.count - (height - 1)))
        let prompt = typed.isEmpty ? "↑/↓ and Enter, or type a number (Esc: back)." : "Exercise \(typed)…: another digit, or Enter."
        return Array(rows.dropFirst(top).prefix(height - 1)) + [styler.apply([.dim], prompt)]
    }

    func footer(_ state: WatchState, width: Int) -> String {
        if case .list = state.mode { return "↑/↓ choose  Enter open  Esc back" }
        let keys = ["e edit", "c check", "h hint", "n next", "p previous", "l list", "j/k scroll"]
        let end = "? help  q quit"
        var line = end
        for count in stride(from: keys.count, through: 0, by: -1) {
            line = (keys.prefix(count) + [end]).joined(separator: "  ")
            if TextWidth.of(line) <= width { break }
        }
        return line
    }

    /// A path shortened in the middle to fit, keeping its file name: `/home/…/02-latency-slo/slo.py`.
    static func elided(_ path: String, width: Int) -> String {
        guard TextWidth.of(path) > width, width > 8 else { return path }
        let tail = String(path.suffix(max(width - 2, 1)))
        let cut = tail.firstIndex(of: "/") ?? tail.startIndex
        return "…" + String(tail[cut...])
    }
}
