import Foundation
import PreflightCore

/// GIFT, Moodle's plain-text question format, as Moodle's importer reads it: questions separated
/// by blank lines, `$CATEGORY:` lines between them, question text in HTML (`[html]`), and the
/// characters GIFT reserves (`~ = # { } :` and the backslash) escaped with a backslash, newlines
/// written `\n`, so no text can end a question or an answer early.
public enum GIFT {
    /// The document, and what GIFT could not carry on top of the export's own losses.
    public static func document(_ export: QuizExport) -> (text: String, losses: [QuizExport.Loss]) {
        var blocks: [String] = ["// Exported by Preflight: one category per section and lesson."]
        var losses: [QuizExport.Loss] = []
        var category: [String] = []
        for question in export.questions {
            if question.category != category {
                blocks.append("$CATEGORY: " + Visible.escape(MoodleXML.categoryPath(question.category)))
                category = question.category
            }
            let (text, loss) = entry(question)
            if let text { blocks.append(text) }
            if let loss { losses.append(loss) }
        }
        return (blocks.joined(separator: "\n\n") + "\n", losses)
    }

    /// Escapes GIFT's reserved characters; newlines become `\n`; control characters are shown
    /// (`^[`), never passed on.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in Visible.escape(text, keepNewlines: true) {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":": out += "\\" + String(character)
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func feedback(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return "#" + escape(MarkdownHTML.paragraphs(text))
    }

    static func entry(_ question: QuizExport.Question) -> (String?, QuizExport.Loss?) {
        var loss: QuizExport.Loss?
        var lines = ["// \(question.id) (\(Visible.escape(question.location.file)):\(question.location.line))",
                     "::" + escape(question.name) + "::[html]" + escape(question.html) + "{"]
        switch question.body {
        case .multichoice(let single, let choices):
            for choice in choices {
                let mark = single ? (choice.fraction >= 1 ? "=" : "~") : "~%" + MoodleXML.percent(choice.fraction) + "%"
                lines.append("\t" + mark + escape(choice.html) + feedback(choice.feedback))
            }
        case .trueFalse(let answerIsTrue, let feedbackTrue, let feedbackFalse):
            // `{TRUE#feedback when wrong#feedback when right}`.
            let right = answerIsTrue ? feedbackTrue : feedbackFalse
            let wrong = answerIsTrue ? feedbackFalse : feedbackTrue
            var line = "\t" + (answerIsTrue ? "TRUE" : "FALSE")
            if wrong != nil || right != nil { line += "#" + escape(wrong.map(MarkdownHTML.paragraphs) ?? "") }
            if let right { line += "#" + escape(MarkdownHTML.paragraphs(right)) }
            lines.append(line)
        case .shortAnswer(let answers, let caseSensitive):
            if caseSensitive {
                loss = QuizExport.Loss(location: question.location, title: question.name, omitted: false,
                                       reason: "case sensitivity: GIFT's short answers ignore case (the Moodle XML export keeps the exact text case-sensitive)")
            }
            // Moodle reads `=… -> …` as a matching question.
            if let arrow = answers.first(where: { $0.contains("->") }) {
                return (nil, QuizExport.Loss(location: question.location, title: question.name, omitted: true,
                                             reason: "the answer `\(arrow)` holds `->`, which GIFT reads as a matching question (the Moodle XML export keeps it)"))
            }
            for answer in answers { lines.append("\t=" + escape(MoodleXML.shortAnswerText(answer))) }
        case .numerical(let answers):
            lines[lines.count - 1] += "#"
            for answer in answers { lines.append("\t=" + QuizExport.plain(answer.value) + ":" + QuizExport.plain(answer.tolerance)) }
        }
        if let general = question.generalFeedback, !general.isEmpty { lines.append("\t####" + escape(general)) }
        lines.append("}")
        return (lines.joined(separator: "\n"), loss)
    }
}
