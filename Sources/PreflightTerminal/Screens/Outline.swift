import Foundation
import PreflightApp
import PreflightCore

/// The course outline with progress: `preflight list`, and `preflight` without a terminal.
/// Each lesson shows its id (what commands take); a lesson that cannot be opened is listed
/// where it belongs, with the first reason.
public enum Outline {
    public static func text(_ progress: CourseProgress, entries: [OpenedCourse.Entry] = [], styler: Styler) -> String {
        let course = progress.course
        let listed = entries.isEmpty ? course.lessons.map(OpenedCourse.Entry.lesson) : entries
        var lines = ["\(styler.apply([.bold], Visible.escape(course.config.title))) — \(progress.doneCount) of \(course.lessons.count) lessons done (\(progress.percent)%)"]
        for section in course.config.sections {
            let inSection = listed.filter {
                switch $0 {
                case .lesson(let lesson): return lesson.sectionID == section.id
                case .unavailable(let broken): return broken.sectionID == section.id
                }
            }
            guard !inSection.isEmpty else { continue }
            let counts = progress.sectionCounts(section.id)
            lines.append("")
            lines.append("\(Visible.escape(section.title))  [\(CourseProgress.bar(done: counts.done, total: counts.total))] \(counts.done)/\(counts.total)")
            let titles = inSection.map { entry -> String in
                switch entry {
                case .lesson(let lesson): return Visible.escape(lesson.title)
                case .unavailable(let broken): return broken.title.map { Visible.escape($0) } ?? Visible.escape(broken.file)
                }
            }
            let column = min(titles.map(TextWidth.of).max() ?? 0, 50)
            for (entry, title) in zip(inSection, titles) {
                let pad = String(repeating: " ", count: max(0, column - TextWidth.of(title)))
                switch entry {
                case .lesson(let lesson):
                    let status = progress.status(lesson)
                    let mark = status == .done ? "✓" : status == .inProgress ? "•" : " "
                    let note = status == .inProgress ? "  (in progress)" : ""
                    lines.append("  \(mark) \(title)\(pad)  " + styler.apply([.dim], Visible.escape(lesson.id)) + note)
                case .unavailable(let broken):
                    let at = broken.problem.location
                    lines.append("  ✗ \(title)\(pad)  unavailable: " + Visible.escape("\(at.file):\(at.line):\(at.column): \(broken.problem.message)"))
                }
            }
        }
        lines.append("")
        if let next = progress.resumeLesson {
            lines.append("Continue with: \(Visible.escape(next.title)) — run `preflight learn \(next.id)` in a terminal.")
        } else if !course.lessons.isEmpty {
            lines.append("Every lesson is done. Test yourself with `preflight quiz --all`.")
        }
        return lines.joined(separator: "\n")
    }
}

/// `preflight progress`: one view of everything the learner has done, a line per section with
/// a bar and its figures, then the quiz history. In plain mode the figures come first, in
/// words, and the bar is ASCII at the end of the line, so a screen reader can stop early.
public enum ProgressView {
    public static func text(_ overview: ProgressOverview, location: String, styler: Styler, plain: Bool, now: Date = Date()) -> String {
        let progress = overview.progress
        let course = progress.course
        var lines = [styler.apply([.bold], Visible.escape(course.config.title)) + ": \(progress.doneCount) of \(course.lessons.count) lessons done (\(progress.percent)%)"]
        var totals: [String] = []
        if overview.exercises > 0 { totals.append("\(overview.exercisesDone) of \(overview.exercises) exercises done") }
        if overview.cards > 0 { totals.append("\(overview.cardsLearned) of \(overview.cards) flashcards learned, \(overview.cardsDue) due now") }
        if !totals.isEmpty { lines.append(totals.joined(separator: "; ") + ".") }
        lines.append("")
        let titles = overview.sections.map { Visible.escape($0.title) }
        let column = titles.map(TextWidth.of).max() ?? 0
        for (section, title) in zip(overview.sections, titles) where section.lessons + section.unavailable > 0 {
            var figures = ["lessons \(section.lessonsDone)/\(section.lessons)"]
            if section.unavailable > 0 { figures.append("\(section.unavailable) unavailable") }
            if section.exercises > 0 { figures.append("exercises \(section.exercisesDone)/\(section.exercises)") }
            if section.cards > 0 { figures.append("cards \(section.cardsLearned)/\(section.cards)" + (section.cardsDue > 0 ? " (\(section.cardsDue) due)" : "")) }
            if let score = section.standing.score {
                figures.append("quiz \(score.pointsText)/\(score.questions) (\(score.percent)%)" + (section.standing.isWeak ? ", weak" : ""))
            } else if section.standing.questions > 0 {
                figures.append("quiz not taken")
            }
            if plain {
                let words = figures.map { $0.replacingOccurrences(of: "/", with: " of ") }.joined(separator: ", ")
                lines.append("\(title): \(words). " + CourseProgress.plainBar(done: section.lessonsDone, total: section.lessons))
            } else {
                let pad = String(repeating: " ", count: column - TextWidth.of(title))
                let bar = CourseProgress.bar(done: section.lessonsDone, total: section.lessons, width: 10)
                lines.append("\(bar) \(title)\(pad)  " + figures.joined(separator: " · "))
            }
        }
        let weak = overview.sections.filter(\.standing.isWeak)
        if !weak.isEmpty {
            lines.append("")
            lines.append("Weak sections (latest answers below \(Int(QuizSession.weakBelow * 100))%): " + weak.map { Visible.escape($0.title) }.joined(separator: ", ")
                         + ". Retake the exam on them with `preflight quiz --all --weak`.")
        }
        let inProgress = course.lessons.filter { progress.status($0) == .inProgress }
        if !inProgress.isEmpty {
            lines.append("")
            lines.append("In progress: " + inProgress.map { Visible.escape($0.title) }.joined(separator: ", "))
        }
        if let next = progress.resumeLesson {
            lines.append("Continue with: " + Visible.escape(next.title) + " (`preflight learn \(next.id)`).")
        }
        if !overview.history.isEmpty {
            lines.append("")
            lines.append(styler.apply([.bold], "Quiz history") + " (\(overview.history.count) attempt\(overview.history.count == 1 ? "" : "s"); `preflight quiz --missed` asks again what you missed):")
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            for attempt in overview.history.suffix(8) {
                let covered = attempt.covered.map { Visible.escape($0) } ?? "\(attempt.sectionCount) sections"
                let skipped = attempt.skipped > 0 ? ", \(attempt.skipped) skipped" : ""
                lines.append("  \(formatter.string(from: attempt.finishedAt))  \(attempt.score.text)  " + covered + skipped)
            }
        }
        if !progress.orphanedIDs.isEmpty {
            lines.append("")
            lines.append("Kept for lessons no longer in the course: " + progress.orphanedIDs.map { Visible.escape($0) }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("Progress file: " + Visible.escape(location))
        return lines.joined(separator: "\n")
    }
}
