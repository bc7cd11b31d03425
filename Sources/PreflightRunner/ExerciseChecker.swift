import Foundation
import PreflightCore

/// Runs an exercise's check against one version of the learner's file (their working copy, the
/// pristine starter, or the reference solution) under the same supervision and limits as
/// examples: a fresh folder, a new interpreter, a deadline, an output cap, nothing left behind.
public struct ExerciseChecker: Sendable {
    public var config: CourseConfig
    public let pool: HostPool
    public var resolver: ExecutableResolver

    public init(config: CourseConfig, pool: HostPool, resolver: ExecutableResolver = ExecutableResolver()) {
        self.config = config
        self.pool = pool
        self.resolver = resolver
    }

    public struct Outcome: Sendable {
        public var passed: Bool
        public var termination: Termination?
        /// What the check printed (stdout then stderr), escaped by whoever shows it.
        public var output: String
        public var duration: Double
        /// Set when the check could not run at all, or did not end by itself.
        public var problem: String?
    }

    /// - Parameter timeout: validated by the caller (`CourseConfig.isValidTimeout`).
    public func check(_ exercise: Exercise, candidate: URL, timeout: Double? = nil) -> Outcome {
        let folder = URL(fileURLWithPath: exercise.folder)
        let language = ExerciseLoader.checkLanguage(forExtension: URL(fileURLWithPath: exercise.check).pathExtension)
        guard let runner = config.runner(for: language) else {
            return Outcome(passed: false, output: "", duration: 0, problem: "no runner for `\(language)` in course.yaml to run \(exercise.check)")
        }
        let executable: String
        switch resolver.resolve(runner.command[0]) {
        case .success(let path): executable = path
        case .failure(let error): return Outcome(passed: false, output: "", duration: 0, problem: error.description)
        }
        let scratch: ScratchFolder
        do {
            scratch = try ScratchFolder(in: pool.folder, prefix: "exercise-")
        } catch {
            return Outcome(passed: false, output: "", duration: 0, problem: "cannot make a folder for the check in \(pool.folder.path): \(error)")
        }
        defer { scratch.remove() }
        let checkName = URL(fileURLWithPath: exercise.check).lastPathComponent
        do {
            try scratch.copy(folder.appendingPathComponent(exercise.check), to: checkName)
            try scratch.copy(candidate, to: exercise.file)
        } catch {
            return Outcome(passed: false, output: "", duration: 0, problem: "cannot prepare the check: \(error)")
        }
        var environment = ExampleRunner.environment(config: config, home: scratch.url.path)
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        let limits = ProcessLimits(timeout: timeout ?? exercise.timeout ?? config.timeout)
        let arguments = [executable] + runner.arguments(file: scratch.url.appendingPathComponent(checkName).path).dropFirst()
        switch pool.run(.execute(arguments: arguments), directory: scratch.url.path, environment: environment, limits: limits) {
        case .failure(let failure):
            return Outcome(passed: false, output: "", duration: 0, problem: failure.description)
        case .success(let outcome):
            let text = String(decoding: outcome.stdout, as: UTF8.self) + String(decoding: outcome.stderr, as: UTF8.self)
            var problem: String?
            switch outcome.termination {
            case .timedOut: problem = "the check did not finish within \(formatSeconds(limits.timeout)) and was stopped (is there an endless loop?)"
            case .outputCapExceeded: problem = "the check printed more than \(limits.outputCap >> 20) MiB and was stopped"
            case .signaled(let signal): problem = "the check was killed by signal \(signal)\(signalName(signal))"
            case .exited: break
            }
            return Outcome(passed: outcome.termination == .exited(0), termination: outcome.termination, output: text, duration: outcome.duration, problem: problem)
        }
    }
}
