import PreflightCore
import XCTest

final class OutputMatcherTests: XCTestCase {
    func testLineEndingsAndTrailingWhitespaceDoNotMatter() {
        XCTAssertTrue(OutputMatcher.matches(expected: "a\nb\n", actual: "a  \r\nb\t\r\n\n\n", options: OutputOptions()))
        XCTAssertFalse(OutputMatcher.matches(expected: "a\nb", actual: " a\nb", options: OutputOptions()), "leading space is significant")
        XCTAssertFalse(OutputMatcher.matches(expected: "a\n\nb", actual: "a\nb", options: OutputOptions()), "inner blank lines are significant")
    }

    func testEllipsisWithinALineAndAcrossLines() {
        let options = OutputOptions(ellipsis: true)
        XCTAssertTrue(OutputMatcher.matches(expected: "took ... ms", actual: "took 12.5 ms", options: options))
        XCTAssertTrue(OutputMatcher.matches(expected: "start\n...\nend", actual: "start\nx\ny\nend", options: options))
        XCTAssertTrue(OutputMatcher.matches(expected: "a...", actual: "abc\ndef", options: options))
        XCTAssertTrue(OutputMatcher.matches(expected: "...z", actual: "xyz", options: options))
        XCTAssertFalse(OutputMatcher.matches(expected: "took ... ms", actual: "took 12.5 s", options: options))
        XCTAssertFalse(OutputMatcher.matches(expected: "a...b...c", actual: "a c b", options: options))
        XCTAssertFalse(OutputMatcher.matches(expected: "took ... ms", actual: "took 12.5 ms", options: OutputOptions()), "without the option `...` is literal")
        XCTAssertTrue(OutputMatcher.matches(expected: "x...x", actual: "x", options: options) == false, "pieces may not overlap")
    }

    func testWhitespaceInsensitiveCompare() {
        let options = OutputOptions(ignoreWhitespace: true)
        XCTAssertTrue(OutputMatcher.matches(expected: "a b\n\nc", actual: "  a\t  b\nc  ", options: options))
        XCTAssertFalse(OutputMatcher.matches(expected: "ab", actual: "a b", options: options))
    }

    func testUnifiedDiffShowsChangedLinesWithContext() {
        let diff = UnifiedDiff.make(expected: "1\n2\n3\n4\n5\n6\n7\n8\n9", actual: "1\n2\n3\n4\nfive\n6\n7\n8\n9", expectedLabel: "want", actualLabel: "got")
        XCTAssertEqual(diff, """
            --- want
            +++ got
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
            """)
        XCTAssertEqual(UnifiedDiff.make(expected: "same", actual: "same"), "")
        XCTAssertEqual(UnifiedDiff.make(expected: "", actual: "new"), "--- expected\n+++ actual\n@@ -0,0 +1,1 @@\n+new")
    }

    func testFarApartChangesMakeTwoHunks() {
        let a = (1...20).map(String.init).joined(separator: "\n")
        let b = a.replacingOccurrences(of: "\n2\n", with: "\nTWO\n").replacingOccurrences(of: "\n19\n", with: "\nNINETEEN\n")
        let diff = UnifiedDiff.make(expected: a, actual: b)
        XCTAssertEqual(diff.components(separatedBy: "\n@@").count - 1, 2)
        XCTAssertTrue(diff.contains("-2\n+TWO"))
        XCTAssertTrue(diff.contains("-19\n+NINETEEN"))
    }
}
