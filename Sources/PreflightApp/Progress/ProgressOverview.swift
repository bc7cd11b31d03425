import Foundation
import PreflightCore
import PreflightGrading

/// Everything a learner has done, in one view: per section, lessons, exercises, flashcards and
/// the latest quiz answers (the same figures that call a section weak), then the quiz history.
public struct ProgressOverview: Sendable {
    public struct Section: Sendable {
        public var id: String
        public var title: CourseText
        public var lessonsDone, lessons, unavailable: Int
        public var exercisesDone, exercises: Int
        /// Flashcards seen at least once, due now, and in all.
        public var cardsLearned, cardsDue, cards: Int
        public var standing: SectionStanding
    }

    /// One finished quiz attempt: when, its score, and what it covered.
    public struct Attempt: Sendable {
        public var finishedAt: Date
        public var score: QuizScore
        public var skipped: Int
        /// A lesson's title, a section's, or nil for questions from several sections.
        public var covered: CourseText?
        public var sectionCount: Int
    }

    public var progress: CourseProgress
    public var sections: [Section]
    public var history: [Attempt]
    public var exercisesDone, exercises: Int
    public var cardsLearned, cardsDue, cards: Int

    /// - Parameter exercises: the course's exercises and the learner's standing on each, when
    ///   the course has any.
    public static func make(_ opened: OpenedCourse, book: ProgressBook, exercises: (list: [Exercise], states: [String: ExerciseState])?, now: Date) throws -> ProgressOverview {
        let course = opened.outline
        let progress = try book.courseProgress()
        let standings = try QuizSession.standings(course, book: book)
        let cardRecords = try book.access("read your flashcards") { try book.store.reviewCards() }
        let list = exercises?.list ?? []
        let states = exercises?.states ?? [:]
        let sections = zip(course.config.sections, standings).map { section, standing -> Section in
            let lessons = course.lessons(inSection: section.id)
            let ids = Set(lessons.map(\.id))
            let practice = list.filter { ids.contains($0.lessonID) }
            let cards = lessons.flatMap(\.interviewQuestionIDs)
            let seen = cards.compactMap { cardRecords[$0] }
            return Section(
                id: section.id, title: section.title, lessonsDone: lessons.filter { progress.status($0) == .done }.count, lessons: lessons.count,
                unavailable: opened.unavailable.filter { $0.sectionID == section.id }.count,
                exercisesDone: practice.filter { states[$0.id]?.status == .done }.count, exercises: practice.count,
                cardsLearned: seen.count, cardsDue: seen.filter { $0.due <= now }.count, cards: cards.count, standing: standing)
        }
        let history = try book.access("read your quiz history") { try book.store.quizHistory() }.map { summary -> Attempt in
            let lessonIDs = Set(summary.lessonIDs)
            let sectionIDs = Set(course.lessons.filter { lessonIDs.contains($0.id) }.map(\.sectionID))
            var covered: CourseText?
            if lessonIDs.count == 1, let lesson = course.lesson(id: summary.lessonIDs[0]) { covered = lesson.title }
            else if sectionIDs.count == 1, let section = course.section(id: sectionIDs.first!) { covered = section.title }
            return Attempt(finishedAt: summary.finishedAt, score: QuizScore(points: summary.score, questions: summary.total),
                           skipped: summary.skipped, covered: covered, sectionCount: sectionIDs.count)
        }
        return ProgressOverview(
            progress: progress, sections: sections, history: history,
            exercisesDone: sections.reduce(0) { $0 + $1.exercisesDone }, exercises: list.count,
            cardsLearned: sections.reduce(0) { $0 + $1.cardsLearned }, cardsDue: sections.reduce(0) { $0 + $1.cardsDue },
            cards: sections.reduce(0) { $0 + $1.cards })
    }

    /// The overview as JSON (`progress --json`): the outline with statuses, plus each section's figures.
    public func json() throws -> String {
        struct Quiz: Encodable { var answered: Int; var score: Double; var percent: Int; var weak: Bool }
        struct Figures: Encodable {
            var id: String
            var title: CourseText
            var lessonsDone, lessons, unavailableLessons, exercisesDone, exercises, cardsLearned, cardsDue, cards, quizQuestions: Int
            var quiz: Quiz?
        }
        struct Entry: Encodable { var finishedAt: String; var questions, skipped: Int; var score: Double; var percent: Int; var covered: CourseText? }
        struct Report: Encodable {
            var course: String
            var title: CourseText
            var lessonsDone, lessons, percent: Int
            var next: String?
            var sections: [Figures]
            var quizHistory: [Entry]
        }
        let figures = sections.map { section in
            Figures(id: section.id, title: section.title, lessonsDone: section.lessonsDone, lessons: section.lessons, unavailableLessons: section.unavailable,
                    exercisesDone: section.exercisesDone, exercises: section.exercises, cardsLearned: section.cardsLearned, cardsDue: section.cardsDue,
                    cards: section.cards, quizQuestions: section.standing.questions,
                    quiz: section.standing.score.map { Quiz(answered: $0.questions, score: $0.points, percent: $0.percent, weak: section.standing.isWeak) })
        }
        let iso = ISO8601DateFormatter()
        let entries = history.map { Entry(finishedAt: iso.string(from: $0.finishedAt), questions: $0.score.questions, skipped: $0.skipped, score: $0.score.points, percent: $0.score.percent, covered: $0.covered) }
        let course = progress.course
        return try JSONOutput.encode(Report(course: course.config.id, title: course.config.title, lessonsDone: progress.doneCount, lessons: course.lessons.count,
                                            percent: progress.percent, next: progress.resumeLesson?.id, sections: figures, quizHistory: entries))
    }
}
