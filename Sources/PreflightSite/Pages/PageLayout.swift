import Foundation
import PreflightCore

/// The frame every page shares: a Content-Security-Policy that allows only the site's own
/// scripts and styles (no inline script, no event handler attributes, nothing from the network),
/// a skip link, the site header with search, the course navigation, and the scripts last.
struct PageLayout {
    let context: SiteContext

    /// The policy in every page's `<meta>`: scripts and styles only from the site's own files,
    /// no plugins, no network, no `<base>` tricks.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'"

    /// Courses larger than this list only the current section's lessons in the side navigation,
    /// so a page's size does not grow with the whole course.
    static let fullNavigationLimit = 200

    struct Page {
        var title: String
        var kind: String
        var lessonID: String?
        var sectionID: String?
        var main: String
        /// Extra scripts (data files) loaded before the site's own.
        var scripts: [String] = []
        var usesGrader = false
        var hasCode = false
        /// Shown when JavaScript is off.
        var noScript: String?
    }

    func render(_ page: Page) -> String {
        let course = context.course
        let courseTitle = HTMLText.escape(course.config.title)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLText.escape(page.title)) · \(courseTitle)</title>
            <link rel="stylesheet" href="assets/site.css">

            """
        if context.hasHighlighter && page.hasCode {
            html += "<link rel=\"stylesheet\" href=\"assets/hljs-light.css\" media=\"(prefers-color-scheme: light)\">\n"
            html += "<link rel=\"stylesheet\" href=\"assets/hljs-dark.css\" media=\"(prefers-color-scheme: dark)\">\n"
        }
        html += "</head>\n"
        var attributes = "data-course=\"\(HTMLText.escape(course.config.id))\" data-page=\"\(page.kind)\""
        if let lessonID = page.lessonID { attributes += " data-lesson=\"\(HTMLText.escape(lessonID))\"" }
        html += "<body \(attributes)>\n"
        html += "<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"
        html += header(courseTitle: courseTitle, current: page.kind)
        html += "<div class=\"layout\">\n"
        html += navigation(currentLesson: page.lessonID, currentSection: page.sectionID)
        html += "<main id=\"main\" tabindex=\"-1\">\n"
        if let noScript = page.noScript { html += "<noscript><p class=\"notice\">\(noScript)</p></noscript>\n" }
        html += page.main
        html += "</main>\n</div>\n"
        html += footer()
        html += "<script src=\"data/course.js\" defer></script>\n"
        for script in page.scripts { html += "<script src=\"\(script)\" defer></script>\n" }
        if page.usesGrader { html += "<script src=\"assets/grader.js\" defer></script>\n" }
        if context.hasHighlighter && page.hasCode { html += "<script src=\"assets/highlight.min.js\" defer></script>\n" }
        html += "<script src=\"assets/site.js\" defer></script>\n"
        html += "</body>\n</html>\n"
        return html
    }

    private func header(courseTitle: String, current: String) -> String {
        let links: [(String, String, String)] = [
            ("index.html", "Lessons", "home"), ("flashcards.html", "Flashcards", "flashcards"), ("exam.html", "Final exam", "exam"),
        ] + (context.exercises.isEmpty ? [] : [("exercises.html", "Exercises", "exercises")]) + [("search.html", "Search", "search")]
        var html = "<header class=\"site-header\">\n<p class=\"site-title\"><a href=\"index.html\">\(courseTitle)</a></p>\n"
        html += "<nav class=\"site-nav\" aria-label=\"Site\"><ul>\n"
        for (href, label, kind) in links {
            let currentAttribute = kind == current ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(href)\"\(currentAttribute)>\(label)</a></li>\n"
        }
        html += "</ul></nav>\n"
        html += """
            <form class="site-search" role="search" action="search.html" method="get">
            <label for="site-search-input">Search the course</label>
            <input id="site-search-input" name="q" type="search">
            <button type="submit">Search</button>
            </form>
            </header>

            """
        return html
    }

    private func navigation(currentLesson: String?, currentSection: String?) -> String {
        let course = context.course
        let everything = course.lessons.count <= Self.fullNavigationLimit
        var html = "<nav class=\"course-nav\" aria-label=\"Course\">\n<h2 class=\"nav-heading\">Sections</h2>\n<ol class=\"nav-sections\">\n"
        for section in course.config.sections {
            let lessons = context.lessons(inSection: section.id)
            guard !lessons.isEmpty else { continue }
            html += "<li><a href=\"index.html#section-\(HTMLText.escape(section.id))\">\(HTMLText.escape(section.title))</a>"
            if everything || section.id == currentSection {
                html += "\n<ol class=\"nav-lessons\">\n"
                for lesson in lessons {
                    let current = lesson.id == currentLesson ? " aria-current=\"page\"" : ""
                    html += "<li><a href=\"\(SiteContext.lessonPage(lesson.id))\" data-lesson-link=\"\(HTMLText.escape(lesson.id))\"\(current)>\(HTMLText.escape(lesson.title))</a></li>\n"
                }
                html += "</ol>"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n</nav>\n"
    }

    private func footer() -> String {
        var html = "<footer class=\"site-footer\">\n<p>\(HTMLText.escape(context.course.config.title)), exported by Preflight"
        if let day = context.exportedDay { html += " on \(day)" }
        html += ". Progress is kept in this browser only; export it from the <a href=\"index.html#progress\">home page</a>.</p>\n"
        if context.hasHighlighter { html += "<p>Code highlighting by highlight.js (BSD-3-Clause, see <a href=\"assets/highlight.js.LICENSE.txt\">its licence</a>).</p>\n" }
        return html + "</footer>\n"
    }
}

enum SiteDates {
    /// `2026-11-30`: unambiguous in every locale, and what the JSON progress files use too.
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
