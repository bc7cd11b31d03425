import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore

/// Moves a learner's progress between the progress database and the progress file the website
/// reads and writes (`preflight export progress`, `preflight import progress`).
public struct ProgressTransfer: Sendable {
    let book: ProgressBook

    public init(book: ProgressBook) { self.book = book }

    /// The learner's progress as a progress file: lessons started or done, each question's latest
    /// answer (skips left out) and each flashcard's latest rating.
    public func export(at now: Date) throws -> ProgressFile {
        let store = book.store
        var file = ProgressFile(course: book.course.config.id, exportedAt: now)
        for (id, record) in try book.lessons() where record.status != .notStarted {
            file.lessons[id] = .init(status: record.status.rawValue, updatedAt: ProgressFile.timestamp(Date(timeIntervalSince1970: record.updatedAt)))
        }
        for (id, answer) in try book.access("read your quiz answers", { try store.latestQuizAnswers() }) {
            file.questions[id] = .init(lesson: answer.lessonID, answer: answer.answer, correct: answer.correct, score: answer.score,
                                       answeredAt: ProgressFile.timestamp(answer.answeredAt))
        }
        for (id, review) in try book.access("read your flashcard ratings", { try store.latestReviewRatings() }) {
            // The site knows two ratings: Again is `again`; Hard, Good and Easy were recalled.
            file.flashcards[id] = .init(rating: review.rating == FSRS.Rating.again.rawValue ? "again" : "good", reviewedAt: ProgressFile.timestamp(review.reviewedAt))
        }
        return file
    }

    /// Reads a progress file for this course; anything else is refused with what is wrong.
    /// - Parameter source: the file's name as the learner wrote it, for the message.
    public func read(_ data: Data, source: String) throws -> ProgressFile {
        let file: ProgressFile
        do {
            file = try ProgressFile.read(data)
        } catch {
            throw AppError(.data, "\(source): \(error)")
        }
        guard file.course == book.course.config.id else {
            throw AppError(.data, "\(source) holds progress for course `\(file.course)`, not `\(book.course.config.id)`")
        }
        return file
    }

    public struct MergeResult: Sendable, Equatable {
        public var lessons = 0, answers = 0, flashcards = 0
        /// Entries whose lesson, question or flashcard the course does not have, left out.
        public var unknown = 0
        /// Entries whose status, rating or time this version cannot read, left out.
        public var unreadable = 0

        public init(lessons: Int = 0, answers: Int = 0, flashcards: Int = 0, unknown: Int = 0, unreadable: Int = 0) {
            (self.lessons, self.answers, self.flashcards, self.unknown, self.unreadable) = (lessons, answers, flashcards, unknown, unreadable)
        }
    }

    /// Merges a progress file into the learner's progress. Lessons done stay done; answers and
    /// ratings are added once however often the same file is merged; a flashcard rating changes
    /// the card's schedule only when it is newer than the card's last review.
    public func merge(_ file: ProgressFile) throws -> MergeResult {
        let course = book.course
        let store = book.store
        var result = MergeResult()
        let existing = try book.lessons()
        for (id, entry) in file.lessons.sorted(by: { $0.key < $1.key }) {
            guard course.lesson(id: id) != nil else { result.unknown += 1; continue }
            guard let status = LessonStatus(rawValue: entry.status) else { result.unreadable += 1; continue }
            switch status {
            case .done where existing[id]?.status != .done:
                try book.markDone(lessonID: id)
                result.lessons += 1
            case .inProgress where existing[id] == nil:
                try book.recordPosition(lessonID: id, part: 0)
                result.lessons += 1
            default:
                break
            }
        }
        // Question and card ids to their lessons, from the outline: no lesson needs reading.
        let questions = Dictionary(course.lessons.flatMap { lesson in lesson.questionIDs.map { ($0, lesson.id) } }, uniquingKeysWith: { first, _ in first })
        var answers: [LatestQuizAnswer] = []
        for (id, entry) in file.questions.sorted(by: { $0.key < $1.key }) {
            guard let lessonID = questions[id] else { result.unknown += 1; continue }
            guard let at = ProgressFile.date(entry.answeredAt), entry.score.isFinite else { result.unreadable += 1; continue }
            answers.append(LatestQuizAnswer(lessonID: lessonID, questionID: id, answer: entry.answer, correct: entry.correct,
                                            score: min(max(entry.score, 0), 1), answeredAt: at))
        }
        result.answers = try book.access("save the imported answers") { try store.importQuizAnswers(answers, sessionID: "import-" + UUID().uuidString) }
        let cards = Dictionary(course.lessons.flatMap { lesson in lesson.interviewQuestionIDs.map { ($0, lesson.id) } }, uniquingKeysWith: { first, _ in first })
        let records = try book.access("read your flashcards") { try store.reviewCards() }
        let scheduler = FSRS()
        for (id, entry) in file.flashcards.sorted(by: { $0.key < $1.key }) {
            guard let lessonID = cards[id] else { result.unknown += 1; continue }
            guard let at = ProgressFile.date(entry.reviewedAt), ["again", "good"].contains(entry.rating) else { result.unreadable += 1; continue }
            let record = records[id]
            if let last = record?.lastReview, last >= at { continue }
            let rating: FSRS.Rating = entry.rating == "again" ? .again : .good
            let next = scheduler.review(record.map(FlashcardReview.card(from:)) ?? FSRS.Card(due: at), rating: rating, at: at)
            let updated = ReviewCardRecord(questionID: id, lessonID: lessonID, state: next.state.rawValue, step: next.step,
                                           stability: next.stability, difficulty: next.difficulty, due: next.due, lastReview: next.lastReview)
            try book.access("save the imported flashcard rating") { try store.recordReview(updated, rating: rating.rawValue, at: at) }
            result.flashcards += 1
        }
        return result
    }
}
