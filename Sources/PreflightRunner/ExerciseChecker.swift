import Foundation
import PreflightCore

/// Runs an exercise's check against one version of the learner's file (their working copy, the
/// pristine starter, or the reference solution), with the same limits as examples: a fresh
/// temporary folder, its own process group, a deadline, an output cap.
public struct ExerciseChecker: Sendable {
    public var config: CourseConfig
    public var resolver: ExecutableResolver

    public init(config: CourseConfig, resolver: ExecutableResolver = ExecutableResolver()) {
        self.config = config
        self.resolver = resolver
    }

    public struct Outcome: Sendable {
        public var passed: Bool
        public var termination: Termination?
        /// What the check printed (stdout then stderr), escaped by whoever shows it.
        public var output: String
        public var duration: Double
        /// Set when the check could not run at all.
        public var problem: String?
    }

    public func check(_ exercise: Exercise, candidate: URL, timeout: Double? = nil) -> Outcome {
        let folder = URL(fileURLWithPath: exercise.folder)
        let language = Self.language(forExtension: URL(fileURLWithPath: exercise.check).pathExtension)
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
            scratch = try ScratchFolder(prefix: "preflight-exercise-")
        } catch {
            return Outcome(passed: false, output: "", duration: 0, problem: "cannot make a temporary folder: \(error)")
        }
        defer { scratch.remove() }
        let work = scratch.url
        let checkCopy = work.appendingPathComponent(URL(fileURLWithPath: exercise.check).lastPathComponent)
        do {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(exercise.check), to: checkCopy)
            try FileManager.default.copyItem(at: candidate, to: work.appendingPathComponent(exercise.file))
        } catch {
            return Outcome(passed: false, output: "", duration: 0, problem: "cannot prepare the check: \(error.localizedDescription)")
        }
        var environment = ExampleRunner(config: config).environment(home: work.path)
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        let limits = ProcessLimits(timeout: timeout ?? exercise.timeout ?? config.timeout)
        do {
            let outcome = try ChildProcess.run(
                executable: executable, arguments: Array(runner.arguments(file: checkCopy.path).dropFirst()),
                environment: environment, directory: work.path, limits: limits)
            let text = String(decoding: outcome.stdout, as: UTF8.self) + String(decoding: outcome.stderr, as: UTF8.self)
            var problem: String?
            switch outcome.termination {
            case .timedOut: problem = "the check did not finish within \(Int(limits.timeout)) s and was stopped (is there an endless loop?)"
            case .outputCapExceeded: problem = "the check printed more than \(limits.outputCap >> 20) MiB and was stopped"
            case .signaled(let signal): problem = "the check was killed by signal \(signal)"
            case .exited: break
            }
            return Outcome(passed: outcome.termination == .exited(0), termination: outcome.termination, output: text, duration: outcome.duration, problem: problem)
        } catch {
            return Outcome(passed: false, output: "", duration: 0, problem: "\(error)")
        }
    }

    static func language(forExtension ext: String) -> String {
        switch ext.lowercased() {
        case "py": return "python"
        case "sh": return "sh"
        case "rb": return "ruby"
        case "js": return "javascript"
        default: return ext.lowercased()
        }
    }
}
