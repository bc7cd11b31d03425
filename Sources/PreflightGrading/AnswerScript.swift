import Foundation
import PreflightCore

/// Scripted answers, one per line in question order: `B`; `A,C`; `True`; free text; letters
/// for ordering; `skip`. A predicted output spans several lines and ends with a line holding a
/// single `.`. Blank lines between answers are ignored; `#` starts a comment line. Missing
/// answers at the end count as skipped.
public enum AnswerScript {
    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    public static func read(_ text: String, questions: [QuizQuestion], orders: [DisplayOrder]) -> Result<[QuizResponse], Problem> {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var responses: [QuizResponse] = []
        func skipBlank() {
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty || lines[index].hasPrefix("#") { index += 1 }
        }
        for (number, question) in questions.enumerated() {
            skipBlank()
            guard index < lines.count else {
                responses.append(.skipped)
                continue
            }
            let startLine = index + 1
            if case .predictOutput = question.answer, lines[index].trimmingCharacters(in: .whitespaces).lowercased() != "skip" {
                var output: [String] = []
                while index < lines.count, lines[index] != "." {
                    output.append(lines[index])
                    index += 1
                }
                guard index < lines.count else {
                    return .failure(Problem(line: startLine, message: "the predicted output for question \(number + 1) starting here has no closing line with a single `.`"))
                }
                index += 1
                responses.append(.text(output.joined(separator: "\n")))
                continue
            }
            let line = lines[index]
            index += 1
            switch ResponseParser.parse(line, for: question, order: orders[number]) {
            case .success(let response): responses.append(response)
            case .failure(let error):
                return .failure(Problem(line: startLine, message: "`\(line.trimmingCharacters(in: .whitespaces))` does not answer question \(number + 1) (\(question.kind.rawValue)): \(error.message)"))
            }
        }
        skipBlank()
        if index < lines.count {
            return .failure(Problem(line: index + 1, message: "more answers than the \(questions.count) questions"))
        }
        return .success(responses)
    }
}
