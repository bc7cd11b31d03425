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
            then rate your recall: 1 again, 2 hard, 3 good, 4 easy. Scripted ratings (--answers FILE or -):
            one per line, in order: again|hard|good|easy|1-4|skip.
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
        let opened = try courseOptions.open()
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
        let interactive = answers == nil && isatty(0) == 1 && isatty(1) == 1
        let ratings = interactive ? nil : try FlashcardReview.ratings(sheet: try readSheet(), source: answers.flatMap { $0 == "-" ? nil : $0 } ?? "<stdin>", count: due.count)
        var reviewed = 0
        for (position, question) in due.enumerated() {
            guard let rating = ratings.map({ $0[position] }) ?? ask(question, number: position + 1, of: due.count, styler: styler) else { continue }
            let next = try review.rate(question, rating)
            reviewed += 1
            Console.out("  " + Visible.escape(question.question) + " → \(rating) — next review \(FlashcardReview.describe(next, from: moment)).")
        }
        Console.out("Reviewed \(reviewed) card\(reviewed == 1 ? "" : "s").")
    }

    private func ask(_ question: InterviewQuestion, number: Int, of total: Int, styler: Styler) -> FSRS.Rating? {
        Console.out("")
        Console.out(styler.apply([.bold], "Card \(number) of \(total)") + styler.apply([.dim], " · \(question.lessonID)"))
        Console.out(styler.apply([.bold], Visible.escape(question.question)))
        Console.out(styler.apply([.dim], "Write your answer (or think it), then press Enter to see the model answer."))
        guard Swift.readLine() != nil else { return nil }
        let width = min(TerminalSize.current()?.columns ?? 80, 100)
        Console.out(styler.apply([.bold], "Model answer:"))
        Console.out(LessonRenderer(width: width, styler: styler).render(blocks: question.answer).joined(separator: "\n"))
        while true {
            Console.out(styler.apply([.dim], "How well did you recall it?  1 again · 2 hard · 3 good · 4 easy · s skip"))
            guard let line = Swift.readLine() else { return nil }
            if line.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("s") { return nil }
            if let rating = FlashcardReview.rating(line) { return rating }
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
