import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
import PreflightTerminal

/// `preflight` / `preflight learn [LESSON]`: the interactive course, opened exactly where the
/// learner left off. In accessible mode it reads commands line by line (a pipe works too, with
/// --plain); without a terminal otherwise it never waits for keys: it prints the outline.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "learn", abstract: "Step through the course, a part of a lesson at a time (the default command).")

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var runOptions: RunOptions

    @Argument(help: ArgumentHelp("Open this lesson (default: where you left off).", valueName: "LESSON"))
    var lesson: String?

    /// Repeats the quizzes' option order, for transcripts.
    @Option(help: .hidden)
    var seed: UInt64?

    func run() throws {
        let opened = try courseOptions.openAvailable(note: false)
        let course = opened.outline
        guard !course.lessons.isEmpty else {
            Console.out(Visible.escape(course.config.title) + " has no lessons" + (opened.unavailable.isEmpty ? " yet." : " that can be opened."))
            if let note = opened.unavailableNote { Console.error("preflight: " + Visible.escape(note)) }
            return
        }
        let chosen = try lesson.map { name in try pick(name, in: opened) }
        let book = try ProgressBook.open(opened)
        defer { LearningRecords.syncInBackground(book) }
        let progress = try book.courseProgress()
        let styler = display.styler(for: .standardOutput)
        let target = chosen ?? progress.resumeLesson ?? course.lessons[0]
        let part = target.id == progress.resumeLesson?.id ? progress.resumePart : progress.part(of: target)
        let exercises = (try? ExerciseSession.open(opened, book: book).exercises) ?? []
        // Only the lesson that opens is read now; the others when the learner reaches them.
        let opening = try opened.lesson(target)
        func state() throws -> LearnState {
            var state = LearnState(course: course, lessons: opened.shelf, lessonIndex: course.lessons.firstIndex { $0.id == target.id } ?? 0, lesson: opening,
                                   partIndex: part, progress: progress, examplesRun: try book.examplesRun(lessonID: target.id),
                                   entries: opened.entries(), exercises: exercises)
            state.quizSeed = seed
            return state
        }
        let examples = ExampleSession(config: course.config, book: book, sandbox: runOptions.sandbox)
        defer { examples.close() }
        // Accessible mode reads lines: from a terminal, or from a pipe when --plain says so.
        if display.isPlain && (display.plain || isatty(0) == 1) {
            PlainLearnLoop(state: try state(), book: book, examples: examples, write: { Console.out($0) }).run()
            return
        }
        guard !display.isPlain, let terminal = RawTerminal() else {
            Console.out(Outline.text(progress, entries: opened.entries(), styler: styler))
            return
        }
        LearnLoop(terminal: terminal, state: try state(), book: book, examples: examples, styler: styler).run()
    }

    /// The named lesson; a name that is none but looks like a command (`preflight qiuz`) is
    /// answered with that command.
    private func pick(_ name: String, in opened: OpenedCourse) throws -> LessonSummary {
        do {
            guard let lesson = try opened.summaries(named: [name]).first else { throw AppError(.data, "no lesson `\(name)`") }
            return lesson
        } catch let error as AppError {
            if !opened.knows(name), let command = Suggestions.closest(to: name, among: Preflight.commandNames) {
                throw AppError(.usage, "no lesson or command `\(name)`; did you mean `preflight \(command)`?")
            }
            throw error
        }
    }
}
