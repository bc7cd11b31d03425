import PreflightCore

/// The course at a glance: every section with its lessons, minutes and summaries, a mark per
/// lesson from the browser's progress, and the controls that move progress in and out.
struct HomePage {
    let context: SiteContext

    func render() -> String {
        let course = context.course
        let minutes = course.lessons.compactMap(\.minutes).reduce(0, +)
        let sectionCount = course.config.sections.filter { !context.lessons(inSection: $0.id).isEmpty }.count
        var main = "<h1>\(HTMLText.escape(course.config.title))</h1>\n"
        main += "<p class=\"lead\">\(sectionCount) sections, \(course.lessons.count) lessons"
        if minutes > 0 {
            let time = minutes < 60 ? "\(minutes) min" : minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
            main += ", about \(time) of reading and practice"
        }
        main += ". Every example’s output is checked by <code>preflight check</code>; every quiz is graded in the page.</p>\n"
        main += "<p class=\"start-links\"><a class=\"button-link\" id=\"continue-link\" href=\"\(course.lessons.first.map { SiteContext.lessonPage($0.id) } ?? "index.html")\">Start with the first lesson</a> "
        main += "<a href=\"exam.html\">Take the final exam</a> · <a href=\"flashcards.html\">Review flashcards</a></p>\n"
        main += progressPanel()
        for section in course.config.sections {
            let lessons = context.lessons(inSection: section.id)
            guard !lessons.isEmpty else { continue }
            let anchor = "section-\(HTMLText.escape(section.id))"
            main += "<section class=\"course-section\" aria-labelledby=\"\(anchor)\">\n<h2 id=\"\(anchor)\">\(HTMLText.escape(section.title))</h2>\n"
            main += "<p class=\"section-summary\">\(HTMLText.escape(section.summary))</p>\n<ol class=\"lesson-list\">\n"
            for lesson in lessons {
                main += "<li class=\"lesson-item\">\n<h3><a href=\"\(SiteContext.lessonPage(lesson.id))\" data-lesson-link=\"\(HTMLText.escape(lesson.id))\">\(HTMLText.escape(lesson.title))</a></h3>\n"
                var facts: [String] = []
                if let minutes = lesson.minutes { facts.append("\(minutes) min") }
                if !lesson.quiz.isEmpty { facts.append("<a href=\"\(SiteContext.quizPage(lesson.id))\">quiz</a> of \(lesson.quiz.count)") }
                main += "<p class=\"lesson-facts\">\(facts.joined(separator: " · "))<span class=\"lesson-status\" data-status-for=\"\(HTMLText.escape(lesson.id))\"></span></p>\n"
                main += "<p>\(HTMLText.escape(lesson.summary))</p>\n</li>\n"
            }
            main += "</ol>\n</section>\n"
        }
        return PageLayout(context: context).render(.init(
            title: "Home", kind: "home", main: main,
            noScript: "The lessons read fine without JavaScript. Grading quizzes, progress marks, flashcard ratings and search need it."))
    }

    private func progressPanel() -> String {
        """
        <section id="progress" class="progress-panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Your progress</h2>
        <p id="progress-summary" role="status">Progress is kept in this browser's local storage.</p>
        <div class="js-only progress-actions" hidden>
        <button type="button" id="export-progress">Export progress</button>
        <label for="import-progress">Import a progress file:</label>
        <input type="file" id="import-progress" accept=".json,application/json">
        <button type="button" id="reset-progress" class="danger">Reset progress…</button>
        </div>
        <p class="hint">Export writes a JSON file that <code>preflight import progress FILE</code> reads; <code>preflight export progress</code> writes one this page imports. Nothing leaves your computer otherwise.</p>
        </section>

        """
    }
}
