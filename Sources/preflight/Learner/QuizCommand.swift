import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import PreflightTerminal

/// `preflight quiz`: graded questions from lessons or sections, interactive on a terminal and
/// scripted otherwise; `--all` is the course-wide final exam.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a lesson's quiz, a section's, or the final exam (--all).",
        discussion: """
            Scripted answers (--answers FILE, or - for standard input, or whenever there is no terminal):
            one line per question in order: B | A,C | True | free text | C,A,D,B (ordering) | skip.
            A predicted output spans lines and ends with a line holding a single `.`.
            Exits 0 whatever the score; 65 for an unknown lesson or a malformed answers file.
            """
    )

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("Lesson or section ids (default: the lesson you are on).", valueName: "LESSON|SECTION"))
    var names: [String] = []

    @Flag(help: "The final exam: two questions from every section.")
    var all = false

    @Option(help: "Ask this many questions, drawn at random (the exam asks two per section by default).")
    var count: Int?

    @Option(help: "Seed for drawing and shuffling, to repeat a quiz exactly.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Read answers from FILE (or - for standard input) instead of asking.", valueName: "FILE|-"))
    var answers: String?

    @Flag(help: "Print the graded result as JSON (scripted mode).")
    var json = false

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if all && !names.isEmpty { throw ValidationError("--all draws from every section; name no lessons with it") }
    }

    func run() throws {
        let opened = try courseOptions.open()
        let book = try ProgressBook.open(opened)
        defer { LearningRecords.syncInBackground(book) }
        let interactive = answers == nil && !json && isatty(0) == 1 && isatty(1) == 1
        let session = try QuizSession.plan(opened, names: names, exam: all, count: count, seed: seed ?? UInt64.random(in: 0...UInt64.max),
                                           shuffle: interactive || seed != nil, progress: book.courseProgress)
        let styler = display.styler(for: .standardOutput)
        if interactive {
            if all { Console.out(styler.apply([.bold], "Final exam: \(session.questions.count) questions from every section of " + Visible.escape(opened.course.config.title) + ".")) }
            try QuizSitting(session: session, book: book, styler: styler, write: { Console.out($0) }).run()
            return
        }
        let graded = try session.grade(sheet: try readSheet(), source: answers.flatMap { $0 == "-" ? nil : $0 } ?? "<stdin>")
        let previous = try session.record(graded, in: book)
        if json {
            Console.out(try QuizSession.json(questions: session.questions, graded: graded))
            return
        }
        let report = QuizReport(styler: styler)
        for (number, (question, answer)) in zip(session.questions, graded).enumerated() {
            Console.out("\(number + 1). " + Visible.escape(question.title))
            Console.out(report.verdict(answer).map { "   " + $0 }.joined(separator: "\n"))
        }
        Console.out(report.summary(questions: session.questions, graded: graded, previous: previous, sections: session.sections).joined(separator: "\n"))
    }

    private func readSheet() throws -> String {
        guard let answers, answers != "-" else {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let contents = try? String(contentsOfFile: answers, encoding: .utf8) else {
            throw AppError(.data, "cannot read answers file \(answers)")
        }
        return contents
    }
}
