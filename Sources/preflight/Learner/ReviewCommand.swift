import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import PreflightTerminal

/// `preflight review`: interview questions as flashcards, scheduled with FSRS-6.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review interview questions as flashcards, scheduled by FSRS-6.",
        discussion: """
            Each due card shows a question; answer it (in writing or in your head), see the model answer,
            then rate your recall: 1 again, 2 hard, 3 good, 4 easy; q, quit or Ctrl-D stops (cards not rated
            stay due). Scripted ratings (--answers FILE or -): one per line, in order: again|hard|good|easy|1-4|skip.
            """
    )

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("Lesson or section ids (default: every lesson).", valueName: "LESSON|SECTION"))
    var names: [String] = []

    @Flag(help: "Show how many cards are due today and this week, and your retention.")
    var stats = false

    @Option(help: "Review at most this many cards (new cards count too).")
    var limit: Int = 20

    @Option(help: ArgumentHelp("Read ratings from FILE (or - for standard input) instead of asking.", valueName: "FILE|-"))
    var answers: String?

    @Option(help: .hidden)
    var now: String?

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let now, ISO8601DateFormatter().date(from: now) == nil { throw ValidationError("--now must be an ISO 8601 time such as 2026-01-31T09:00:00Z") }
    }

    func run() throws {
        let opened = try courseOptions.openAvailable()
        let lessons = try opened.lessons(named: names, allowSections: true)
        let moment = now.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        let book = try ProgressBook.open(opened)
        defer { LearningRecords.syncInBackground(book) }
        let review = try FlashcardReview(questions: lessons.flatMap(\.interviewQuestions), book: book, now: moment)
        if stats {
            printStats(try review.stats())
            return
        }
        let due = review.due(limit: limit)
        guard !due.isEmpty else {
            Console.out("Nothing to review now." + (review.nextDue.map { " The next card is due \(FlashcardReview.describe($0, from: moment))." } ?? ""))
            return
        }
        let styler = display.styler(for: .standardOutput)
        let interactive = answers == nil && ((isatty(0) == 1 && isatty(1) == 1) || display.plain)
        let ratings = interactive ? nil : try FlashcardReview.ratings(sheet: try readSheet(), source: answers.flatMap { $0 == "-" ? nil : $0 } ?? "<stdin>", count: due.count)
        var reviewed = 0
        for (position, question) in due.enumerated() {
            let rating: FSRS.Rating?
            if let ratings {
                rating = ratings[position]
            } else {
                switch ask(question, number: position + 1, of: due.count, styler: styler) {
                case .rated(let chosen): rating = chosen
                case .skipped: rating = nil
                case .stopped:
                    let left = due.count - position
                    Console.out("Stopped. \(left) card\(left == 1 ? " stays" : "s stay") due.")
                    Console.out("Reviewed \(reviewed) card\(reviewed == 1 ? "" : "s").")
                    return
                }
            }
            guard let rating else { continue }
            let next = try review.rate(question, rating)
            reviewed += 1
            Console.out(Console.wrapped("  " + Visible.escape(question.question) + " → \(rating) — next review \(FlashcardReview.describe(next, from: moment))."))
        }
        Console.out("Reviewed \(reviewed) card\(reviewed == 1 ? "" : "s").")
    }

    enum Answer { case rated(FSRS.Rating), skipped, stopped }

    /// Words that stop the review at any prompt.
    static let stopWords: Set<String> = ["q", "quit"]

    private func ask(_ question: InterviewQuestion, number: Int, of total: Int, styler: Styler) -> Answer {
        let width = display.isPlain ? PlainText.width : LessonRenderer.readingWidth(forColumns: TerminalSize.current()?.columns ?? 80)
        let wrapper = TextWrapper(width: width, styler: styler)
        func say(_ text: String, _ styles: [ANSI.SGR] = []) { Console.out(wrapper.wrap([StyledRun(text, styles)]).joined(separator: "\n")) }
        Console.out("")
        say("Card \(number) of \(total) · \(question.lessonID)", [.bold])
        say(Visible.escape(question.question), [.bold])
        say("Write your answer (or think it), then press Enter to see the model answer; q to stop.", [.dim])
        guard let typed = Swift.readLine(), !Self.stopWords.contains(typed.trimmingCharacters(in: .whitespaces).lowercased()) else { return .stopped }
        say("Model answer:", [.bold])
        Console.out(LessonRenderer(width: width, styler: styler, plain: display.isPlain).render(blocks: question.answer).joined(separator: "\n"))
        while true {
            say("How well did you recall it? 1 again, 2 hard, 3 good, 4 easy, s skip, q stop.", [.dim])
            guard let line = Swift.readLine() else { return .stopped }
            let word = line.trimmingCharacters(in: .whitespaces).lowercased()
            if Self.stopWords.contains(word) { return .stopped }
            if word.hasPrefix("s") { return .skipped }
            if let rating = FlashcardReview.rating(line) { return .rated(rating) }
        }
    }

    private func readSheet() throws -> String {
        guard let answers, answers != "-" else { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let contents = try? String(contentsOfFile: answers, encoding: .utf8) else { throw AppError(.data, "cannot read answers file \(answers)") }
        return contents
    }

    private func printStats(_ stats: FlashcardReview.Stats) {
        Console.out("Flashcards: \(stats.total) (\(stats.new) new, \(stats.inReview) in review)")
        Console.out("Due today: \(stats.dueToday) (+ \(stats.new) new)   Due within 7 days: \(stats.dueThisWeek)")
        if let recall = stats.predictedRecall {
            Console.out(String(format: "Predicted recall now: %.0f%% on average (target 90%%)", recall * 100))
        }
        if stats.reviewedLater > 0 {
            Console.out("Retention: recalled \(stats.recalled) of \(stats.reviewedLater) cards reviewed after a day or more (\(stats.recalled * 100 / stats.reviewedLater)%)")
        }
    }
}
