import Foundation
import PreflightCore
import PreflightGrading

/// A lesson's quiz. Without JavaScript the page lists every question readably (options in their
/// authored order, items to order in a fixed scramble so the page never gives the answer away);
/// with it, the script asks one question at a time and grades each in the page.
struct QuizPage {
    let context: SiteContext
    let lesson: Lesson

    func render() -> String {
        var main = "<h1>Quiz: \(HTMLText.escape(lesson.title))</h1>\n"
        main += "<p class=\"quiz-intro\">\(lesson.quiz.count) question\(lesson.quiz.count == 1 ? "" : "s"), graded by the same rules as <code>preflight quiz \(HTMLText.escape(lesson.id))</code>. Skipped questions come back at the end. <a href=\"\(SiteContext.lessonPage(lesson.id))\">Back to the lesson</a>.</p>\n"
        main += "<div id=\"quiz-app\" class=\"quiz-app\" data-quiz=\"\(HTMLText.escape(lesson.id))\"></div>\n"
        main += StaticQuestions(context: context).render(lesson.quiz)
        return PageLayout(context: context).render(.init(
            title: "Quiz: \(lesson.title.siteText)", kind: "quiz", lessonID: lesson.id, sectionID: lesson.sectionID, main: main,
            scripts: ["data/quiz-\(lesson.id).js"], usesGrader: true, hasCode: true,
            noScript: "Grading needs JavaScript. The questions are listed below so you can still read them; take the quiz in the terminal with <code>preflight quiz \(HTMLText.escape(lesson.id))</code>."))
    }
}

/// The questions as plain, readable HTML: what a reader without JavaScript sees.
struct StaticQuestions {
    let context: SiteContext

    func render(_ questions: [QuizQuestion]) -> String {
        var html = "<ol class=\"static-questions\" id=\"static-questions\">\n"
        for question in questions {
            var renderer = context.renderer(headingShift: 1)
            html += "<li class=\"static-question\">\n<h2>\(HTMLText.escape(question.title))</h2>\n"
            html += renderer.blocks(question.prompt)
            switch question.answer {
            case .choice(let options):
                html += "<p class=\"answer-hint\">\(Self.hint(question.kind))</p>\n<ol class=\"letters\">\n"
                for option in options { html += "<li>\(HTMLText.escape(option.text))</li>\n" }
                html += "</ol>\n"
            case .ordering(let items):
                var generator = SeededGenerator(seed: StableHash.fnv1a(question.id))
                var order = DisplayOrder.shuffled(items.count, using: &generator).shown
                if order == Array(items.indices) { order.reverse() }
                html += "<p class=\"answer-hint\">\(Self.hint(question.kind))</p>\n<ol class=\"letters\">\n"
                for index in order { html += "<li>\(HTMLText.escape(items[index]))</li>\n" }
                html += "</ol>\n"
            default:
                html += "<p class=\"answer-hint\">\(Self.hint(question.kind))</p>\n"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }

    static func hint(_ kind: QuizAnswer.Kind) -> String {
        switch kind {
        case .singleChoice: return "Choose one answer."
        case .multipleChoice: return "Select all that apply."
        case .trueFalse: return "True or false?"
        case .shortAnswer: return "Answer in a word, a phrase or a number."
        case .predictOutput: return "What does this code print?"
        case .ordering: return "Put these in order."
        }
    }
}
