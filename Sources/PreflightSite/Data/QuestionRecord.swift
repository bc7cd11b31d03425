import Foundation
import PreflightCore

/// A quiz question as the browser's grader reads it: the answer key in the same terms as the
/// Swift grader's (`QuizAnswer`), the prompt already rendered (and escaped) as HTML, and the
/// option texts, feedback and explanation as plain text for the script to place with
/// `textContent`.
struct QuestionRecord: Encodable {
    struct Option: Encodable {
        var text: String
        var correct: Bool
        var feedback: String?
    }

    struct Key: Encodable {
        var type: String
        var text: String?
        var pattern: String?
        var value: Double?
        var tolerance: Double?
        var percent: Bool?
    }

    struct Output: Encodable {
        var text: String
        var ellipsis: Bool
        var whitespace: Bool
    }

    var id: String
    var lesson: String
    var section: String
    var title: String
    var kind: String
    var prompt: String
    var options: [Option]?
    var keys: [Key]?
    var output: Output?
    var items: [String]?
    var explanation: String?
    /// When `preflight check` last proved a predict-the-output key, as `yyyy-MM-dd`.
    var verified: String?

    init(_ question: QuizQuestion, sectionID: String, prompt: String, verified: Date?) {
        id = question.id
        lesson = question.lessonID
        section = sectionID
        title = question.title.siteText
        kind = question.kind.rawValue
        self.prompt = prompt
        explanation = question.explanation
        self.verified = verified.map(SiteDates.day)
        switch question.answer {
        case .choice(let choices):
            options = choices.map { Option(text: $0.text, correct: $0.isCorrect, feedback: $0.feedback) }
        case .shortAnswer(let answerKeys):
            keys = answerKeys.map { key in
                switch key {
                case .text(let text): return Key(type: "text", text: text)
                case .regex(let pattern): return Key(type: "regex", pattern: pattern)
                case .number(let value, let tolerance, let percent): return Key(type: "number", value: value, tolerance: tolerance, percent: percent)
                }
            }
        case .predictOutput(let example):
            output = Output(text: example.expected.text, ellipsis: example.expected.options.ellipsis, whitespace: example.expected.options.ignoreWhitespace)
        case .ordering(let list):
            items = list
        }
    }
}

/// Data files are scripts that assign to a global, not JSON fetched at run time: browsers
/// refuse `fetch()` of local files, and the site must work when opened from `file://`.
enum DataScript {
    static func assignment(_ path: String, _ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        return "\(path) = \(json);\n"
    }
}
