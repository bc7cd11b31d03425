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
            On a terminal (or with --plain), q, quit or Ctrl-D leaves the quiz without recording it.
            --missed asks again the questions you last answered wrong; --all --weak retakes the exam on
            the sections whose latest answers score below 80%.
            Exits 0 whatever the score; 65 for an unknown lesson or a malformed answers file.
            """
    )

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("Lesson or section ids (default: the lesson you are on).", valueName: "LESSON|SECTION"))
    var names: [String] = []

    @Flag(help: "The final exam: two questions from every section.")
    var all = false

    @Flag(help: "With --all: the exam on your weak sections only (latest answers below 80%).")
    var weak = false

    @Flag(help: "Ask again the questions you got wrong (or partly right) the last time you answered them, across lessons.")
    var missed = false

    @Option(help: "Ask this many questions, drawn at random (the exam asks two per section by default).")
    var count: Int?

    @Option(help: "Seed for drawing and shuffling, to repeat a quiz exactly.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Read answers from FILE (or - for standard input) instead of asking.", valueName: "FILE|-"))
    var answers: String?

    @Flag(help: "Print the graded result as JSON (scripted mode).")
    var json = false

    @Flag(help: "Print an answer sheet for this quiz instead of asking: each question with its options lettered as they will be shown (shuffled by --seed) and the form its answer takes.")
    var answersTemplate = false

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if all && !names.isEmpty { throw ValidationError("--all draws from every section; name no lessons with it") }
        if answersTemplate && (answers != nil || json) { throw ValidationError("--answers-template prints a sheet to fill in; grade it afterwards with --answers FILE") }
        if answersTemplate && seed == nil && (all || count != nil) {
            throw ValidationError("a drawn quiz (--all, --count) needs --seed S, so that the sheet and the grading draw the same questions")
        }
        if answersTemplate && (missed || weak) { throw ValidationError("--answers-template prints a sheet for named lessons or the exam, not for --missed or --weak") }
        if weak && !all { throw ValidationError("--weak retakes the final exam on your weak sections: use it with --all") }
        if missed && all { throw ValidationError("--missed and --all ask different questions; use one") }
    }

    func run() throws {
        // The exam spans the whole course, and a seed must draw the same exam every time: it
        // needs every lesson. Other quizzes work from the lessons that load.
        let opened = all ? try courseOptions.open() : try courseOptions.openAvailable()
        let book = try ProgressBook.open(opened)
        defer { LearningRecords.syncInBackground(book) }
        // Line by line with verdicts: on a terminal, or in accessible mode through a pipe.
        let interactive = answers == nil && !json && !answersTemplate && ((isatty(0) == 1 && isatty(1) == 1) || display.plain)
        let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
        let shuffle = interactive || self.seed != nil
        let session: QuizSession
        if missed {
            session = try QuizSession.missed(opened, names: names, book: book, count: count, seed: seed, shuffle: shuffle)
        } else if weak {
            session = try QuizSession.weakExam(opened, book: book, count: count, seed: seed, shuffle: shuffle)
        } else {
            session = try QuizSession.plan(opened, names: names, exam: all, count: count, seed: seed, shuffle: shuffle, progress: book.courseProgress)
        }
        if answersTemplate {
            // Named explicitly, so grading asks the same questions whatever lesson is current by then.
            let named = all ? ["--all"] : names.isEmpty ? Set(session.questions.map(\.lessonID)).sorted() : names
            var command = ["preflight", "quiz"] + named
            if let count { command += ["--count", "\(count)"] }
            if let seed = self.seed { command += ["--seed", "\(seed)"] }
            if let course = courseOptions.course { command += ["--course", course] }
            Console.out(session.answerSheetTemplate(command: Visible.escape((command + ["--answers", "FILE"]).joined(separator: " "))))
            return
        }
        let styler = display.styler(for: .standardOutput)
        if interactive {
            if all {
                let scope = weak ? "your weak sections" : "every section"
                Console.out(styler.apply([.bold], "Final exam: \(session.questions.count) questions from \(scope) of " + Visible.escape(opened.outline.config.title) + "."))
            } else if missed {
                Console.out(styler.apply([.bold], "\(session.questions.count) question\(session.questions.count == 1 ? "" : "s") you missed last time."))
            }
            try QuizSitting(session: session, book: book, styler: styler, plain: display.isPlain, write: { Console.out($0) }).run()
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
