import Foundation

/// Moodle XML (question/format/xml): one `<quiz>` of category entries and questions, in the
/// shapes Moodle's own exporter writes. Every text is escaped (no CDATA, which a `]]>` in a
/// lesson would end early).
public enum MoodleXML {
    public static func document(_ export: QuizExport) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<quiz>"]
        var category: [String] = []
        for question in export.questions {
            if question.category != category {
                for depth in 2...question.category.count where Array(question.category.prefix(depth)) != Array(category.prefix(depth)) {
                    let path = Array(question.category.prefix(depth))
                    lines += categoryEntry(path, info: export.categoryInfo[path])
                }
                category = question.category
            }
            lines += entry(question)
        }
        lines.append("</quiz>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `$course$/top/Course/Section/Lesson`, with `/` in a name written `//` as Moodle reads it.
    public static func categoryPath(_ names: [String]) -> String {
        (["$course$", "top"] + names.map { $0.replacingOccurrences(of: "/", with: "//") }).joined(separator: "/")
    }

    static func categoryEntry(_ path: [String], info: String?) -> [String] {
        var lines = ["  <question type=\"category\">", "    <category>", "      <text>\(XMLText.escape(categoryPath(path)))</text>", "    </category>"]
        if let info { lines += ["    <info format=\"html\">", "      <text>\(XMLText.escape(MarkdownHTML.paragraphs(info)))</text>", "    </info>"] }
        lines += ["    <idnumber></idnumber>", "  </question>"]
        return lines
    }

    static func text(_ tag: String, _ html: String?, indent: String = "    ", format: String = "html") -> String {
        "\(indent)<\(tag) format=\"\(format)\"><text>\(XMLText.escape(html ?? ""))</text></\(tag)>"
    }

    /// 1 → `100`, 1/3 → `33.33333`, −1/8 → `-12.5`: Moodle's percentages, matched against its
    /// list of allowed grades.
    public static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.5f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func entry(_ question: QuizExport.Question) -> [String] {
        let type: String
        switch question.body {
        case .multichoice: type = "multichoice"
        case .trueFalse: type = "truefalse"
        case .shortAnswer: type = "shortanswer"
        case .numerical: type = "numerical"
        }
        var lines = [
            // `--` may not appear inside an XML comment.
            "  <!-- \(XMLText.escape(question.location.file).replacingOccurrences(of: "--", with: "- -")):\(question.location.line) -->",
            "  <question type=\"\(type)\">",
            "    <name><text>\(XMLText.escape(question.name))</text></name>",
            "    <questiontext format=\"html\"><text>\(XMLText.escape(question.html))</text></questiontext>",
            text("generalfeedback", question.generalFeedback),
            "    <defaultgrade>1.0000000</defaultgrade>",
        ]
        func feedback(_ text: String?) -> String {
            "<feedback format=\"html\"><text>\(XMLText.escape(text.map(MarkdownHTML.paragraphs) ?? ""))</text></feedback>"
        }
        switch question.body {
        case .multichoice(let single, let choices):
            lines += ["    <penalty>0.3333333</penalty>", "    <hidden>0</hidden>", "    <idnumber>\(XMLText.escape(question.id))</idnumber>",
                      "    <single>\(single)</single>", "    <shuffleanswers>true</shuffleanswers>", "    <answernumbering>abc</answernumbering>",
                      "    <showstandardinstruction>0</showstandardinstruction>",
                      text("correctfeedback", nil), text("partiallycorrectfeedback", nil), text("incorrectfeedback", nil), "    <shownumcorrect/>"]
            for choice in choices {
                lines.append("    <answer fraction=\"\(percent(choice.fraction))\" format=\"html\"><text>\(XMLText.escape(choice.html))</text>\(feedback(choice.feedback))</answer>")
            }
        case .trueFalse(let answerIsTrue, let feedbackTrue, let feedbackFalse):
            lines += ["    <penalty>1.0000000</penalty>", "    <hidden>0</hidden>", "    <idnumber>\(XMLText.escape(question.id))</idnumber>",
                      "    <answer fraction=\"\(answerIsTrue ? 100 : 0)\" format=\"moodle_auto_format\"><text>true</text>\(feedback(feedbackTrue))</answer>",
                      "    <answer fraction=\"\(answerIsTrue ? 0 : 100)\" format=\"moodle_auto_format\"><text>false</text>\(feedback(feedbackFalse))</answer>"]
        case .shortAnswer(let answers, let caseSensitive):
            lines += ["    <penalty>0.3333333</penalty>", "    <hidden>0</hidden>", "    <idnumber>\(XMLText.escape(question.id))</idnumber>",
                      "    <usecase>\(caseSensitive ? 1 : 0)</usecase>"]
            for answer in answers {
                lines.append("    <answer fraction=\"100\" format=\"moodle_auto_format\"><text>\(XMLText.escape(shortAnswerText(answer)))</text>\(feedback(nil))</answer>")
            }
        case .numerical(let answers):
            lines += ["    <penalty>0.3333333</penalty>", "    <hidden>0</hidden>", "    <idnumber>\(XMLText.escape(question.id))</idnumber>"]
            for answer in answers {
                lines.append("    <answer fraction=\"100\" format=\"moodle_auto_format\"><text>\(QuizExport.plain(answer.value))</text>\(feedback(nil))<tolerance>\(QuizExport.plain(answer.tolerance))</tolerance></answer>")
            }
            lines += ["    <unitgradingtype>0</unitgradingtype>", "    <unitpenalty>0.1000000</unitpenalty>", "    <showunits>3</showunits>", "    <unitsleft>0</unitsleft>"]
        }
        lines.append("  </question>")
        return lines
    }

    /// In Moodle's short answers `*` is a wildcard; `\*` is a literal asterisk.
    static func shortAnswerText(_ text: String) -> String { text.replacingOccurrences(of: "*", with: "\\*") }
}
