import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore
import PreflightTerminal

/// Shared by `preflight quiz` and the learn screen's quiz key: ask in line mode, then store the
/// attempt and show the summary with earlier attempts at the same set.
enum QuizAttempts {
    /// Questions and explanations are wrapped to the terminal, capped for readable lines.
    static var width: Int { min(TerminalSize.current()?.columns ?? 80, 100) }

    static func askInteractively(_ plan: QuizPlan, styler: Styler) -> [GradedAnswer] {
        QuizConversation(plan: plan, styler: styler, width: width, readLine: { Swift.readLine() }, write: { Console.out($0) }).run()
    }

    /// Saves the attempt (one transaction) and returns the attempts before it.
    @discardableResult
    static func record(_ plan: QuizPlan, graded: [GradedAnswer], store: ProgressStore) -> [QuizAttemptSummary] {
        let previous = (try? store.quizAttempts(setKey: plan.setKey)) ?? []
        let records = zip(plan.questions, graded).map {
            QuizAttemptRecord(lessonID: $0.lessonID, questionID: $0.id, answer: $1.given, correct: $1.correct, score: $1.score)
        }
        do {
            try store.recordQuizAttempt(sessionID: UUID().uuidString, setKey: plan.setKey, answers: records)
        } catch {
            Console.error("preflight: warning: this attempt could not be saved: \(error)")
        }
        return previous
    }

    /// The learn screen's `t` key: the lesson's quiz in line mode, then back to the lesson.
    static func learnHook(store: ProgressStore, styler: Styler) -> LearnLoop.QuizHook {
        return { lesson, _ in
            guard !lesson.quiz.isEmpty else { return "This lesson has no quiz." }
            Console.out(styler.apply([.bold], "Quiz: \(Visible.escape(lesson.title))"))
            let plan = QuizPlan.make(pools: [lesson.quiz], count: nil, balanced: false, seed: UInt64.random(in: 0...UInt64.max), shuffleOptions: true)
            let graded = askInteractively(plan, styler: styler)
            let previous = record(plan, graded: graded, store: store)
            Console.out(QuizReport(styler: styler, width: width).summary(questions: plan.questions, graded: graded, previous: previous).joined(separator: "\n"))
            Console.out(styler.apply([.dim], "\nPress Enter to return to the lesson."))
            _ = Swift.readLine()
            return "Quiz score: \(QuizScore(graded).text)."
        }
    }
}
