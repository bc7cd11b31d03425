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
