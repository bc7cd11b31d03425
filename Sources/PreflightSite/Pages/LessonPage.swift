import Foundation
import PreflightCore

/// One lesson as a page: everything the terminal shows while reading, in the lesson's order,
/// each example framed with its expected output and the date `preflight check` last proved it.
/// Quiz answers and interview answers stay off the page, as in the terminal: the quiz has its
/// own page and the interview questions are flashcards.
struct LessonPage {
    let context: SiteContext
    let lesson: Lesson

    /// The page, and one search entry per part of the lesson (the introduction and each H2).
    func render() -> (html: String, search: [SearchEntry]) {
        var search: [SearchEntry] = []
        var renderer = context.renderer(reserved: ["main", "quiz", "interview-questions", "sources", "lesson-actions"])
        renderer.codeFrame = codeFrame
        let headings = Dictionary(lesson.document.children.compactMap { node -> (Int, MarkdownNode)? in
            node.headingLevel == 2 ? (node.start.line, node) : nil
        }, uniquingKeysWith: { first, _ in first })

        var main = "<article class=\"lesson\">\n<header class=\"lesson-header\">\n"
        main += "<p class=\"eyebrow\">\(HTMLText.escape(context.sectionTitle(lesson.sectionID)))</p>\n"
        main += "<h1>\(HTMLText.escape(lesson.title))</h1>\n"
        var facts: [String] = []
        if let minutes = lesson.minutes { facts.append("\(minutes) min") }
        if !lesson.examples.isEmpty { facts.append("\(lesson.examples.count) checked example\(lesson.examples.count == 1 ? "" : "s")") }
        if !lesson.quiz.isEmpty { facts.append("\(lesson.quiz.count) quiz question\(lesson.quiz.count == 1 ? "" : "s")") }
        main += "<p class=\"lesson-facts\">\(facts.joined(separator: " · "))<span class=\"lesson-status\" data-status-for=\"\(HTMLText.escape(lesson.id))\"></span></p>\n"
        let required = lesson.requires.compactMap { context.lesson(id: $0) }
        if !required.isEmpty {
            main += "<p class=\"requires\">Read first: " + required.map { "<a href=\"\(SiteContext.lessonPage($0.id))\">\(HTMLText.escape($0.title))</a>" }.joined(separator: ", ") + "</p>\n"
        }
        main += "<p class=\"summary\">\(HTMLText.escape(lesson.summary))</p>\n</header>\n"

        for section in lesson.sections {
            switch section.role {
            case .quiz:
                main += "<section aria-labelledby=\"quiz\">\n<h2 id=\"quiz\">Quiz</h2>\n"
                main += "<p>This lesson has \(lesson.quiz.count) question\(lesson.quiz.count == 1 ? "" : "s"), graded in the page. <a class=\"button-link\" href=\"\(SiteContext.quizPage(lesson.id))\">Take the quiz</a> <span class=\"quiz-score\" data-score-for=\"\(HTMLText.escape(lesson.id))\"></span></p>\n</section>\n"
            case .interviewQuestions:
                main += "<section aria-labelledby=\"interview-questions\">\n<h2 id=\"interview-questions\">Interview Questions</h2>\n<ol>\n"
                for question in lesson.interviewQuestions { main += "<li>\(HTMLText.escape(question.question))</li>\n" }
                main += "</ol>\n<p>Practise them as <a href=\"flashcards.html#cards-\(HTMLText.escape(lesson.id))\">flashcards</a>: reveal the model answer, then mark it again or good.</p>\n</section>\n"
            default:
                let heading = headings[section.location.line]
                if let heading {
                    main += "<section>\n" + renderer.block(heading)
                    search.append(SearchEntry(lesson: lesson, section: section.title.siteText, anchor: renderer.lastHeadingID ?? "", blocks: section.blocks))
                    main += renderer.blocks(section.blocks) + "</section>\n"
                } else {
                    search.append(SearchEntry(lesson: lesson, section: "", anchor: "", blocks: section.blocks))
                    main += renderer.blocks(section.blocks)
                }
            }
        }
        if !lesson.sources.isEmpty {
            main += "<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n<ul class=\"sources\">\n"
            for source in lesson.sources {
                let title = HTMLText.escape(source.title)
                main += LinkPolicy.isSafe(source.url)
                    ? "<li><a href=\"\(HTMLText.escape(source.url))\">\(title)</a></li>\n"
                    : "<li>\(title) <span class=\"inert-target\">(\(HTMLText.escape(source.url)))</span></li>\n"
            }
            main += "</ul>\n</section>\n"
        }
        main += "</article>\n"
        main += actions()
        main += pager()
        let html = PageLayout(context: context).render(.init(
            title: lesson.title.siteText, kind: "lesson", lessonID: lesson.id, sectionID: lesson.sectionID, main: main,
            hasCode: lesson.document.children.contains { if case .codeBlock = $0.kind { return true } else { return false } }))
        if search.isEmpty { search.append(SearchEntry(lesson: lesson, section: "", anchor: "", blocks: [])) }
        return (html, search)
    }

