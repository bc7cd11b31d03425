import Foundation
import PreflightCore
import XCTest

/// The byte-level helpers the loader uses instead of Foundation's string calls give Foundation's
/// answers, on ASCII and on every kind of Unicode space at the edges and in between.
final class TextHelperTests: XCTestCase {
    private let pieces = ["a", "Zz", "é", "e\u{301}", "日本", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{0085}", "\u{200B}", "🙂", "-", "|"]

    private func samples() -> [String] {
        var generator = SplitMix(state: 0x5EED)
        var found = ["", " ", "a", "  a  b  ", "\u{00A0}x\u{00A0}", "\t\n"]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...7, using: &generator)
            found.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return found
    }

    func testTrimmingMatchesFoundation() {
        for text in samples() {
            XCTAssertEqual(text.trimmingWhitespace(), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
            XCTAssertEqual(text.trimmingWhitespaceAndNewlines(), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            let sub = text.dropFirst()
            XCTAssertEqual(sub.trimmingWhitespace(), sub.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    func testCollapsingMatchesSplittingOnWhitespace() {
        for text in samples() {
            XCTAssertEqual(text.collapsingWhitespace(), text.split(whereSeparator: \.isWhitespace).joined(separator: " "), text.debugDescription)
        }
    }

    func testPlainNumbersAreWhatTheExpressionAccepted() {
        let pattern = #"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"#
        for text in ["0", "-1", "+2.", ".5", "1.5e3", "1e", "e5", ".", "-", "1.2.3", "١٢", "1_000", " 1", "1 ", "0x10", "1E-9", "+.5E+2", ""] {
            let expected = text.range(of: pattern, options: .regularExpression) != nil && Double(text) != nil
            XCTAssertEqual(NumberParser.isPlainNumber(text) && Double(text) != nil, expected, text)
        }
    }
}

/// A seeded generator, so every run tries the same strings.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
