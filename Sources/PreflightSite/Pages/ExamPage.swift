import PreflightCore

/// The final exam: questions drawn evenly from every section, like `preflight quiz --all`, with
/// the same seeded draw, so a seed gives the same exam in the browser and in the terminal.
struct ExamPage {
    let context: SiteContext

    func render() -> String {
        let course = context.course
        let sections = course.config.sections.filter { section in context.lessons(inSection: section.id).contains { !$0.quiz.isEmpty } }
        let count = min(2 * sections.count, course.lessons.reduce(0) { $0 + $1.quiz.count })
        var main = "<h1>Final exam</h1>\n"
        main += "<p class=\"lead\">\(count) questions, two from each of the \(sections.count) sections, graded like <code>preflight quiz --all</code>. At the end you see your score for each section and which one to revisit first.</p>\n"
        main += "<div id=\"exam-app\" class=\"quiz-app\" data-exam-count=\"\(count)\"></div>\n"
        return PageLayout(context: context).render(.init(
            title: "Final exam", kind: "exam", main: main, scripts: ["data/exam.js"], usesGrader: true, hasCode: true,
            noScript: "The exam needs JavaScript to draw and grade its questions. Without it, read each lesson’s quiz page, or take the exam in the terminal with <code>preflight quiz --all</code>."))
    }
}
