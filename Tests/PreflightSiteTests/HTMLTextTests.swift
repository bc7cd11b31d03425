import PreflightCore
@testable import PreflightSite
import XCTest

final class HTMLTextTests: XCTestCase {
    func testMarkupCharactersAndControlsAreEscaped() {
        XCTAssertEqual(HTMLText.escape("<script>alert(\"x\" & 'y')</script>"), "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
        XCTAssertEqual(HTMLText.escape("a\u{1B}[31mb"), "a^[[31mb", "escape codes are shown, as in the terminal")
        XCTAssertEqual(HTMLText.escape("abc\u{202E}def"), "abc&lt;U+202E&gt;def", "a bidirectional override cannot reorder the text")
    }

    func testOnlyWebLinksAndRelativePathsAreLive() {
        for safe in ["https://example.org", "http://x", "mailto:a@b.c", "../03-latency.md", "#quiz", "page.html?x=1:2", "//cdn.example/x"] {
            XCTAssertTrue(LinkPolicy.isSafe(safe), safe)
        }
        for inert in ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x", "java\nscript:x", "data:text/html,<b>", "vbscript:x", "file:///etc/passwd"] {
            XCTAssertFalse(LinkPolicy.isSafe(inert), inert)
        }
    }
}

final class HTMLTextFastPathTests: XCTestCase {
    /// The byte-level shortcut must agree with `Visible.escape` on every character it guards.
    func testTheShortcutSendsEveryCharacterVisibleChangesThroughIt() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0)...0x2100 { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        for scalar in scalars {
            let text = "a" + String(scalar) + "b"
            let changed = Visible.escape(text, keepNewlines: true) != text
            if changed { XCTAssertTrue(HTMLText.needsVisible(text), "U+\(String(scalar.value, radix: 16))") }
        }
        XCTAssertFalse(HTMLText.needsVisible("plain text — with ± and é\nand a tab\t"))
        XCTAssertEqual(HTMLText.escape("a\u{200F}b"), "a&lt;U+200F&gt;b")
        XCTAssertEqual(HTMLText.escape("x\u{85}y"), "x&lt;U+0085&gt;y")
        XCTAssertEqual(HTMLText.escape("Café & <b>"), "Café &amp; &lt;b&gt;")
        XCTAssertEqual(HTMLText.escape("no change"), "no change")
    }
}
