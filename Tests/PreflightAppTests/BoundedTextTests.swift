import PreflightApp
import XCTest

/// Failure output in reports is bounded per example, and every cut says what it removed.
final class BoundedTextTests: XCTestCase {
    func testShortTextIsUntouched() {
        let text = "--- expected\n+++ actual\n-a\n+b\n"
        XCTAssertEqual(BoundedText.bound(text), text)
    }

    func testALongLineIsCutWithTheCountOfWhatWasCut() {
        let line = String(repeating: "x", count: 4_000_000)
        let bounded = BoundedText.bound("before\n" + line + "\nafter")
        XCTAssertEqual(bounded, "before\n" + String(repeating: "x", count: BoundedText.maximumLineBytes)
                       + " [… \(String(4_000_000 - BoundedText.maximumLineBytes).groupedForTest) more bytes on this line cut]\nafter")
    }

    func testManyLinesStopAtTheByteBudgetWithTheCountOfLinesCut() {
        let lines = (1...30_000).map { "line \($0) " + String(repeating: "y", count: 90) }
        let bounded = BoundedText.bound(lines.joined(separator: "\n"))
        XCTAssertLessThanOrEqual(bounded.utf8.count, BoundedText.maximumBytes + 100)
        XCTAssertTrue(bounded.hasPrefix("line 1 "), bounded)
        let kept = bounded.split(separator: "\n").count - 1
        XCTAssertTrue(bounded.hasSuffix("[… \((30_000 - kept).description.groupedForTest) more lines (\(lines[kept...].joined(separator: "\n").utf8.count.description.groupedForTest) bytes) cut]"), String(bounded.suffix(80)))
    }

    func testCutsNeverSplitACharacter() {
        let line = String(repeating: "é", count: 1000)  // two bytes each: the cut at 300 bytes falls between them
        let bounded = BoundedText.bound(line)
        XCTAssertTrue(bounded.hasPrefix(String(repeating: "é", count: BoundedText.maximumLineBytes / 2) + " [… "), bounded)
        let odd = "a" + line  // now the byte limit falls inside an é
        XCTAssertFalse(BoundedText.bound(odd).contains("\u{FFFD}"))
    }
}

extension String {
    /// "3999700" → "3,999,700", as the markers write counts.
    var groupedForTest: String {
        var out = ""
        for (index, digit) in enumerated() {
            if index > 0 && (count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
