import ArgumentParser
import Foundation
import PreflightCore
import PreflightRunner
import PreflightStore
import PreflightTerminal

/// `preflight` / `preflight learn [LESSON]`: the interactive course, opened where the learner
/// left off. Without a terminal it never waits for keys: it prints the outline and exits.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Step through the course, a section at a time (the default command)."
    )

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var runOptions: RunOptions

    @Argument(help: ArgumentHelp("Open this lesson (default: where you left off).", valueName: "LESSON"))
    var lesson: String?

    func run() throws {
        let opened = try courseOptions.openIndex()
        let course = opened.outline
        guard !course.lessons.isEmpty else {
            Console.out("\(Visible.escape(course.config.title)) has no lessons yet.")
            return
        }
        let store = try courseOptions.openStore(for: course.config)
        let progress = CourseProgress(course: course, records: try store.allLessonProgress())
        let chosen = try lesson.flatMap { try LessonSelection.resolve([$0], in: course).first }
        guard let terminal = RawTerminal() else {
            Console.out(Outline.text(progress, styler: display.styler(for: .standardOutput)))
            return
        }
        let target = chosen ?? progress.resumeLesson ?? course.lessons[0]
        let index = course.lessons.firstIndex { $0.id == target.id } ?? 0
        let position = progress.records[target.id].map { $0.status == .done && chosen == nil ? 0 : $0.position } ?? 0
        // Only the lesson that opens is read now; the others when the learner reaches them.
        let state = LearnState(
            course: course, lessons: opened.shelf, lessonIndex: index, lesson: try courseOptions.load(course.lessons[index], from: opened),
            sectionIndex: position, statuses: progress.records.mapValues(\.status), examplesRun: try store.examplesRun(lessonID: target.id))
        let styler = display.styler(for: .standardOutput)
        let loop = LearnLoop(
            terminal: terminal, state: state, store: store, runner: ExampleRunner(config: course.config, pool: try runOptions.pool(for: course.config)),
            styler: styler, takeQuiz: QuizAttempts.learnHook(store: store, styler: styler))
        loop.run()
    }
}

/// The course outline with progress, for `preflight` without a terminal.
enum Outline {
    static func text(_ progress: CourseProgress, styler: Styler) -> String {
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
