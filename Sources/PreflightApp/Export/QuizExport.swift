import Foundation
import PreflightCore

/// A course's quiz questions as an LMS question bank can hold them: what Moodle's formats can
/// express, in categories by section and lesson, and a loss report for everything else. Nothing
/// is dropped or changed without a line in the report naming the question, its file and line.
public struct QuizExport: Sendable {
    public struct Question: Sendable {
        /// Course, section and lesson titles: the category the question goes in.
        public var category: [String]
        public var id: String
        public var name: String
        /// The question as HTML: its title, then the prompt (prose and code).
        public var html: String
        /// The author's explanation as HTML (Moodle's general feedback).
        public var generalFeedback: String?
        public var body: Body
        public var location: SourceLocation
    }

    public struct Choice: Sendable {
        /// The option as HTML.
        public var html: String
        /// The option's text, for formats that show it plain.
        public var text: String
        /// Moodle's grade for picking it, as a fraction of the mark (−1 … 1).
        public var fraction: Double
        public var feedback: String?
    }

    public enum Body: Sendable {
        case multichoice(single: Bool, choices: [Choice])
        case trueFalse(answerIsTrue: Bool, feedbackTrue: String?, feedbackFalse: String?)
        /// Accepted texts, compared ignoring case unless `caseSensitive`.
        case shortAnswer(answers: [String], caseSensitive: Bool)
        case numerical(answers: [(value: Double, tolerance: Double)])
    }

    /// What could not be carried over, for one question.
    public struct Loss: Sendable, Hashable {
        public var location: SourceLocation
        public var title: String
        /// True when the question was left out altogether; false when it went out with this part missing.
        public var omitted: Bool
        public var reason: String

        /// `file:line:col: note: question “…” not exported: reason`, as compilers write.
        public var line: String {
            "\(Visible.escape(location.file)):\(location.line):\(location.column): note: question \u{201C}\(Visible.escape(title))\u{201D} "
                + (omitted ? "not exported: " : "exported without ") + Visible.escape(reason)
        }
    }

    public var questions: [Question] = []
    public var losses: [Loss] = []
    /// Section and lesson summaries, by category path, for formats that describe categories.
    public var categoryInfo: [[String]: String] = [:]

    /// Moodle's grades for multiple-choice answers: 1/k of the mark exists for k up to 10 only.
    static let maximumRightOptions = 10

    public init(course: Course, lessons: [Lesson]) {
        for lesson in lessons where !lesson.quiz.isEmpty {
            let section = course.section(id: lesson.sectionID)
            let sectionTitle = section?.title.unescaped ?? lesson.sectionID
            let path = [course.config.title.unescaped, sectionTitle, lesson.title.unescaped]
            if let section { categoryInfo[Array(path.prefix(2))] = section.summary.unescaped }
            categoryInfo[path] = lesson.summary.unescaped
            for question in lesson.quiz { add(question, category: path) }
        }
    }

    mutating func add(_ question: QuizQuestion, category: [String]) {
        let title = question.title.unescaped
        func lose(_ reason: String, omitted: Bool = true) {
            losses.append(Loss(location: question.location, title: title, omitted: omitted, reason: reason))
        }
        var html = "<p>" + XMLText.escape(title) + "</p>"
        if !question.prompt.isEmpty { html += "\n" + MarkdownHTML.render(question.prompt) }
        let feedback = question.explanation.map(MarkdownHTML.paragraphs)
        let body: Body
        switch question.answer {
        case .choice(let options):
            let right = options.filter(\.isCorrect).count
            switch question.kind {
            case .trueFalse:
                let trueOption = options.first { $0.text.lowercased() == "true" }
                let falseOption = options.first { $0.text.lowercased() == "false" }
                body = .trueFalse(answerIsTrue: trueOption?.isCorrect ?? false, feedbackTrue: trueOption?.feedback, feedbackFalse: falseOption?.feedback)
            case .multipleChoice:
                // Preflight's partial credit is (right picks − wrong picks) / right options, never
                // below 0; Moodle adds the grades of the options picked and floors the sum at 0,
                // so +1/k for a right option and −1/k for a wrong one grade exactly the same.
                guard right <= Self.maximumRightOptions else {
                    return lose("it has \(right) right options; Moodle's grades give partial credit of 1/k only up to k = \(Self.maximumRightOptions)")
                }
                let share = 1 / Double(right)
                body = .multichoice(single: false, choices: options.map {
                    Choice(html: XMLText.escape($0.text), text: $0.text, fraction: $0.isCorrect ? share : -share, feedback: $0.feedback)
                })
            default:
                body = .multichoice(single: true, choices: options.map {
                    Choice(html: XMLText.escape($0.text), text: $0.text, fraction: $0.isCorrect ? 1 : 0, feedback: $0.feedback)
                })
            }
        case .shortAnswer(let keys):
            let numbers = keys.compactMap { key -> (Double, Double, Bool)? in
                if case .number(let value, let tolerance, let percent) = key { return (value, tolerance, percent) }
                return nil
            }
            let regexes = keys.compactMap { key -> String? in if case .regex(let pattern) = key { return pattern } else { return nil } }
            let texts = keys.compactMap { key -> String? in if case .text(let text) = key { return text } else { return nil } }
            if numbers.count == keys.count {
                let percentKeys = numbers.filter(\.2)
                if !percentKeys.isEmpty {
                    let written = percentKeys.map { Self.plain($0.0 * 100) + "%" }.joined(separator: ", ")
                    let plain = percentKeys.map { Self.plain($0.0) }.joined(separator: ", ")
                    lose("answers written as percentages: Preflight accepts \(written) as well as \(plain); Moodle's numerical question accepts only \(plain)", omitted: false)
                }
                body = .numerical(answers: numbers.map { (value: $0.0, tolerance: $0.1) })
            } else {
                for pattern in regexes {
                    lose("the regular-expression answer /\(pattern)/ (Moodle's short answer has only literal text with `*` wildcards)", omitted: texts.isEmpty && numbers.isEmpty)
                }
                for number in numbers {
                    lose("the numeric answer \(Self.plain(number.0))" + (number.1 > 0 ? " ± \(Self.plain(number.1))" : "") + " among text answers: it is exported as the exact text `\(Self.plain(number.0))`", omitted: false)
                }
                let answers = texts + numbers.map { Self.plain($0.0) }
                guard !answers.isEmpty else { return }
                body = .shortAnswer(answers: answers, caseSensitive: false)
            }
        case .predictOutput(let example):
            var problems: [String] = []
            let options = example.expected.options
            if options.ellipsis { problems.append("the `ellipsis` option (`...` matching any text)") }
            if options.ignoreWhitespace { problems.append("the `whitespace` option (runs of spaces compared as one)") }
            let expected = example.expected.text.hasSuffix("\n") ? String(example.expected.text.dropLast()) : example.expected.text
            if expected.contains("\n") { problems.append("an output of \(expected.split(separator: "\n", omittingEmptySubsequences: false).count) lines (Moodle's short answer is one line)") }
            if expected.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("an empty output") }
            if !problems.isEmpty { return lose(problems.joined(separator: "; ")) }
            body = .shortAnswer(answers: [expected], caseSensitive: true)
        case .ordering:
            return lose("an ordering question (Moodle has one only with the ordering question plugin, and GIFT none)")
        }
        questions.append(Question(category: category, id: question.id, name: title, html: html, generalFeedback: feedback, body: body, location: question.location))
    }

    /// A number as an author writes it and as Moodle reads it: `300`, `0.25`, `1e-06`.
    static func plain(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let short = String(format: "%.10g", value)
        return Double(short) == value ? short : String(value)
    }
}
