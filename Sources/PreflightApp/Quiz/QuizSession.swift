import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore

/// An earlier attempt at the same set of questions.
public struct AttemptSummary: Sendable, Hashable {
    public var finishedAt: Date
    public var score: QuizScore
}

/// One sitting of a quiz: which questions are asked, in what order, how answers are graded, and
/// how the attempt is recorded. The asking itself (line mode on a terminal, an answer sheet, a web
/// page) is the caller's; grading and recording are always these.
public struct QuizSession: Sendable {
    public let plan: QuizPlan
    /// Each section's title and lessons, in course order, for the per-section breakdown.
    public let sections: [(title: CourseText, lessonIDs: Set<String>)]
    public let isExam: Bool

    /// Questions per section in the final exam, so every section weighs the same.
    public static let examQuestionsPerSection = 2

    /// - Parameters:
    ///   - names: lesson or section ids; none means the lesson the learner is on.
    ///   - exam: the final exam, drawn evenly from every section.
    ///   - count: ask this many, drawn at random; nil asks them all (the exam: two per section).
    ///   - shuffle: show options in a seeded random order.
    ///   - examSections: with `exam`, draw from these sections only (retaking the weak ones).
    public static func plan(_ opened: OpenedCourse, names: [String], exam: Bool, count: Int?, seed: UInt64, shuffle: Bool,
                            examSections: Set<String>? = nil, progress: () throws -> CourseProgress) throws -> QuizSession {
        let pools: [[QuizQuestion]]
        if exam {
            let course = opened.course
            let chosen = course.config.sections.filter { examSections?.contains($0.id) ?? true }
            pools = chosen.map { course.lessons(inSection: $0.id).flatMap(\.quiz) }
        } else if names.isEmpty {
            let current = try progress().resumeLesson ?? opened.outline.lessons.first
            pools = [try current.map(opened.lesson)?.quiz ?? []]
        } else {
            pools = try opened.lessons(named: names, allowSections: true).map(\.quiz)
        }
        guard pools.contains(where: { !$0.isEmpty }) else {
            throw AppError(.data, "there are no quiz questions in \(names.isEmpty ? "this lesson" : names.joined(separator: ", ")).")
        }
        let drawn = count ?? (exam ? examQuestionsPerSection * pools.filter { !$0.isEmpty }.count : nil)
        let plan = QuizPlan.make(pools: pools, count: drawn, balanced: exam, seed: seed, shuffleOptions: shuffle)
        return QuizSession(plan: plan, sections: sections(of: opened.outline), isExam: exam)
    }

    /// Each section's title and lesson ids, for the summary's per-section lines.
    static func sections(of outline: CourseOutline) -> [(title: CourseText, lessonIDs: Set<String>)] {
        outline.config.sections.map { (title: $0.title, lessonIDs: Set(outline.lessons(inSection: $0.id).map(\.id))) }
    }

    /// A lesson's own quiz, as the learn screen's quiz key asks it; `seed` repeats an order.
    public static func lessonQuiz(_ lesson: Lesson, seed: UInt64? = nil) -> QuizSession? {
        guard !lesson.quiz.isEmpty else { return nil }
        let plan = QuizPlan.make(pools: [lesson.quiz], count: nil, balanced: false, seed: seed ?? UInt64.random(in: 0...UInt64.max), shuffleOptions: true)
        return QuizSession(plan: plan, sections: [], isExam: false)
    }

    public var questions: [QuizQuestion] { plan.questions }

    /// Grades one answer to question `index`, described with the letters the learner saw.
    public func grade(_ index: Int, _ response: QuizResponse) -> GradedAnswer {
        Grader.grade(plan.questions[index], response, shown: plan.orders[index])
    }

    /// Grades an answer sheet (`AnswerScript`); a malformed sheet names its file and line.
    public func grade(sheet text: String, source: String) throws -> [GradedAnswer] {
        switch AnswerScript.read(text, questions: plan.questions, orders: plan.orders) {
        case .success(let responses):
            return responses.enumerated().map { grade($0.offset, $0.element) }
        case .failure(let problem):
            throw AppError(.data, "\(source):\(problem.line):1: error: \(problem.message)")
        }
    }

    /// Saves the attempt, all of it or none of it, and returns the earlier attempts at the same set.
    @discardableResult
    public func record(_ graded: [GradedAnswer], in book: ProgressBook) throws -> [AttemptSummary] {
        let previous = try book.access("read your earlier attempts") { try book.store.quizAttempts(setKey: plan.setKey) }
        let records = zip(plan.questions, graded).map {
            QuizAttemptRecord(lessonID: $0.lessonID, questionID: $0.id, answer: $1.given, correct: $1.correct, score: $1.score)
        }
        let attemptID = UUID().uuidString.lowercased()
        let statements = book.recorder?.quizAttempt(questions: plan.questions, graded: graded, isExam: isExam, setKey: plan.setKey,
                                                    attemptID: attemptID, at: Date()) ?? []
        try book.access("save this attempt") {
            try book.store.recordQuizAttempt(sessionID: attemptID, setKey: plan.setKey, answers: records, statements: statements)
        }
        return previous.map { AttemptSummary(finishedAt: $0.finishedAt, score: QuizScore(points: $0.score, questions: $0.total)) }
    }

    /// The graded attempt as JSON, for scripts and for a class's answer sheets.
    public static func json(questions: [QuizQuestion], graded: [GradedAnswer]) throws -> String {
        struct Entry: Encodable {
            var id, lesson, type, given, correctAnswer: String
            var title: CourseText
            var correct, skipped: Bool
            /// 0...1: partial credit for select-all and ordering, 1 or 0 for the rest.
            var score: Double
            var diff: String?
        }
        struct Total: Encodable { var questions, correct, answered, skipped: Int; var score: Double; var percent: Int }
        struct Report: Encodable { var questions: [Entry]; var total: Total }
        let entries = zip(questions, graded).map { question, answer in
            Entry(id: question.id, lesson: question.lessonID, type: question.kind.rawValue, given: answer.given, correctAnswer: answer.rightAnswer,
                  title: question.title, correct: answer.correct, skipped: answer.skipped, score: answer.score, diff: answer.diff)
        }
        let score = QuizScore(graded)
        let total = Total(questions: graded.count, correct: graded.filter(\.correct).count, answered: graded.filter { !$0.skipped }.count,
                          skipped: graded.filter(\.skipped).count, score: score.points, percent: score.percent)
        return try JSONOutput.encode(Report(questions: entries, total: total))
    }
}

extension ProgressBook {
    /// Per lesson: the score earned and the questions answered, over every attempt.
    public func quizScores() throws -> [String: QuizScore] {
        try access("read your quiz history") {
            try store.quizAccuracy().mapValues { QuizScore(points: $0.score, questions: $0.answered) }
        }
    }
}
