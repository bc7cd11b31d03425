import Foundation

/// Parses one alternative of an `Answer:` line:
/// - `/pattern/` — a regular expression, matched case-insensitively against the whole answer;
/// - `42`, `0.25 ± 0.01`, `0.25 +- 0.01`, `20% ± 1%` — a number with an optional tolerance
///   (a key written with `%` also accepts answers written as percentages);
/// - anything else — text, compared after `AnswerNormalizer`.
public enum AnswerKeyParser {
    public struct Problem: Error, Equatable {
        public var message: String
    }

    public static func parse(_ alternative: String) -> Result<AnswerKey, Problem> {
        let text = alternative.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") {
            let pattern = String(text.dropFirst().dropLast())
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch {
                return .failure(Problem(message: "answer regex /\(pattern)/ does not compile; check its brackets and escapes (write it in backticks so Markdown leaves backslashes alone)"))
            }
            return .success(.regex(pattern))
        }
        if let number = parseNumberKey(text) { return .success(number) }
        if AnswerNormalizer.normalize(text).isEmpty {
            return .failure(Problem(message: "empty answer alternative: the `Answer:` line needs text after it, alternatives separated by ` | `"))
        }
        return .success(.text(text))
    }

    static func parseNumberKey(_ text: String) -> AnswerKey? {
        let separators = ["±", "+/-", "+-"]
        var valuePart = text
        var tolerancePart: String?
        for separator in separators {
            if let range = text.range(of: separator) {
                valuePart = String(text[..<range.lowerBound])
                tolerancePart = String(text[range.upperBound...])
                break
            }
        }
        guard let value = NumberParser.parse(valuePart.trimmingCharacters(in: .whitespaces), allowPercent: true) else { return nil }
        var tolerance = 0.0
        if let tolerancePart {
            guard let parsed = NumberParser.parse(tolerancePart.trimmingCharacters(in: .whitespaces), allowPercent: true), parsed.value >= 0 else { return nil }
            tolerance = parsed.value
        }
        return .number(value: value.value, tolerance: tolerance, allowsPercent: value.isPercent)
    }
}

/// Numbers as learners type them: `0.2`, `.2`, `2e-1`, `-3`, and `20%` (0.2) where allowed.
public enum NumberParser {
    public static func parse(_ text: String, allowPercent: Bool) -> (value: Double, isPercent: Bool)? {
        var body = text.replacingOccurrences(of: ",", with: "")
        var isPercent = false
        if body.hasSuffix("%") {
            guard allowPercent else { return nil }
            isPercent = true
            body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard !body.isEmpty, body.range(of: #"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"#, options: .regularExpression) != nil,
            let value = Double(body), value.isFinite
        else { return nil }
        return (isPercent ? value / 100 : value, isPercent)
    }
}
