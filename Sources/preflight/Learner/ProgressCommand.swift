import ArgumentParser
import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore
import PreflightTerminal

/// `preflight progress`: what the learner has done, lesson by lesson.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show your progress: lessons done and in progress."
    )

    @OptionGroup var courseOptions: CourseOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let course = try courseOptions.openIndex().outline
        let store = try courseOptions.openStore(for: course.config)
        let progress = CourseProgress(course: course, records: try store.allLessonProgress())
        if json {
            Console.out(try ListJSON.encode(progress))
            return
        }
        Console.out("\(Visible.escape(course.config.title)): \(progress.doneCount) of \(course.lessons.count) lessons done (\(progress.percent)%)")
        Console.out("Progress file: \(store.url.path)")
        let accuracy = try store.quizAccuracy()
        // Quiz answers over every attempt, scored as the quiz scored them (partial credit included).
        func rate(_ ids: [String]) -> String {
            let score = QuizScore(points: ids.reduce(0) { $0 + (accuracy[$1]?.score ?? 0) }, questions: ids.reduce(0) { $0 + (accuracy[$1]?.answered ?? 0) })
            return score.questions == 0 ? "" : "  quiz score \(score.text)"
        }
        for section in course.config.sections {
            let counts = progress.sectionCounts(section.id)
            guard counts.total > 0 else { continue }
            let ids = course.lessons(inSection: section.id).map(\.id)
            Console.out("  \(CourseProgress.bar(done: counts.done, total: counts.total, width: 10)) \(counts.done)/\(counts.total)  \(Visible.escape(section.title))\(rate(ids))")
            for lesson in course.lessons(inSection: section.id) where accuracy[lesson.id] != nil {
                Console.out("      \(Visible.escape(lesson.title))\(rate([lesson.id]))")
            }
        }
        let inProgress = course.lessons.filter { progress.status($0) == .inProgress }
        if !inProgress.isEmpty {
            Console.out("In progress: " + inProgress.map { Visible.escape($0.title) }.joined(separator: ", "))
        }
        if !progress.orphanedIDs.isEmpty {
            Console.out("Kept for lessons no longer in the course: " + progress.orphanedIDs.joined(separator: ", "))
        }
    }
}
