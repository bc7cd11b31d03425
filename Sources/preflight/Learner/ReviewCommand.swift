import ArgumentParser
import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore
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
        let course = try courseOptions.loadCourse()
        let store = try courseOptions.openStore(for: course)
        let lessons = try LessonSelection.resolve(names, in: course, allowSections: true)
        let questions = lessons.flatMap(\.interviewQuestions)
        let moment = now.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        let cards = try store.reviewCards()
        if stats {
            printStats(questions: questions, cards: cards, at: moment, store: store)
            return
        }
        let due = ReviewQueue.due(questions.map { ($0.id, $0.lessonID) }, cards: cards, at: moment).prefix(limit)
        guard !due.isEmpty else {
            let next = questions.compactMap { cards[$0.id]?.due }.filter { $0 > moment }.min()
            Console.out("Nothing to review now." + (next.map { " The next card is due \(Self.describe($0, from: moment))." } ?? ""))
            return
        }
        let styler = display.styler(for: .standardOutput)
        let interactive = answers == nil && isatty(0) == 1 && isatty(1) == 1
        let ratings = interactive ? nil : try scriptedRatings(count: due.count)
        let scheduler = FSRS()
        var reviewed = 0
        for (position, entry) in due.enumerated() {
            guard let question = questions.first(where: { $0.id == entry.id }) else { continue }
            let rating: FSRS.Rating?
            if let ratings {
                rating = ratings[position]
            } else {
                rating = ask(question, number: position + 1, of: due.count, styler: styler)
            }
            guard let rating else { continue }
            let card = cards[question.id].map(ReviewQueue.card(from:)) ?? FSRS.Card(due: moment)
            let next = scheduler.review(card, rating: rating, at: moment)
            try store.recordReview(ReviewQueue.record(next, questionID: question.id, lessonID: question.lessonID), rating: rating.rawValue, at: moment)
            reviewed += 1
            Console.out("  \(Visible.escape(question.question)) → \(rating) — next review \(Self.describe(next.due, from: moment)).")
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
            if let rating = ReviewQueue.rating(line) { return rating }
        }
    }

    private func scriptedRatings(count: Int) throws -> [FSRS.Rating?] {
        let text: String
        if let answers, answers != "-" {
            guard let contents = try? String(contentsOfFile: answers, encoding: .utf8) else {
                Console.error("preflight: error: cannot read answers file \(answers)")
                throw ExitCode(ExitCodes.dataError)
            }
            text = contents
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        var ratings: [FSRS.Rating?] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if word.lowercased() == "skip" { ratings.append(nil); continue }
            guard let rating = ReviewQueue.rating(word) else {
                Console.error("\(answers ?? "<stdin>"):\(number + 1):1: error: `\(Visible.escape(word))` is not a rating (again, hard, good, easy, 1-4 or skip)")
                throw ExitCode(ExitCodes.dataError)
            }
            ratings.append(rating)
        }
        return ratings + Array(repeating: nil, count: max(0, count - ratings.count))
    }

    private func printStats(questions: [InterviewQuestion], cards: [String: ReviewCardRecord], at moment: Date, store: ProgressStore) {
        let calendar = Calendar(identifier: .gregorian)
        let endOfToday = calendar.startOfDay(for: moment).addingTimeInterval(86_400)
        let seen = questions.compactMap { cards[$0.id] }
        let new = questions.count - seen.count
        let dueToday = seen.filter { $0.due < endOfToday }.count
        let dueWeek = seen.filter { $0.due < moment.addingTimeInterval(7 * 86_400) }.count
        Console.out("Flashcards: \(questions.count) (\(new) new, \(seen.count) in review)")
        Console.out("Due today: \(dueToday) (+ \(new) new)   Due within 7 days: \(dueWeek)")
        let scheduler = FSRS()
        let predicted = seen.map { scheduler.retrievability(of: ReviewQueue.card(from: $0), at: moment) }
        if !predicted.isEmpty {
            Console.out(String(format: "Predicted recall now: %.0f%% on average (target 90%%)", predicted.reduce(0, +) / Double(predicted.count) * 100))
        }
        if let recall = try? store.reviewRecall(), recall.total > 0 {
            Console.out("Retention: recalled \(recall.recalled) of \(recall.total) cards reviewed after a day or more (\(recall.recalled * 100 / recall.total)%)")
        }
    }

    static func describe(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        if seconds < 3600 { return "in \(max(1, Int((seconds / 60).rounded()))) min" }
        if seconds < 86_400 { return "in \(Int((seconds / 3600).rounded())) h" }
        let days = Int((seconds / 86_400).rounded())
        return "in \(days) day\(days == 1 ? "" : "s")"
    }
}

/// Which cards are due, and conversions between the scheduler's cards and stored rows.
enum ReviewQueue {
    struct Entry { var id: String; var lessonID: String }

    /// Cards already in review that are due (oldest due first), then new cards in course order.
    static func due(_ questions: [(String, String)], cards: [String: ReviewCardRecord], at moment: Date) -> [Entry] {
        let seen = questions.filter { cards[$0.0].map { $0.due <= moment } ?? false }.sorted { cards[$0.0]!.due < cards[$1.0]!.due }
        let new = questions.filter { cards[$0.0] == nil }
        return (seen + new).map { Entry(id: $0.0, lessonID: $0.1) }
    }

    static func rating(_ text: String) -> FSRS.Rating? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "again", "a": return .again
        case "2", "hard", "h": return .hard
        case "3", "good", "g": return .good
        case "4", "easy", "e": return .easy
        default: return nil
        }
    }

    static func card(from record: ReviewCardRecord) -> FSRS.Card {
        var card = FSRS.Card(due: record.due)
        card.state = FSRS.State(rawValue: record.state) ?? .learning
        card.step = record.step
        card.stability = record.stability
        card.difficulty = record.difficulty
        card.lastReview = record.lastReview
        return card
    }

    static func record(_ card: FSRS.Card, questionID: String, lessonID: String) -> ReviewCardRecord {
        ReviewCardRecord(questionID: questionID, lessonID: lessonID, state: card.state.rawValue, step: card.step,
                         stability: card.stability, difficulty: card.difficulty, due: card.due, lastReview: card.lastReview)
    }
}