    /// Marking done needs the browser's storage, so the button only appears with JavaScript.
    private func actions() -> String {
        var html = "<section id=\"lesson-actions\" class=\"lesson-actions\" aria-label=\"Your progress in this lesson\">\n"
        html += "<p class=\"js-only\" hidden><button type=\"button\" id=\"mark-done\" aria-pressed=\"false\">Mark this lesson done</button> <span id=\"mark-status\" role=\"status\"></span></p>\n"
        for exercise in context.exercises where exercise.lessonID == lesson.id {
            html += "<p>Practise it: <a href=\"\(SiteContext.exercisePage(exercise))\">exercise “\(HTMLText.escape(exercise.title))”</a>.</p>\n"
        }
        return html + "</section>\n"
    }

    private func pager() -> String {
        guard let position = context.lessonIndex[lesson.id] else { return "" }
        let lessons = context.course.lessons
        var html = "<nav class=\"pager\" aria-label=\"Previous and next lesson\">\n"
        if position > 0 {
            let previous = lessons[position - 1]
            html += "<a rel=\"prev\" href=\"\(SiteContext.lessonPage(previous.id))\"><span class=\"pager-label\">Previous</span> \(HTMLText.escape(previous.title))</a>\n"
        }
        if position + 1 < lessons.count {
            let next = lessons[position + 1]
            html += "<a rel=\"next\" href=\"\(SiteContext.lessonPage(next.id))\"><span class=\"pager-label\">Next</span> \(HTMLText.escape(next.title))</a>\n"
        }
        return html + "</nav>\n"
    }

    /// Captions examples and their expected output, and says when the output was last proved.
    private func codeFrame(_ node: MarkdownNode) -> (caption: String, after: String)? {
        let line = node.start.line
        if let example = lesson.examples.first(where: { $0.location.line == line }) {
            return ("<figcaption>Example \(example.index) <span class=\"code-language\">(\(HTMLText.escape(example.language)))</span></figcaption>", "")
        }
        guard let example = lesson.examples.first(where: { $0.expected.location.line == line }) else { return nil }
        var caption = "Expected output of example \(example.index)"
        let options = example.expected.options
        var notes: [String] = []
        if options.stream == .stderr { notes.append("on standard error") }
        if options.exitCode != 0 { notes.append("exit status \(options.exitCode)") }
        if options.ellipsis { notes.append("… matches any text") }
        if options.ignoreWhitespace { notes.append("spacing ignored") }
        if !notes.isEmpty { caption += " (\(notes.joined(separator: ", ")))" }
        let verified: String
        if let date = context.options.verifiedDates["\(lesson.id)/example-\(example.index)"] {
            verified = "<p class=\"verified\"><span aria-hidden=\"true\">✓</span> Output verified by <code>preflight check</code> on <time datetime=\"\(SiteDates.day(date))\">\(SiteDates.day(date))</time>.</p>"
        } else {
            verified = "<p class=\"unverified\">Not verified by <code>preflight check</code> where this site was exported.</p>"
        }
        return ("<figcaption>\(caption)</figcaption>", verified)
    }
}
