import PreflightCore
import XCTest

final class VisibleTests: XCTestCase {
    func testEscapeSequencesAreShownNotObeyed() {
        XCTAssertEqual(Visible.escape("\u{1B}]0;pwned\u{07}title"), "^[]0;pwned^Gtitle")
        XCTAssertEqual(Visible.escape("a\u{1B}[2Jb"), "a^[[2Jb")
        XCTAssertEqual(Visible.escape("x\u{9B}31m"), "x<U+009B>31m")
        XCTAssertEqual(Visible.escape("abc\u{202E}def"), "abc<U+202E>def")
        XCTAssertEqual(Visible.escape("line\nnext"), "line\\nnext")
        XCTAssertEqual(Visible.escape("line\nnext", keepNewlines: true), "line\nnext")
        XCTAssertEqual(Visible.escape("tab\there\u{7F}"), "tab\there^?")
        XCTAssertEqual(Visible.escape("café 日本"), "café 日本")
    }
}
