import PreflightCore

/// Interview questions as flashcards. Each model answer sits in a `<details>`, so revealing it
/// works with the keyboard and without JavaScript; with JavaScript, "again" and "good" ratings
/// are kept in the browser under the card's stable id.
struct FlashcardsPage {
    let context: SiteContext

    func render() -> String {
        let lessons = context.course.lessons.filter { !$0.interviewQuestions.isEmpty }
        let total = lessons.reduce(0) { $0 + $1.interviewQuestions.count }
        var main = "<h1>Flashcards</h1>\n"
        main += "<p class=\"lead\">\(total) interview questions. Answer each one aloud or on paper, reveal the model answer, then mark it <em>again</em> (review it soon) or <em>good</em>.</p>\n"
        main += "<p id=\"cards-summary\" role=\"status\"></p>\n"
        main += "<p class=\"js-only\" hidden><label><input type=\"checkbox\" id=\"cards-hide-good\"> Hide cards marked good</label></p>\n"
        var anchors = AnchorNames(reserved: ["main"])
        for lesson in lessons {
            let anchor = "cards-\(HTMLText.escape(lesson.id))"
            main += "<section class=\"card-group\" aria-labelledby=\"\(anchor)\">\n<h2 id=\"\(anchor)\"><a href=\"\(SiteContext.lessonPage(lesson.id))\">\(HTMLText.escape(lesson.title))</a></h2>\n"
            for question in lesson.interviewQuestions {
                var renderer = context.renderer(headingShift: 1, reserved: [])
                renderer.anchors = anchors
                let answer = renderer.blocks(question.answer)
                anchors = renderer.anchors
                let cardID = HTMLText.escape(question.id)
                main += "<article class=\"card\" data-card=\"\(cardID)\">\n<h3>\(HTMLText.escape(question.question))</h3>\n"
                main += "<details>\n<summary>Show the model answer</summary>\n<div class=\"card-answer\">\n\(answer)</div>\n</details>\n"
                main += "<div class=\"card-actions js-only\" hidden role=\"group\" aria-label=\"How well did you recall it?\">"
                main += "<button type=\"button\" data-rating=\"again\">Again</button> <button type=\"button\" data-rating=\"good\">Good</button> "
                main += "<span class=\"card-status\" aria-live=\"polite\"></span></div>\n</article>\n"
            }
            main += "</section>\n"
        }
        return PageLayout(context: context).render(.init(
            title: "Flashcards", kind: "flashcards", main: main, hasCode: true,
            noScript: "Model answers open without JavaScript; keeping your ratings needs it."))
    }
}
