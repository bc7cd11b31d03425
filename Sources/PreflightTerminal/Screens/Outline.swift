import PreflightApp
import PreflightCore

/// The course outline with progress: `preflight list`, and `preflight` without a terminal.
public enum Outline {
    public static func text(_ progress: CourseProgress, styler: Styler) -> String {
        let course = progress.course
        var lines = ["\(styler.apply([.bold], Visible.escape(course.config.title))) — \(progress.doneCount) of \(course.lessons.count) lessons done (\(progress.percent)%)"]
        for section in course.config.sections {
            let counts = progress.sectionCounts(section.id)
            guard counts.total > 0 else { continue }
            lines.append("")
            lines.append("\(Visible.escape(section.title))  [\(CourseProgress.bar(done: counts.done, total: counts.total))] \(counts.done)/\(counts.total)")
            for lesson in course.lessons(inSection: section.id) {
                let status = progress.status(lesson)
                let mark = status == .done ? "✓" : status == .inProgress ? "•" : " "
                let note = status == .inProgress ? "  (in progress)" : ""
                lines.append("  \(mark) \(Visible.escape(lesson.title))\(note)")
            }
        }
        lines.append("")
        if let next = progress.resumeLesson {
            lines.append("Continue with: \(Visible.escape(next.title)) — run `preflight learn \(next.id)` in a terminal.")
        } else {
            lines.append("Every lesson is done. Test yourself with `preflight quiz`.")
        }
        return lines.joined(separator: "\n")
    }
}
