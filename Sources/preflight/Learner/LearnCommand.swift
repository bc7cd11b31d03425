import ArgumentParser
import PreflightApp
import PreflightCore
import PreflightTerminal

/// `preflight` / `preflight learn [LESSON]`: the interactive course, opened where the learner
/// left off. Without a terminal it never waits for keys: it prints the outline and exits.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "learn", abstract: "Step through the course, a section at a time (the default command).")

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var runOptions: RunOptions

    @Argument(help: ArgumentHelp("Open this lesson (default: where you left off).", valueName: "LESSON"))
    var lesson: String?

    func run() throws {
        let opened = try courseOptions.open()
        let course = opened.course
        guard !course.lessons.isEmpty else {
            Console.out(Visible.escape(course.config.title) + " has no lessons yet.")
            return
        }
        let book = try ProgressBook.open(opened)
        defer { LearningRecords.syncInBackground(book) }
        let progress = try book.courseProgress()
        let chosen = try lesson.flatMap { try opened.lessons(named: [$0]).first }
        let styler = display.styler(for: .standardOutput)
        guard let terminal = RawTerminal() else {
            Console.out(Outline.text(progress, styler: styler))
            return
        }
        let target = chosen ?? progress.resumeLesson ?? course.lessons[0]
        let state = LearnState(
            course: course, lessonIndex: course.lessons.firstIndex { $0.id == target.id } ?? 0, sectionIndex: progress.part(of: target),
            statuses: progress.records.mapValues(\.status), examplesRun: try book.examplesRun(lessonID: target.id))
        let examples = ExampleSession(config: course.config, book: book, sandbox: runOptions.sandbox)
        defer { examples.close() }
        LearnLoop(terminal: terminal, state: state, book: book, examples: examples, styler: styler).run()
    }
}
