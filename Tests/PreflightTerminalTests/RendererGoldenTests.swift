import Foundation
import PreflightCore
import PreflightTerminal
import XCTest

/// Golden files for the renderer at 40, 80 and 120 columns, with and without colour. Re-record
/// only on request: `PREFLIGHT_RECORD_GOLDENS=1 swift test --filter RendererGoldenTests`.
final class RendererGoldenTests: XCTestCase {
    static let recording = ProcessInfo.processInfo.environment["PREFLIGHT_RECORD_GOLDENS"] == "1"
    static var sourceFixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures") }
    static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    func render(_ name: String, width: Int, colour: Bool) throws -> [String] {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("render/\(name).md"), encoding: .utf8)
        return LessonRenderer(width: width, styler: Styler(enabled: colour)).render(document: CommonMarkParser.parse(text).document)
    }

    func checkGolden(_ name: String) throws {
        for width in [40, 80, 120] {
            for colour in [false, true] {
                let lines = try render(name, width: width, colour: colour)
                let output = lines.joined(separator: "\n") + "\n"
                let file = "golden/\(name).\(width).\(colour ? "color" : "plain").txt"
                if Self.recording {
                    try output.write(to: Self.sourceFixtures.appendingPathComponent(file), atomically: true, encoding: .utf8)
                    continue
                }
                let golden = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
                XCTAssertEqual(output, golden, "\(file) differs; re-record with PREFLIGHT_RECORD_GOLDENS=1 if the change is intended")
                for line in lines {
                    XCTAssertLessThanOrEqual(TextWidth.of(Self.stripSGR(line)), width, "\(file): `\(line)` is wider than \(width)")
                }
                if !colour { XCTAssertFalse(output.contains("\u{1B}"), "\(file): plain output has an escape character") }
            }
        }
    }

    func testAllElements() throws { try checkGolden("elements") }
    func testWideAndCombiningCharacters() throws { try checkGolden("wide") }
    func testPipeTablesAlignOrFallBackToOneBlockPerRow() throws {
        try checkGolden("table")
        let wide = try render("table", width: 120, colour: false)
        XCTAssertTrue(wide.contains { $0.hasPrefix("Environment │ the code runs") }, "rows keep their own lines, columns aligned")
        XCTAssertFalse(wide.contains { $0.contains("|---") }, "the delimiter row is not shown")
        let narrow = try render("table", width: 40, colour: false)
        XCTAssertTrue(narrow.contains("  Checked in: Deployment Environment"), "a narrow terminal gets labelled cells")
        XCTAssertTrue(narrow.contains { $0.hasPrefix("| not a table because") }, "a paragraph that only looks like a table stays prose")
    }
    func testInjectionIsShownNotObeyed() throws {
        try checkGolden("injection")
        for colour in [false, true] {
            let output = try render("injection", width: 80, colour: colour).joined(separator: "\n")
            // The only escape sequences left are the renderer's own SGR styles.
            XCTAssertEqual(Self.stripSGR(output).contains("\u{1B}"), false)
            XCTAssertFalse(output.contains("\u{07}"))
            XCTAssertTrue(output.contains("^[]0;pwned^G"))
            XCTAssertTrue(output.contains("^[]52;c;cHduZWQ=^G"))
            XCTAssertTrue(output.contains("<U+202E>"))
        }
    }

    func testWidthsOfWideAndCombiningCharacters() {
        XCTAssertEqual(TextWidth.of("abc"), 3)
        XCTAssertEqual(TextWidth.of("日本"), 4)
        XCTAssertEqual(TextWidth.of("cafe\u{301}"), 4)
        XCTAssertEqual(TextWidth.of("🚀"), 2)
        XCTAssertEqual(TextWidth.of("👩‍💻"), 2)
        XCTAssertEqual(TextWidth.prefix("日本語", fitting: 5), "日本")
    }

    static func stripSGR(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
