import Foundation
import PreflightCore
import XCTest

/// The byte-level reading of a lesson file: fences, line endings, byte order marks and blank
/// files, as an author writes them with different editors. Positions must stay the file's own.
final class LessonTextTests: XCTestCase {
    private let matter = "id: bytes\ntitle: Bytes\nsummary: Read as bytes."

    private func load(_ text: String) -> (Lesson?, [Diagnostic]) {
        Fixture.lesson(markdown: text)
    }

    private func load(bytes: [UInt8]) -> (Lesson?, [Diagnostic]) {
        CourseLoader.loadLesson(data: Data(bytes), displayPath: "inline.md", config: Fixture.config, sectionID: "basics")
    }

    func testWindowsLineEndingsKeepLinesAndColumns() throws {
        let text = "---\r\n\(matter.replacingOccurrences(of: "\n", with: "\r\n"))\r\n---\r\n\r\n# Bytes\r\n\r\n## Example\r\n\r\n```python\r\nprint(1)\r\n```\r\n\r\n```output\r\n1\r\n```\r\n"
        let (lesson, diagnostics) = load(text)
        XCTAssertEqual(diagnostics, [])
        let example = try XCTUnwrap(lesson?.examples.first)
        XCTAssertEqual(example.code, "print(1)\n", "no carriage return reaches the example")
        XCTAssertEqual(example.location.line, 11)
        XCTAssertEqual(example.expected.location.line, 15)
    }

    func testByteOrderMarkAndClosingDots() throws {
        let (lesson, diagnostics) = load("\u{FEFF}---\n\(matter)\n...\n\n# Bytes\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(lesson?.id, "bytes")
        XCTAssertEqual(lesson?.location.line, 2, "the id sits on the file's second line")
    }

    func testFencesMayHaveSpacesTabsAndNoBreakSpacesAround() {
        for fence in ["---  ", "\t---", "\u{00A0}---\u{00A0}", "--- \u{3000}"] {
            let (lesson, diagnostics) = load("\(fence)\n\(matter)\n\(fence)\n\n# Bytes\n")
            XCTAssertEqual(diagnostics, [], "fence \(fence.debugDescription)")
            XCTAssertEqual(lesson?.title, "Bytes", "fence \(fence.debugDescription)")
        }
    }

    func testALineThatOnlyLooksLikeAFenceIsNot() {
        let (lesson, diagnostics) = load("---\n\(matter)\n----\n\n# Bytes\n")
        XCTAssertNil(lesson)
        XCTAssertEqual(diagnostics.map(\.id), ["frontmatter.unclosed"])
        XCTAssertEqual(load("-- -\n\(matter)\n---\n").1.map(\.id), ["frontmatter.missing"])
    }

    func testFrontMatterClosedOnTheNextLineHasNoFields() {
        let (lesson, diagnostics) = load("---\n---\n# Bytes\n")
        XCTAssertNil(lesson)
        XCTAssertEqual(diagnostics.first?.id, "yaml.empty")
        XCTAssertEqual(diagnostics.first?.location.line, 2)
    }

    func testAClosingFenceAtTheEndOfTheFile() {
        let (lesson, diagnostics) = load("---\n\(matter)\n---")
        XCTAssertEqual(lesson?.id, "bytes")
        XCTAssertEqual(diagnostics.map(\.id), ["lesson.no-title"])
        XCTAssertEqual(load("---\n").1.map(\.id), ["frontmatter.unclosed"])
        XCTAssertEqual(load("---").1.map(\.id), ["frontmatter.unclosed"])
    }

    func testALoneCarriageReturnStaysInItsLine() {
        // Only `\r\n` is a line ending; a lone `\r` leaves the fence line reading `---\r`.
        XCTAssertEqual(load("---\r\(matter)\n---\n").1.map(\.id), ["frontmatter.missing"])
    }

    func testBlankFilesAreEmptyWhateverTheirWhitespace() {
        for text in ["", "\n\n", " \t\r\n\u{0B}\u{0C}", "\u{FEFF}", "\u{00A0}\n\u{2028}"] {
            XCTAssertEqual(load(text).1.map(\.id), ["file.empty"], "text \(text.debugDescription)")
        }
        XCTAssertEqual(load("\u{00A0}x").1.map(\.id), ["frontmatter.missing"])
    }

    func testInvalidUTF8IsFoundWherever() {
        let (lesson, diagnostics) = load(bytes: Array("---\nid: é\n".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8))
        XCTAssertNil(lesson)
        XCTAssertEqual(diagnostics.map(\.id), ["file.not-utf8"])
        XCTAssertEqual(diagnostics.first?.location.line, 3)
        XCTAssertEqual(diagnostics.first?.location.column, 1)
    }

    func testColumnsCountCharactersOnLinesWithAccents() throws {
        let text = "---\n\(matter)\n---\n\n# Bytes\n\n## Quiz\n\n### Qu'est-ce qu'un échantillon ?\n\nAnswer: écho | `/é+/`\n\nExplanation: É.\n"
        let (lesson, diagnostics) = load(text)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        let question = try XCTUnwrap(lesson?.quiz.first)
        XCTAssertEqual(question.location.line, 11)
        XCTAssertEqual(question.title, "Qu'est-ce qu'un échantillon ?")
        guard case .shortAnswer(let keys) = question.answer else { return XCTFail("not a short answer") }
        XCTAssertEqual(keys, [.text("écho"), .regex("é+")])
    }
}
