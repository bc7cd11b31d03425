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

    /// Questions and explanations are wrapped to the terminal, capped for readable lines.
    public static var width: Int { min(TerminalSize.current()?.columns ?? 80, 100) }

    public init(session: QuizSession, book: ProgressBook, styler: Styler, write: @escaping (String) -> Void, readLine: @escaping () -> String? = { Swift.readLine() }) {
        self.session = session
        self.book = book
        self.styler = styler
        self.write = write
        self.readLine = readLine
    }

    /// Asks, records and summarises; returns the graded answers.
    @discardableResult
    public func run() throws -> [GradedAnswer] {
        let graded = QuizConversation(session: session, styler: styler, width: Self.width, readLine: readLine, write: write).run()
        let previous = try session.record(graded, in: book)
        write(QuizReport(styler: styler, width: Self.width).summary(questions: session.questions, graded: graded, previous: previous, sections: session.sections).joined(separator: "\n"))
        return graded
    }
}
