import PreflightCore

/// The course outline with the learner's progress, as JSON (`list --json`, `progress --json`).
public enum ProgressReport {
    public static func json(_ progress: CourseProgress) throws -> String {
        struct Section: Encodable {
            var id: String
            var title: CourseText
            var done, total: Int
            var lessons: [LessonEntry]
        }
        struct LessonEntry: Encodable {
            var id, status, file: String
            var title: CourseText
        }
        struct Report: Encodable {
            var course: String
            var title: CourseText
            var done, total, percent: Int
            var next: String?
            var sections: [Section]
        }
        let course = progress.course
        let sections = course.config.sections.map { section -> Section in
            let counts = progress.sectionCounts(section.id)
            let lessons = course.lessons(inSection: section.id).map {
                LessonEntry(id: $0.id, status: progress.status($0).rawValue, file: $0.file, title: $0.title)
            }
            return Section(id: section.id, title: section.title, done: counts.done, total: counts.total, lessons: lessons)
        }
        return try JSONOutput.encode(Report(course: course.config.id, title: course.config.title, done: progress.doneCount, total: course.lessons.count,
                                            percent: progress.percent, next: progress.resumeLesson?.id, sections: sections))
    }
}
