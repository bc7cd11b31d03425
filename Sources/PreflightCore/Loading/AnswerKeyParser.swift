import Foundation

/// Parses one alternative of an `Answer:` line:
/// - `/pattern/` — a regular expression, matched case-insensitively against the whole answer;
/// - `42`, `0.25 ± 0.01`, `0.25 +- 0.01`, `20% ± 1%` — a number with an optional tolerance
///   (a key written with `%` also accepts answers written as percentages);
/// - anything else — text, compared after `AnswerNormalizer`.
public enum AnswerKeyParser {
    public struct Problem: Error, Equatable {
        public var message: String
        /// The diagnostic id: `answer.bad-regex`, `answer.decimal-comma`, …
        public var id: String
    }

    static let toleranceSeparators = ["±", "+/-", "+-"]

    public static func parse(_ alternative: String) -> Result<AnswerKey, Problem> {
        let text = alternative.trimmingWhitespace()
        if text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") {
            let pattern = String(text.dropFirst().dropLast())
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch {
                return .failure(Problem(message: "answer regex /\(pattern)/ does not compile; check its brackets and escapes (write it in backticks so Markdown leaves backslashes alone)", id: "answer.bad-regex"))
            }
            return .success(.regex(pattern))
        }
        if let number = parseNumberKey(text) {
            if let problem = commaProblem(text, key: number) { return .failure(problem) }
            return .success(number)
        }
        if let problem = toleranceProblem(text) { return .failure(problem) }
        if AnswerNormalizer.normalize(text).isEmpty {
            return .failure(Problem(message: "empty answer alternative: the `Answer:` line needs text after it, alternatives separated by ` | `", id: "answer.empty"))
        }
        return .success(.text(text))
    }

    /// A key that parses but may not mean what its author meant: `2|two` is one literal answer;
    /// a `/regex/` whose text differs from what the file says lost a backslash (or `*`, `_`) to
    /// Markdown. `written` is the alternative as it stands in the source, when known.
    public static func doubts(_ alternative: String, key: AnswerKey, written: String?, source: String) -> [Problem] {
        let text = alternative.trimmingWhitespace()
        let inBackticks = written.map { $0.hasPrefix("`") && $0.hasSuffix("`") } ?? false
        switch key {
        case .regex:
            let flattened = source.replacingOccurrences(of: "\n", with: " ")
            guard !source.isEmpty, !flattened.contains(text) else { return [] }
            let shown = written.map { " (the file says \(codeSpan($0)))" } ?? ""
            return [Problem(
                message: "the regex key \(codeSpan(text)) is not what the file says\(shown): Markdown read part of it as markup (a backslash escape, `*`, `_` or a backtick); put the whole key in backticks (double ones if it holds a backtick) so it is read literally",
                id: "answer.regex-changed-by-markdown")]
        case .text where text.contains("|") && !inBackticks:
            let parts = text.split(separator: "|").map { $0.trimmingWhitespace() }
            return [Problem(
                message: "`\(text)` is one literal answer: alternatives are separated by ` | ` with a space on each side; write `\(parts.joined(separator: " | "))` if you mean alternatives",
                id: "answer.pipe-without-spaces")]
        default:
            return []
        }
    }

    /// Text quoted as Markdown code, with a longer fence when it holds a backtick.
    static func codeSpan(_ text: String) -> String {
        text.contains("`") ? "`` \(text) ``" : "`\(text)`"
    }

    static func parseNumberKey(_ text: String) -> AnswerKey? {
        var valuePart = text
        var tolerancePart: String?
        for separator in toleranceSeparators {
            if let range = text.range(of: separator) {
                valuePart = String(text[..<range.lowerBound])
                tolerancePart = String(text[range.upperBound...])
                break
            }
        }
        guard let value = NumberParser.parse(valuePart.trimmingWhitespace(), allowPercent: true) else { return nil }
        var tolerance = 0.0
        if let tolerancePart {
            guard let parsed = NumberParser.parse(tolerancePart.trimmingWhitespace(), allowPercent: true), parsed.value >= 0 else { return nil }
            tolerance = parsed.value
        }
        return .number(value: value.value, tolerance: tolerance, allowsPercent: value.isPercent)
    }

    /// `0.25 ± abc` or `abc ± 0.01`: one side of a tolerance is a number, the other is not.
    private static func toleranceProblem(_ text: String) -> Problem? {
        guard let separator = toleranceSeparators.first(where: { text.contains($0) }), let range = text.range(of: separator) else { return nil }
        let value = text[..<range.lowerBound].trimmingWhitespace()
        let tolerance = text[range.upperBound...].trimmingWhitespace()
        let valueIsNumber = NumberParser.parse(value, allowPercent: true) != nil
        let toleranceNumber = NumberParser.parse(tolerance, allowPercent: true)
        if valueIsNumber {
            return Problem(message: "the tolerance `\(tolerance)` in `\(text)` is not a number of at least 0; write a key such as `\(value) \(separator) 0.01`", id: "answer.bad-number")
        }
        if toleranceNumber != nil {
            return Problem(message: "the value `\(value)` before `\(separator)` in `\(text)` is not a number; write a key such as `0.25 \(separator) \(tolerance)`", id: "answer.bad-number")
        }
        return nil
    }

    /// A number key whose commas are not thousands separators (`3,000`, `1,234,567.5`): a
    /// decimal comma (`0,25`), or commas in the wrong places (`1,5,3`). Commas are dropped when a
    /// key is read, so either would silently mean another number.
    static func commaProblem(_ text: String, key: AnswerKey) -> Problem? {
        // Nearly every key has no comma, and then there is nothing to find.
        guard text.contains(","), let numbers = try? NSRegularExpression(pattern: #"\d[\d,]*\d"#) else { return nil }
        var fixed = text
        var decimal = false
        for match in numbers.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range, in: text) else { continue }
            let number = String(text[range])
            guard number.contains(","), number.range(of: #"^[1-9]\d{0,2}(,\d{3})+$"#, options: .regularExpression) == nil else { continue }
            guard number.filter({ $0 == "," }).count == 1, let fixedRange = Range(match.range, in: fixed) else {
                return Problem(message: "`\(number)` in `\(text)` is not a number as written: commas in a number key separate thousands, as in `1,234`", id: "answer.bad-number")
            }
            fixed.replaceSubrange(fixedRange, with: number.replacingOccurrences(of: ",", with: "."))
            decimal = true
        }
        guard decimal else { return nil }
        return Problem(
            message: "`\(text)` uses a decimal comma, and a comma in a number key is read as a thousands separator (this key would mean \(describe(key))); write `\(fixed)`",
            id: "answer.decimal-comma")
    }

    private static func describe(_ key: AnswerKey) -> String {
        guard case .number(let value, let tolerance, let percent) = key else { return "" }
        func shown(_ number: Double) -> String {
            let scaled = percent ? number * 100 : number
            let text = scaled == scaled.rounded() && abs(scaled) < 1e15 ? String(Int(scaled)) : String(scaled)
            return percent ? text + "%" : text
        }
        return tolerance == 0 ? shown(value) : "\(shown(value)) ± \(shown(tolerance))"
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
            body = String(body.dropLast()).trimmingWhitespace()
        }
        guard !body.isEmpty, isPlainNumber(body), let value = Double(body), value.isFinite else { return nil }
        return (isPercent ? value / 100 : value, isPercent)
    }

    /// Whether the text is a plain decimal number: `[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`, the
    /// whole text, with ASCII digits (the only ones `Double` reads, so a regular expression's
    /// wider `\d` would change nothing). Written out because compiling that expression for every
    /// key of every quiz cost more than the rest of reading the key.
    public static func isPlainNumber(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let whole = digits()
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fraction = digits()
        }
        guard whole > 0 || fraction > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
