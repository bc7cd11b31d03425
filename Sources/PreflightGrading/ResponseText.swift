import Foundation
import PreflightCore

/// How a learner's typed answer is read before it is compared with a key. The same rules are
/// written down in docs/lesson-format.md and exercised by Tests/GradingVectors/vectors.json,
/// which the website's JavaScript grader runs too, so change all three together.
public enum ResponseText {
    /// Trimmed, and when the whole answer is one Markdown code span (`` `x` ``, or ``` ``a`b`` ```
    /// with up to three backticks each side and none of that run inside) the backticks are
    /// removed: a learner who types `` `logger.exception` `` means the name. `` `a` and `b` ``
    /// is two spans and stays as typed.
    public static func unwrapped(_ text: String) -> String {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        for fence in ["```", "``", "`"] where trimmed.count > 2 * fence.count && trimmed.hasPrefix(fence) && trimmed.hasSuffix(fence) {
            let inner = trimmed.dropFirst(fence.count).dropLast(fence.count)
            guard !inner.hasPrefix("`"), !inner.hasSuffix("`"), !inner.contains(fence) else { continue }
            let body = inner.trimmingWhitespaceAndNewlines()
            if !body.isEmpty { return body }
        }
        return trimmed
    }

    /// A number as a learner writes it, for a numeric key: `0.2`, `.2`, `2e-1`, `-3`, `+0.2`,
    /// `20%` (0.2, only where the key allows percentages; `20 percent` too), thousands
    /// separators (`3,000`, `12,345,678`, `1,234.5`), a decimal comma where it cannot be a
    /// thousands separator (`0,25`, `3,5`, `1,2345`, `0,250`), and one unit word after the
    /// number (`300s`, `300 s`, `11.1 hours`, `20 ms`, `5 req/s`), which is not checked.
    ///
    /// A comma followed by exactly three digits after a group of one to three digits that does
    /// not start with 0 (`1,234`, `12,345,678`) is a thousands separator: `1,234` is one
    /// thousand two hundred and thirty-four, never 1.234. Anything else with commas (`1,23,456`,
    /// `1.234,5`, two decimal commas) is not a number, so it is marked wrong rather than read
    /// in a meaning the learner may not have had.
    public static func number(_ text: String, allowPercent: Bool) -> Double? {
        var body = unwrapped(text).replacingOccurrences(of: "\u{2212}", with: "-")
        var isPercent = false
        // A number, optional spaces, then one unit word: letters (any script, `µ` and `°`
        // included), optionally joined by `/` or `-` to more letters (`req/s`), or `per cent`.
        // Nothing else may follow, so `3 or 4` is not read as 3.
        // The expression is built only when the text could hold a unit: building it is the cost.
        if Self.mayHaveUnit(body),
            let match = body.wholeMatch(of: /(?<number>[-+]?[\d.,]+(?:[eE][-+]?\d+)?)\s*(?<unit>per cent|[\p{L}µ°]+(?:[\/-][\p{L}µ°]+)*)/) {
            isPercent = ["percent", "per cent", "pct"].contains(match.output.unit.lowercased())
            body = String(match.output.number)
        } else if body.hasSuffix("%") {
            isPercent = true
            body = String(body.dropLast()).trimmingWhitespace()
        }
        if isPercent && !allowPercent { return nil }
        let exponentStart = body.firstIndex { $0 == "e" || $0 == "E" } ?? body.endIndex
        guard let mantissa = plainDecimal(String(body[..<exponentStart])) else { return nil }
        let written = mantissa + body[exponentStart...]
        guard NumberParser.isPlainNumber(written), let value = Double(written), value.isFinite else { return nil }
        return isPercent ? value / 100 : value
    }

    /// A unit word needs a letter, `µ` or `°`; text of ASCII digits, signs, points, commas, spaces
    /// and `%` has none, so the unit expression (costly to build) need not be tried on it.
    static func mayHaveUnit(_ text: String) -> Bool {
        text.utf8.contains { byte in
            byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        }
    }

    /// Commas resolved to a plain decimal (`3,000` → `3000`, `0,25` → `0.25`); nil when they
    /// are neither valid thousands groups nor a single decimal comma.
    static func plainDecimal(_ text: String) -> String? {
        guard text.contains(",") else { return text }
        var sign = ""
        var digits = Substring(text)
        if let first = digits.first, first == "-" || first == "+" { sign = String(first); digits = digits.dropFirst() }
        if digits.wholeMatch(of: /[1-9]\d{0,2}(,\d{3})+(\.\d*)?/) != nil {
            return sign + digits.replacingOccurrences(of: ",", with: "")
        }
        if digits.wholeMatch(of: /\d+,\d+/) != nil {
            return sign + digits.replacingOccurrences(of: ",", with: ".")
        }
        return nil
    }
}
