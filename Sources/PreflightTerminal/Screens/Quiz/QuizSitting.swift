import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading

/// A whole quiz on a terminal, in line mode: the questions asked one at a time, the attempt
/// recorded, then the summary with earlier attempts at the same set. Used by `preflight quiz`
/// and by the lesson screen's quiz key.
public struct QuizSitting {
    public let session: QuizSession
    public let book: ProgressBook
    public let styler: Styler
    public let write: (String) -> Void
    public let readLine: () -> String?
    public let plain: Bool
    public let width: Int

    /// Questions and explanations are wrapped to the terminal, capped for readable lines.
    public static var width: Int { LessonRenderer.readingWidth(forColumns: TerminalSize.current()?.columns ?? 80) }

    /// - Parameter plain: accessible mode; lines are left unwrapped for the screen reader.
    public init(session: QuizSession, book: ProgressBook, styler: Styler, plain: Bool = false, write: @escaping (String) -> Void,
                readLine: @escaping () -> String? = { Swift.readLine() }) {
        self.session = session
        self.book = book
        self.styler = styler
        self.plain = plain
        self.width = plain ? PlainText.width : Self.width
        self.write = write
        self.readLine = readLine
    }

    public struct Result {
        public var graded: [GradedAnswer]
        /// False when the learner left before the end: nothing was recorded.
        public var finished: Bool
    }

    /// Asks, records and summarises. A quiz left before the end is not recorded: a half-taken
    /// attempt would count the unanswered questions as wrong.
    @discardableResult
    public func run() throws -> Result {
        let outcome = QuizConversation(session: session, styler: styler, width: width, plain: plain, readLine: readLine, write: write).run()
        guard outcome.finished else {
            let answered = outcome.graded.compactMap { $0 }.filter { !$0.skipped }.count
            write("")
            write("You left the quiz after answering \(answered) of \(outcome.graded.count) question\(outcome.graded.count == 1 ? "" : "s"); this attempt was not recorded.")
            return Result(graded: outcome.graded.compactMap { $0 }, finished: false)
        }
        let graded = outcome.graded.map { $0! }
        let previous = try session.record(graded, in: book)
        write(QuizReport(styler: styler, width: width, plain: plain).summary(questions: session.questions, graded: graded, previous: previous, sections: session.sections).joined(separator: "\n"))
        return Result(graded: graded, finished: true)
    }
}

/// Accessible (plain) output: no colour, no box drawing, one line per event, and lines left
/// unwrapped so a screen reader reads whole sentences.
public enum PlainText {
    /// Wide enough that nothing is wrapped.
    public static let width = 100_000
}
