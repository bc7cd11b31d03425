import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight gradebook`: the class's results, read back from the LRS, as CSV.
struct GradebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "For instructors: read the course's statements from an LRS and write one CSV row per learner.",
        discussion: """
            Columns: learner, name, lessons_completed, lessons_total, quiz_<section> (best quiz score per section,
            percent), exam (best final exam score, percent), exercises_passed. The password is asked for, or read
            from standard input; without --lrs the connection saved by `preflight lrs connect` is used.
            Example: preflight gradebook --lrs https://lrs.example.org/xAPI/ --user teacher > grades.csv
            """)

    @OptionGroup var courseOptions: CourseOptions

    @Option(help: ArgumentHelp("The LRS's xAPI endpoint (default: the connected one).", valueName: "URL"))
    var lrs: String?

    @Option(help: ArgumentHelp("A user allowed to read the LRS's statements.", valueName: "NAME"))
    var user: String?

    /// Statements per page asked of the LRS (small in tests, to follow `more` links).
    @Option(help: .hidden)
    var pageSize = 200

    func validate() throws {
        guard (1...10_000).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 10000") }
        if (lrs == nil) != (user == nil) { throw ValidationError("give --lrs URL and --user NAME together (or neither, to use the connected LRS)") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let opened = try courseOptions.open()
        let connection: LRSConnection
        if let lrs, let user {
            let password = try PasswordInput.read(prompt: "Password for \(Visible.escape(user)) at \(Visible.escape(lrs)): ")
            connection = try LRSConnection(endpoint: lrs, user: user, password: password)
        } else if let saved = try LearningRecords.status(environment: environment).connection {
            connection = saved
        } else {
            throw AppError(.usage, "no LRS given: use --lrs URL --user NAME, or connect one with `preflight lrs connect`")
        }
        let book = try Gradebook.read(course: opened.outline, connection: connection, environment: environment, pageSize: pageSize)
        FileHandle.standardOutput.write(Data(book.csv().utf8))
        Console.error("\(book.rows.count) learner\(book.rows.count == 1 ? "" : "s"), \(book.statementsRead) statement\(book.statementsRead == 1 ? "" : "s") about " + Visible.escape(opened.outline.config.title) + ".")
    }
}
