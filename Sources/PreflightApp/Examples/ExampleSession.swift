import Foundation
import PreflightCore
import PreflightRunner
import Synchronization

/// A learner's run of one example, as the lesson screen shows it.
public struct ExampleRun: Sendable {
    public var example: Example
    public var passed: Bool
    /// What happened, as a phrase ("timed out after 10 s; …").
    public var summary: String
    public var stdout: String
    public var stderr: String
    /// Expected (`-`) against actual (`+`) when the output differs.
    public var diff: String?
    public var stragglerNote: String?
}

/// Runs a lesson's examples for a learner, under the same supervision as `preflight check`,
/// and records that they ran (part of what completes a lesson). The hosts start with the first
/// run and end with the session.
public final class ExampleSession: Sendable {
    let config: CourseConfig
    let book: ProgressBook
    let sandbox: Bool
    private let runner = Mutex<ExampleRunner?>(nil)

    public init(config: CourseConfig, book: ProgressBook, sandbox: Bool = true) {
        self.config = config
        self.book = book
        self.sandbox = sandbox
    }

    public func run(_ examples: [Example]) throws -> [ExampleRun] {
        let runner = try runner.withLock { runner -> ExampleRunner in
            if let runner { return runner }
            let made = ExampleRunner(config: config, pool: try ExampleHosts.pool(for: config, root: book.course.root, sandbox: sandbox))
            runner = made
            return made
        }
        var runs: [ExampleRun] = []
        for example in examples {
            let item = CheckItem(kind: .example, example: example, label: "example \(example.index)", name: "\(example.lessonID)/example-\(example.index)")
            let result = runner.run(item)
            try book.recordExampleRun(lessonID: example.lessonID, index: example.index, passed: result.verdict.passed,
                                      verdict: CheckReport.verdictName(result.verdict))
            var diff: String?
            if case .mismatch(let text) = result.verdict { diff = text }
            runs.append(ExampleRun(example: example, passed: result.verdict.passed, summary: result.verdict.summary,
                                   stdout: result.stdout, stderr: result.stderr, diff: diff, stragglerNote: result.stragglerNote))
        }
        return runs
    }

    /// Ends the hosts now rather than when the session is released.
    public func close() {
        runner.withLock { runner in
            runner?.pool.close()
            runner = nil
        }
    }
}
