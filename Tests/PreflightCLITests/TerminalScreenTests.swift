import TestSupport
import XCTest

/// The screen model the terminal tests read: cursor moves, erasing, autowrap and scrolling.
final class TerminalScreenTests: XCTestCase {
    func testCursorMovesEraseWrapAndScroll() {
        var screen = TerminalScreen(rows: 3, columns: 10)
        screen.feed(Array("\u{1B}[?1049h\u{1B}[1;1H\u{1B}[1mhello\u{1B}[0m\u{1B}[K\r\nworld".utf8))
        XCTAssertEqual(screen.lines, ["hello", "world", ""])
        screen.feed(Array("\u{1B}[1;3Hxy\u{1B}[K".utf8))
        XCTAssertEqual(screen.lines[0], "hexy")
        screen.feed(Array("\u{1B}[3;1H0123456789AB".utf8))
        XCTAssertEqual(screen.lines, ["world", "0123456789", "AB"], "a line wider than the screen wraps and scrolls the top away")
        var split = TerminalScreen(rows: 2, columns: 10)
        let bytes = Array("é\u{1B}[2;1Hok".utf8)
        split.feed(Array(bytes[..<1]))
        split.feed(Array(bytes[1..<4]))
        split.feed(Array(bytes[4...]))
        XCTAssertEqual(split.lines, ["é", "ok"], "characters and sequences split across reads")
    }
}
