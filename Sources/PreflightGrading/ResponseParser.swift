import Foundation
import PreflightCore

/// Turns what a learner typed into a `QuizResponse`: letters for choices (`B`, `A,C`, `a c`,
/// and each letter may be written `c.`, `c)` or `(c)`), `True`/`False` (or `T`/`F`), letters
/// in order for ordering (`C,A,D,B`, `cadb`), free text otherwise; `skip` (or nothing) skips.
/// An answer in backticks is read without them. Letters are read through the question's
/// display order, so shuffled options map back to the authored ones.
public enum ResponseParser {
    public static func parse(_ input: String, for question: QuizQuestion, order: DisplayOrder) -> Result<QuizResponse, ResponseError> {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.lowercased() == "skip" { return .success(.skipped) }
        switch question.answer {
        case .choice(let options):
            let text = ResponseText.unwrapped(text)
            if question.kind == .trueFalse, let index = trueFalseIndex(text, options: options) {
                return .success(.choice([index]))
            }
            let letters = try? letterList(text, count: options.count)
            guard let letters, !letters.isEmpty else {
                return .failure(ResponseError("answer with the letter\(question.kind == .multipleChoice ? "s" : "") of your choice (A–\(Grader.letter(options.count - 1)))\(question.kind == .multipleChoice ? ", separated by commas, e.g. A,C" : "")"))
            }
            if question.kind != .multipleChoice && letters.count > 1 {
                return .failure(ResponseError("this question has one right answer: give one letter"))
            }
            return .success(.choice(Set(letters.compactMap { order.authoredIndex(forLetter: $0) })))
        case .ordering(let items):
            let text = ResponseText.unwrapped(text)
            guard let letters = try? letterList(text, count: items.count), letters.count == items.count, Set(letters).count == items.count else {
                return .failure(ResponseError("give all \(items.count) letters once each, in your order, e.g. \((0..<items.count).reversed().map(Grader.letter).joined(separator: ","))"))
            }
            return .success(.ordering(letters.compactMap { order.authoredIndex(forLetter: $0) }))
        case .shortAnswer, .predictOutput:
            return .success(.text(input))
        }
    }

    private static func trueFalseIndex(_ text: String, options: [ChoiceOption]) -> Int? {
        let word = text.lowercased()
        let wanted: String
        switch word {
        case "true", "t", "yes": wanted = "true"
        case "false", "f", "no": wanted = "false"
        default: return nil
        }
        return options.firstIndex { $0.text.lowercased() == wanted }
    }

    /// `A,C`, `a c`, `AC`, `a) c)`, `(a), (c)`, `A. C.` → ["A", "C"]; anything else throws.
    /// Separators are commas, semicolons and white space; each piece is letters, optionally in
    /// parentheses or followed by `)` or `.`, as options are often labelled.
    static func letterList(_ text: String, count: Int) throws -> [Character] {
        var letters: [Character] = []
        for piece in text.uppercased().split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }) {
            guard let match = piece.wholeMatch(of: /\(?([A-Z]+)(\)|\.)?/) else { throw ResponseError("") }
            let (_, body, close) = match.output
            // `(c` without its `)` is a typo, not a label.
            if piece.hasPrefix("(") && close != ")" { throw ResponseError("") }
            for character in body {
                guard let ascii = character.asciiValue, ascii >= 65, ascii < 65 + UInt8(min(count, 26)) else { throw ResponseError("") }
                letters.append(character)
            }
        }
        return letters
    }
}

public struct ResponseError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
