import Foundation

/// A GIFT reader written for the tests from the grammar Moodle documents and its importer
/// follows (question/format/gift): questions are separated by blank lines; `//` lines are
/// comments; `$CATEGORY:` switches category; `::name::` names a question; `[html]` gives the
/// text's format; the answer block is between the first `{` and the first `}`; `####` starts
/// the general feedback; `\` escapes `: # = { } ~` and itself, and `\n` is a newline. The type
/// is told as Moodle tells it: `#` first is numerical, a `~` anywhere is multiple choice, `=`
/// with `->` is matching, T/TRUE/F/FALSE is true/false, anything else is short answer.
struct GIFTReader {
    struct Answer: Equatable {
        var text: String
        var fraction: Double
        var feedback: String
    }

    struct Question {
        var category: String
        var name: String
        var format: String
        var text: String
        var generalFeedback: String
        var type: String
        var answers: [Answer] = []
        /// True/false: the right answer, and the feedback for each of the two choices.
        var answerIsTrue = false
        var feedbackTrue = ""
        var feedbackFalse = ""
        var numbers: [(value: Double, tolerance: Double)] = []
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    private static let escapes: [(String, String)] = [
        ("\\:", "\u{E001}"), ("\\#", "\u{E002}"), ("\\=", "\u{E003}"), ("\\{", "\u{E004}"),
        ("\\}", "\u{E005}"), ("\\~", "\u{E006}"), ("\\n", "\u{E007}"),
    ]

    static func read(_ document: String) throws -> [Question] {
        var questions: [Question] = []
        var category = ""
        var block: [String] = []
        func flush() throws {
            defer { block = [] }
            let lines = block.map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? " " : $0 }
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return }
            if text.hasPrefix("$CATEGORY:") {
                category = String(text.dropFirst("$CATEGORY:".count)).trimmingCharacters(in: .whitespaces)
                return
            }
            var question = try parse(protect(text))
            question.category = category
            questions.append(question)
        }
        for line in document.components(separatedBy: "\n") {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { try flush() } else { block.append(line) }
        }
        try flush()
        return questions
    }

    /// Escaped characters become placeholders before parsing, as Moodle's importer does.
    static func protect(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\\\\", with: "\u{E000}")
        for (escaped, placeholder) in escapes { result = result.replacingOccurrences(of: escaped, with: placeholder) }
        return result.replacingOccurrences(of: "\u{E000}", with: "\\")
    }

    static func restore(_ text: String) -> String {
        var result = text
        let characters = [":", "#", "=", "{", "}", "~", "\n"]
        for ((_, placeholder), character) in zip(escapes, characters) { result = result.replacingOccurrences(of: placeholder, with: character) }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `[html]text` → ("html", "text").
    static func formatted(_ text: String, default format: String = "moodle") -> (String, String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
            let name = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            if ["html", "moodle", "plain", "markdown"].contains(name) { return (name, restore(String(trimmed[trimmed.index(after: close)...]))) }
        }
        return (format, restore(trimmed))
    }

    static func parse(_ source: String) throws -> Question {
        var text = source
        var name = ""
        if text.hasPrefix("::") {
            text.removeFirst(2)
            guard let end = text.range(of: "::") else { throw Failure(description: "unclosed name in: \(source)") }
            name = restore(String(text[..<end.lowerBound]))
            text = String(text[end.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        guard let open = text.firstIndex(of: "{"), let close = text.firstIndex(of: "}"), open < close else {
            throw Failure(description: "no answer block in: \(source)")
        }
        var answerText = String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespacesAndNewlines)
        let questionText = String(text[..<open]) + String(text[text.index(after: close)...])
        var general = ""
        if let separator = answerText.range(of: "####", options: .backwards) {
            general = String(answerText[separator.upperBound...])
            answerText = String(answerText[..<separator.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (format, body) = formatted(questionText)
        var question = Question(category: "", name: name, format: format, text: body, generalFeedback: formatted(general, default: format).1, type: "")
        if answerText.hasPrefix("#") {
            question.type = "numerical"
            var numeric = String(answerText.dropFirst())
            if let tilde = numeric.firstIndex(of: "~") { numeric = String(numeric[..<tilde]) }
            for part in numeric.components(separatedBy: "=").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !part.isEmpty {
                let answer = part.components(separatedBy: "#")[0].trimmingCharacters(in: .whitespaces)
                let pieces = answer.components(separatedBy: ":")
                guard let value = Double(restore(pieces[0])) else { throw Failure(description: "not a number: \(answer)") }
                let tolerance = pieces.count > 1 ? Double(restore(pieces[1])) ?? -1 : 0
                question.numbers.append((value, tolerance))
            }
        } else if answerText.contains("~") {
            question.type = "multichoice"
            let parts = answerText.replacingOccurrences(of: "=", with: "~=").components(separatedBy: "~")
            for raw in parts.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !raw.isEmpty {
                var answer = raw
                var fraction = 0.0
                if answer.hasPrefix("=") {
                    fraction = 1
                    answer.removeFirst()
                } else if let weight = answer.wholeMatch(of: /%(-?[0-9]{1,2}(?:\.[0-9]*)?)%(.*)/.dotMatchesNewlines()) {
                    fraction = (Double(weight.1) ?? 0) / 100
                    answer = String(weight.2)
                }
                let bits = answer.components(separatedBy: "#")
                question.answers.append(Answer(text: formatted(bits[0], default: format).1, fraction: fraction,
                                               feedback: bits.count > 1 ? formatted(bits.dropFirst().joined(separator: "#"), default: format).1 : ""))
            }
        } else if answerText.contains("="), answerText.contains("->") {
            question.type = "match"
        } else {
            let check = answerText.components(separatedBy: "#")[0].trimmingCharacters(in: .whitespacesAndNewlines)
            if ["T", "TRUE", "F", "FALSE"].contains(check) {
                question.type = "truefalse"
                let bits = answerText.components(separatedBy: "#")
                question.answerIsTrue = check.hasPrefix("T")
                let wrong = bits.count > 1 ? formatted(bits[1], default: format).1 : ""
                let right = bits.count > 2 ? formatted(bits[2], default: format).1 : ""
                question.feedbackTrue = question.answerIsTrue ? right : wrong
                question.feedbackFalse = question.answerIsTrue ? wrong : right
            } else {
                question.type = "shortanswer"
                for raw in answerText.components(separatedBy: "=").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !raw.isEmpty {
                    let bits = raw.components(separatedBy: "#")
                    question.answers.append(Answer(text: restore(bits[0]), fraction: 1, feedback: bits.count > 1 ? restore(bits[1]) : ""))
                }
            }
        }
        return question
    }
}
