import Foundation
import PreflightCore

/// What every page needs to know about the course: its lessons in order, where each page lives
/// and how lesson files map to pages, so links between lessons keep working in the site.
struct SiteContext {
    let course: Course
    let exercises: [Exercise]
    let options: SiteExporter.Options
    /// Lesson file name (`03-latency.md`) to lesson id, for links between lessons.
    let lessonByFileName: [String: String]
    let lessonIndex: [String: Int]
    /// Each section's lessons in course order, computed once: pages ask for them many times.
    let lessonsBySection: [String: [Lesson]]
    let hasHighlighter: Bool
    /// The export's date as shown in every footer, formatted once.
    let exportedDay: String?

    init(course: Course, exercises: [Exercise], options: SiteExporter.Options, hasHighlighter: Bool) {
        self.course = course
        self.exercises = exercises
        self.options = options
        self.hasHighlighter = hasHighlighter
        var byFile: [String: String] = [:]
        var index: [String: Int] = [:]
        for (position, lesson) in course.lessons.enumerated() {
            byFile[URL(fileURLWithPath: lesson.file).lastPathComponent] = lesson.id
            index[lesson.id] = position
        }
        lessonByFileName = byFile
        lessonIndex = index
        lessonsBySection = Dictionary(grouping: course.lessons, by: \.sectionID)
        exportedDay = options.exportedAt.map(SiteDates.day)
    }

    static func lessonPage(_ id: String) -> String { "lesson-\(id).html" }
    static func quizPage(_ id: String) -> String { "quiz-\(id).html" }
    static func exercisePage(_ exercise: Exercise) -> String { "exercise-\(fileSafe(exercise.id)).html" }

    /// Exercise folder names are not validated as ids; keep what is safe in a file name.
    static func fileSafe(_ text: String) -> String {
        let kept = text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        return String(kept).isEmpty ? "exercise" : String(kept)
    }

    func renderer(headingShift: Int = 0, reserved: Set<String> = []) -> MarkdownHTML {
        var renderer = MarkdownHTML()
        renderer.htmlPolicy = course.config.html
        let links = LessonLinks(lessonByFileName: lessonByFileName)
        renderer.rewriteLink = { links.rewrite($0) }
        renderer.headingShift = headingShift
        renderer.anchors = AnchorNames(reserved: reserved)
        return renderer
    }

    func lessons(inSection id: String) -> [Lesson] { lessonsBySection[id] ?? [] }

    func lesson(id: String) -> Lesson? { lessonIndex[id].map { course.lessons[$0] } }

    func sectionTitle(_ id: String) -> String { course.section(id: id)?.title.siteText ?? id }

    func minutesText(_ minutes: Int?) -> String { minutes.map { "\($0) min" } ?? "" }
}

/// A relative link to another lesson's Markdown file becomes a link to that lesson's page.
struct LessonLinks: Sendable {
    let lessonByFileName: [String: String]

    func rewrite(_ destination: String) -> String? {
        guard LinkPolicy.scheme(of: destination) == nil else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts.first ?? "")
        guard path.hasSuffix(".md"), let id = lessonByFileName[URL(fileURLWithPath: path).lastPathComponent] else { return nil }
        return SiteContext.lessonPage(id) + (parts.count > 1 ? "#" + parts[1] : "")
    }
}
