import PreflightCore

/// The course outline with the learner's progress, as JSON (`list --json`).
public enum ProgressReport {
    public static func json(_ progress: CourseProgress, unavailable: [UnavailableLesson] = []) throws -> String {
        struct Section: Encodable {
            var id: String
            var title: CourseText
            var done, total: Int
            var lessons: [LessonEntry]
        }
        struct LessonEntry: Encodable {
            var id: String?
            var status, file: String
            var title: CourseText?
            /// Why an unavailable lesson cannot be opened: its first error, as lint writes it.
            var problem: String?
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
            var lessons = course.lessons(inSection: section.id).map {
                LessonEntry(id: $0.id, status: progress.status($0).rawValue, file: $0.file, title: $0.title)
            }
            lessons += unavailable.filter { $0.sectionID == section.id }.map {
                LessonEntry(id: $0.lessonID, status: "unavailable", file: $0.file, title: $0.title, problem: "\($0.problem.location.file):\($0.problem.location.line):\($0.problem.location.column): \($0.problem.message)")
            }
            return Section(id: section.id, title: section.title, done: counts.done, total: counts.total, lessons: lessons)
        }
        return try JSONOutput.encode(Report(course: course.config.id, title: course.config.title, done: progress.doneCount, total: course.lessons.count,
                                            percent: progress.percent, next: progress.resumeLesson?.id, sections: sections))
    }
}
