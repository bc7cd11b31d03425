import Foundation
import PreflightCore
import PreflightGrading
import PreflightSite
import PreflightStore

/// Moves progress between the store and the progress file the website reads and writes.
enum ProgressTransfer {
    static func export(course: Course, store: ProgressStore, at now: Date) throws -> ProgressFile {
        var file = ProgressFile(course: course.config.id, exportedAt: now)
        for (id, record) in try store.allLessonProgress() where record.status != .notStarted {
            file.lessons[id] = .init(status: record.status.rawValue, updatedAt: ProgressFile.timestamp(Date(timeIntervalSince1970: record.updatedAt)))
        }
        for (id, answer) in try store.latestQuizAnswers() {
            file.questions[id] = .init(lesson: answer.lessonID, answer: answer.answer, correct: answer.correct, score: answer.score,
                                       answeredAt: ProgressFile.timestamp(answer.answeredAt))
        }
        for (id, review) in try store.latestReviewRatings() {
            file.flashcards[id] = .init(rating: review.rating == FSRS.Rating.again.rawValue ? "again" : "good", reviewedAt: ProgressFile.timestamp(review.reviewedAt))
        }
        return file
    }

    struct MergeResult { var lessons = 0, answers = 0, flashcards = 0, unknown = 0 }

    static func merge(_ file: ProgressFile, course: Course, store: ProgressStore) throws -> MergeResult {
        var result = MergeResult()
        let existing = try store.allLessonProgress()
        for (id, entry) in file.lessons.sorted(by: { $0.key < $1.key }) {
            guard course.lesson(id: id) != nil else { result.unknown += 1; continue }
            switch entry.status {
            case LessonProgress.Status.done.rawValue where existing[id]?.status != .done:
                try store.markCompleted(lessonID: id)
                result.lessons += 1
            case LessonProgress.Status.inProgress.rawValue where existing[id] == nil:
                try store.recordPosition(lessonID: id, position: 0)
                result.lessons += 1
            default:
                break
            }
        }
        let questions = Dictionary(course.lessons.flatMap(\.quiz).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var answers: [LatestQuizAnswer] = []
        for (id, entry) in file.questions.sorted(by: { $0.key < $1.key }) {
            guard let question = questions[id], let at = ProgressFile.date(entry.answeredAt) else { result.unknown += 1; continue }
            answers.append(LatestQuizAnswer(lessonID: question.lessonID, questionID: id, answer: entry.answer, correct: entry.correct,
                                            score: min(max(entry.score, 0), 1), answeredAt: at))
        }
        result.answers = try store.importQuizAnswers(answers, sessionID: "import-" + UUID().uuidString)
        let cards = Dictionary(course.lessons.flatMap(\.interviewQuestions).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let records = try store.reviewCards()
        let scheduler = FSRS()
        for (id, entry) in file.flashcards.sorted(by: { $0.key < $1.key }) {
            guard let question = cards[id], let at = ProgressFile.date(entry.reviewedAt) else { result.unknown += 1; continue }
            let rating: FSRS.Rating = entry.rating == "again" ? .again : .good
            let record = records[id]
            // Only a rating newer than the card's last review changes its schedule.
            if let last = record?.lastReview, last >= at { continue }
            let card = record.map(ReviewQueue.card(from:)) ?? FSRS.Card(due: at)
            let next = scheduler.review(card, rating: rating, at: at)
            try store.recordReview(ReviewQueue.record(next, questionID: id, lessonID: question.lessonID), rating: rating.rawValue, at: at)
            result.flashcards += 1
        }
        return result
    }
}
