import Foundation
import PreflightCore
import PreflightGrading

/// How a learner stands in one section of the course, judged by their latest answer to each of
/// its questions (from any quiz or exam; skips aside).
public struct SectionStanding: Sendable {
    public var id: String
    public var title: CourseText
    /// Quiz questions in the section's lessons.
    public var questions: Int
    /// The latest answers' score; nil when none of the section's questions was answered.
    public var score: QuizScore?

    /// Below `QuizSession.weakBelow` of full marks. A section never answered is not weak: it is
    /// not measured yet.
    public var isWeak: Bool {
        guard let score, score.questions > 0 else { return false }
        return score.points / Double(score.questions) < QuizSession.weakBelow - 1e-9
    }
}

extension QuizSession {
    /// A section whose latest answers score less than this share of full marks is weak.
    public static let weakBelow = 0.8

    /// Every section's standing, in course order.
    public static func standings(_ course: CourseOutline, book: ProgressBook) throws -> [SectionStanding] {
        let latest = try book.latestAnswers()
        return course.config.sections.map { section in
            let questions = course.lessons(inSection: section.id).flatMap(\.questionIDs)
            let answered = questions.compactMap { latest[$0] }
            let score = answered.isEmpty ? nil : QuizScore(points: answered.reduce(0) { $0 + $1.score }, questions: answered.count)
            return SectionStanding(id: section.id, title: section.title, questions: questions.count, score: score)
        }
    }

    /// The final exam again, on the weak sections only. Refused, with the reason, when no
    /// section is weak or none has been measured.
    public static func weakExam(_ opened: OpenedCourse, book: ProgressBook, count: Int?, seed: UInt64, shuffle: Bool) throws -> QuizSession {
        let standings = try standings(opened.outline, book: book)
        let weak = standings.filter(\.isWeak)
        guard !weak.isEmpty else {
            if standings.allSatisfy({ $0.score == nil }) {
                throw AppError(.data, "no section has been measured yet: take the final exam first (`preflight quiz --all`)")
            }
            let percent = Int(weakBelow * 100)
            throw AppError(.data, "no weak section: your latest answers score at least \(percent)% in every section you have answered")
        }
        return try plan(opened, names: [], exam: true, count: count, seed: seed, shuffle: shuffle,
                        examSections: Set(weak.map(\.id)), progress: book.courseProgress)
    }

    /// The questions the learner got wrong (or only partly right) the last time they answered
    /// them, across lessons, in course order; limited to `names` (lessons or sections) when given.
    public static func missed(_ opened: OpenedCourse, names: [String], book: ProgressBook, count: Int?, seed: UInt64, shuffle: Bool) throws -> QuizSession {
        let latest = try book.latestAnswers()
        let lessons = try opened.lessons(named: names, allowSections: true)
        let missed = lessons.flatMap(\.quiz).filter { question in latest[question.id].map { $0.score < 1 - 1e-9 } ?? false }
        guard !missed.isEmpty else {
            let answered = lessons.flatMap(\.quiz).contains { latest[$0.id] != nil }
            throw AppError(.data, answered
                ? "nothing to retry: you last answered every question here right"
                : "nothing to retry: you have not answered any of these questions yet (`preflight quiz` asks them)")
        }
        let plan = QuizPlan.make(pools: [missed], count: count, balanced: false, seed: seed, shuffleOptions: shuffle)
        let sections = QuizSession.sections(of: opened.outline)
        return QuizSession(plan: plan, sections: sections, isExam: false)
    }
}

/// A question's latest answer, skips aside.
struct AnsweredQuestion: Sendable {
    var lessonID: String
    var correct: Bool
    var score: Double
}

extension ProgressBook {
    /// Per question id: the learner's latest answer that was not a skip.
    func latestAnswers() throws -> [String: AnsweredQuestion] {
        try access("read your quiz answers") {
            try store.latestAnswers().mapValues { AnsweredQuestion(lessonID: $0.lessonID, correct: $0.correct, score: $0.score) }
        }
    }
}
