import PreflightCore
import XCTest

/// The block rewrite behind `check --accept`: only the block's text changes, whatever holds it.
final class ExpectedBlockEditTests: XCTestCase {
    private func edit(_ source: String, _ first: Int, _ last: Int, _ text: String) throws -> String {
        try ExpectedBlockEdit.apply([.init(firstLine: first, lastLine: last, text: text)], to: source).get()
    }

    func testOnlyTheTextBetweenTheFencesChanges() throws {
        let source = "intro\n\n```output ellipsis  \nold\nlines\n```\n\nafter\n"
        XCTAssertEqual(try edit(source, 3, 6, "new"), "intro\n\n```output ellipsis  \nnew\n```\n\nafter\n")
        XCTAssertEqual(try edit(source, 3, 6, ""), "intro\n\n```output ellipsis  \n```\n\nafter\n", "no output: an empty block")
    }

    func testLineEndingsAreTheFiles() throws {
        XCTAssertEqual(try edit("a\r\n~~~~output\r\nold\r\n~~~~\r\nb", 2, 4, "x\ny"), "a\r\n~~~~output\r\nx\r\ny\r\n~~~~\r\nb")
        XCTAssertEqual(try edit("a\r```output\rold\r```", 2, 4, "x\ny"), "a\r```output\rx\ry\r```", "old Mac endings, no final newline")
    }

    func testIndentationAndQuoteMarkersContinueTheBlock() throws {
        XCTAssertEqual(try edit("> ```output\n> old\n> ```\n", 1, 3, "x\n\ny"), "> ```output\n> x\n>\n> y\n> ```\n")
        XCTAssertEqual(try edit("1. item\n\n   ```output\n   old\n   ```\n", 3, 5, "x"), "1. item\n\n   ```output\n   x\n   ```\n")
        XCTAssertEqual(try edit("- ```output\n  old\n  ```\n", 1, 3, "x"), "- ```output\n  x\n  ```\n")
    }

    func testOutputThatWouldCloseTheFenceGetsALongerFence() throws {
        XCTAssertEqual(try edit("```output\nold\n```\n", 1, 3, "a\n```\nb"), "````output\na\n```\nb\n````\n")
        XCTAssertEqual(try edit("```output\nold\n```\n", 1, 3, "```python"), "```output\n```python\n```\n", "a fence with an info string cannot close a block")
        XCTAssertEqual(try edit("~~~output\nold\n~~~\n", 1, 3, "```"), "~~~output\n```\n~~~\n", "backticks do not close a tilde fence")
    }

    func testABlockNeverClosedIsClosed() throws {
        XCTAssertEqual(try edit("text\n\n```output\nold\n", 3, 4, "new"), "text\n\n```output\nnew\n```\n")
        XCTAssertEqual(try edit("```output", 1, 1, "new"), "```output\nnew\n```")
    }

    func testSeveralBlocksAtOnceAndWhatIsRefused() throws {
        let source = "```output\na\n```\n\n```output\nb\n```\n"
        let result = try ExpectedBlockEdit.apply([.init(firstLine: 1, lastLine: 3, text: "A\nA"), .init(firstLine: 5, lastLine: 7, text: "B")], to: source).get()
        XCTAssertEqual(result, "```output\nA\nA\n```\n\n```output\nB\n```\n")
        XCTAssertThrowsError(try edit("plain\nold\n```\n", 1, 3, "x"), "no fence where the block should open")
        XCTAssertThrowsError(try edit("```output\n", 1, 9, "x"), "lines past the end")
    }
}
