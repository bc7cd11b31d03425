import Foundation
import PreflightCore
import XCTest

/// Lesson files an author (or an attacker) can write that once knocked the parser over: deep
/// nesting, very long lines and huge paragraphs end in a diagnostic or a tree, never a crash.
final class ParserRobustnessTests: XCTestCase {
    static let frontMatter = "---\nid: deep\ntitle: Deep\nsummary: S.\n---\n\n# Deep\n\n"

    func depth(_ node: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(node, 1)]
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            stack += current.children.map { ($0, level + 1) }
        }
        return deepest
    }

    func testHundredThousandNestedBlockQuotesAreCutWithADiagnosticAtTheirLine() throws {
        let markdown = Self.frontMatter + String(repeating: ">", count: 100_000) + " deep\n\nAfter.\n"
        let (lesson, diagnostics) = Fixture.lesson(markdown: markdown)
        let error = try XCTUnwrap(diagnostics.errors.first { $0.message.contains("nested more than 256 levels") }, "\(diagnostics)")
        XCTAssertEqual(error.location.line, 9)
        XCTAssertEqual(error.location.column, 256, "the quote that goes one level too deep")
        let tree = try XCTUnwrap(lesson).document
        XCTAssertLessThanOrEqual(depth(tree), CommonMarkParser.maximumDepth + 1)
        XCTAssertEqual(tree.children.last?.plainText, "After.", "what follows the deep block is kept")
    }

    func testDeeplyNestedListsAndEmphasisAreCutToo() {
        let lists = (1...600).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        let parsedLists = CommonMarkParser.parse(lists + "\n")
        XCTAssertNotNil(parsedLists.depthLimitReached)
        XCTAssertLessThanOrEqual(depth(parsedLists.document), CommonMarkParser.maximumDepth + 1)
        let emphasis = String(repeating: "*a ", count: 5_000) + "b" + String(repeating: "*", count: 5_000)
        let parsedEmphasis = CommonMarkParser.parse(emphasis + "\n")
        XCTAssertLessThanOrEqual(depth(parsedEmphasis.document), CommonMarkParser.maximumDepth + 1)
    }

    func testShallowDocumentsAreNotMarked() {
        XCTAssertNil(CommonMarkParser.parse("> > > three levels\n\n- a\n  - b\n").depthLimitReached)
    }

    func testVeryLongLinesKeepCharacterColumns() throws {
        // 200,000 two-byte characters, then inline code: the paragraph ends at a character
        // column, not at libcmark's byte column (400,005).
        let line = String(repeating: "é", count: 200_000) + " `code`"
        let tree = CommonMarkParser.parse(line + "\n").document
        let paragraph = try XCTUnwrap(tree.children.first)
        XCTAssertEqual(paragraph.plainText.count, 200_005)
        XCTAssertEqual(paragraph.range.end.column, 200_007)
        let (_, diagnostics) = Fixture.lesson(markdown: Self.frontMatter + line + "\n\n```python\nprint(1)\n```\n")
        let unpaired = try XCTUnwrap(diagnostics.errors.first { $0.message.contains("no expected output") }, "\(diagnostics)")
        XCTAssertEqual(unpaired.location.line, 11)
        XCTAssertEqual(unpaired.location.column, 1)
    }

    func testOneMebibyteParagraphBecomesOneParagraph() throws {
        let words = String(repeating: "deployment check ", count: 61_681)  // just under 1 MiB
        let markdown = Self.frontMatter + words + "\n"
        let config = CourseConfig(id: "c", title: "C", maxFileSize: 2 << 20)
        let (lesson, diagnostics) = Fixture.lesson(markdown: markdown, config: config)
        XCTAssertEqual(diagnostics.errors, [])
        let paragraph = try XCTUnwrap(lesson?.sections.first?.blocks.first)
        XCTAssertEqual(paragraph.kind, .paragraph)
        XCTAssertEqual(paragraph.plainText.utf8.count, words.utf8.count - 1)
    }
}
