import ArgumentParser
import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore
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

    @Flag(help: "The final exam: a balanced set of questions from every section.")
    var all = false

    @Option(help: "Ask this many questions, drawn at random (the exam asks two per section by default).")
    var count: Int?

    @Option(help: "Seed for drawing and shuffling, to repeat a quiz exactly.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Read answers from FILE (or - for standard input) instead of asking.", valueName: "FILE|-"))
    var answers: String?

    @Flag(help: "Print the graded result as JSON (scripted mode).")
    var json = false

    /// Questions per section in the final exam, so every section weighs the same.
    static let examQuestionsPerSection = 2

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if all && !names.isEmpty { throw ValidationError("--all draws from every section; name no lessons with it") }
    }

    func run() throws {
        let index = try courseOptions.openIndex()
        let course = index.outline
        let store = try courseOptions.openStore(for: course.config)
        let pools = try questionPools(index, store: store)
        guard pools.contains(where: { !$0.isEmpty }) else {
            Console.error("preflight: there are no quiz questions in \(names.isEmpty ? "this lesson" : names.joined(separator: ", ")).")
            throw ExitCode(ExitCodes.dataError)
        }
        let interactive = answers == nil && !json && isatty(0) == 1 && isatty(1) == 1
        let plan = QuizPlan.make(
            pools: pools, count: count ?? (all ? Self.examQuestionsPerSection * pools.filter { !$0.isEmpty }.count : nil), balanced: all,
            seed: seed ?? UInt64.random(in: 0...UInt64.max), shuffleOptions: interactive || seed != nil)
        let styler = display.styler(for: .standardOutput)
        let graded: [GradedAnswer]
        if interactive {
            if all { Console.out(styler.apply([.bold], "Final exam: \(plan.questions.count) questions from every section of \(course.config.title).")) }
            graded = QuizAttempts.askInteractively(plan, styler: styler)
        } else {
            graded = try scripted(plan)
        }
        let previous = QuizAttempts.record(plan, graded: graded, store: store)
        if json {
            Console.out(try QuizReport.json(questions: plan.questions, graded: graded))
            return
        }
        let report = QuizReport(styler: styler, width: interactive ? QuizAttempts.width : nil)
        if !interactive {
            for (number, (question, answer)) in zip(plan.questions, graded).enumerated() {
                Console.out("\(number + 1). \(Visible.escape(question.title))")
                Console.out(report.verdict(answer).map { "   " + $0 }.joined(separator: "\n"))
            }
        }
        let sections = course.config.sections.map { (title: $0.title, lessonIDs: Set(course.lessons(inSection: $0.id).map(\.id))) }
        Console.out(report.summary(questions: plan.questions, graded: graded, previous: previous, sections: sections).joined(separator: "\n"))
    }

    /// Questions grouped by section for the exam, by lesson otherwise.
    /// Only the lessons asked about are read.
    private func questionPools(_ index: CourseIndex, store: ProgressStore) throws -> [[QuizQuestion]] {
        let course = index.outline
        if all {
            let lessons = try courseOptions.load(course.lessons, from: index)
            return course.config.sections.map { section in lessons.filter { $0.sectionID == section.id }.flatMap(\.quiz) }
        }
        if names.isEmpty {
            let progress = CourseProgress(course: course, records: try store.allLessonProgress())
            guard let current = progress.resumeLesson ?? course.lessons.first else { return [] }
            return [try courseOptions.load(current, from: index).quiz]
        }
        return try courseOptions.load(LessonSelection.resolve(names, in: course, allowSections: true), from: index).map(\.quiz)
    }

    private func scripted(_ plan: QuizPlan) throws -> [GradedAnswer] {
        let text: String
        let source: String
        if let answers, answers != "-" {
            guard let contents = try? String(contentsOfFile: answers, encoding: .utf8) else {
                Console.error("preflight: error: cannot read answers file \(answers)")
                throw ExitCode(ExitCodes.dataError)
            }
            text = contents
            source = answers
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            source = "<stdin>"
        }
        switch AnswerScript.read(text, questions: plan.questions, orders: plan.orders) {
        case .success(let responses):
            return zip(zip(plan.questions, responses), plan.orders).map { Grader.grade($0.0, $0.1, shown: $1) }
        case .failure(let problem):
            Console.error("\(source):\(problem.line):1: error: \(Visible.escape(problem.message))")
            throw ExitCode(ExitCodes.dataError)
        }
    }
}
