import Foundation
import PreflightCore

/// Runs one example as a learner's machine would: its code in a file of its own, in a fresh
/// folder that is removed afterwards, through the course's runner command, with a minimal
/// environment and the course's limits, under the one supervision every run gets (`Supervisor`,
/// on a host from the pool). Python examples run warm (forked from the host's interpreter)
/// unless the course or the caller asks for a new interpreter each time.
public struct ExampleRunner: Sendable {
    public var config: CourseConfig
    public let pool: HostPool
    public var resolver: ExecutableResolver
    /// Overrides every example's timeout when set (`--timeout`); validated by the caller.
    public var timeoutOverride: Double?
    /// Fork Python examples from the host's warm interpreter.
    public var warm: Bool

    public init(config: CourseConfig, pool: HostPool, resolver: ExecutableResolver = ExecutableResolver(), timeoutOverride: Double? = nil, warm: Bool? = nil) {
        self.config = config
        self.pool = pool
        self.resolver = resolver
        self.timeoutOverride = timeoutOverride
        self.warm = warm ?? config.warm
    }

    /// The pool a course's examples run in: hosts run the course's Python runner (when it is a
    /// plain interpreter, so that warm runs use the same Python as cold ones) or `python3`, start
    /// with the course's environment, and are contained as strongly as the machine allows.
    /// - Parameter visible: folders a sandboxed example must still see (read-only) although they
    ///   lie under /tmp, which the sandbox replaces: the course's folder, say, when a CI job has
    ///   cloned it there. The runners' programs are added to them.
    public static func makePool(for config: CourseConfig, sandbox: Bool, visible: [URL] = [], resolver: ExecutableResolver = ExecutableResolver()) throws -> HostPool {
        let program = config.runner(for: "python").flatMap { isPlainPython($0) ? $0.command[0] : nil } ?? "python3"
        guard case .success(let python) = resolver.resolve(program) else {
            throw RunFailure(description: "`\(program)` was not found on PATH (\(resolver.searchPath)); Preflight needs Python to run examples, whatever their language", hostFailed: false, beforeStart: true)
        }
        let base = ExampleRunner.environment(config: config, home: FileManager.default.temporaryDirectory.path)
        let programs = config.runners.values.compactMap { try? resolver.resolve($0.command[0]).get() } + [python]
        // A program's prefix (`/opt/venv` for `/opt/venv/bin/python3`) holds what it loads.
        let prefixes = programs.map { URL(fileURLWithPath: $0).deletingLastPathComponent().deletingLastPathComponent() }
        return try HostPool(python: python, containment: Containment.strongest(sandbox: sandbox, searchPath: resolver.searchPath),
                            environment: base, limits: ProcessLimits(timeout: config.timeout), visible: visible + prefixes)
    }

    static func isPlainPython(_ runner: RunnerConfig) -> Bool {
        runner.command.count == 2 && runner.command[1] == "{file}" && URL(fileURLWithPath: runner.command[0]).lastPathComponent.hasPrefix("python")
    }

    public func timeout(for example: Example) -> Double {
        timeoutOverride ?? example.timeout ?? config.timeout
    }

    public func run(_ item: CheckItem) -> CheckResult {
        let example = item.example
        guard let runner = config.runner(for: example.language) else {
            return CheckResult(item: item, verdict: .runnerMissing("no runner for `\(example.language)` in course.yaml"), duration: 0, fromCache: false)
        }
        let executable: String
        switch resolver.resolve(runner.command[0]) {
        case .success(let path): executable = path
        case .failure(let error): return CheckResult(item: item, verdict: .runnerMissing(error.description), duration: 0, fromCache: false)
        }
        let folder: ScratchFolder
        do {
            folder = try ScratchFolder(in: pool.folder, prefix: "example-")
        } catch {
            return CheckResult(item: item, verdict: .failedToStart("cannot make a folder for the example in \(pool.folder.path): \(error)"), duration: 0, fromCache: false)
        }
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("example.\(runner.fileExtension)")
        do {
            try folder.write(example.code, to: file.lastPathComponent)
        } catch {
            return CheckResult(item: item, verdict: .failedToStart("cannot write the example to \(folder.url.path): \(error)"), duration: 0, fromCache: false)
        }
        let command: HostCommand = warm && Self.isPlainPython(runner)
            ? .runPython(file: file.path)
            : .execute(arguments: [executable] + runner.arguments(file: file.path).dropFirst())
        let limits = ProcessLimits(timeout: timeout(for: example))
        switch pool.run(command, directory: folder.url.path, environment: environment(home: folder.url.path), limits: limits) {
        case .success(let outcome):
            return judge(item, outcome: outcome, limits: limits)
        case .failure(let failure):
            let verdict: CheckVerdict = failure.beforeStart
                ? .failedToStart("cannot run `\(runner.command[0])`: \(failure.description)")
                : .lostSupervisor(failure.description)
            return CheckResult(item: item, verdict: verdict, duration: 0, fromCache: false)
        }
    }

    /// Read once: `ProcessInfo.environment` copies the whole environment on every call.
    static let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"

    /// What an example sees: PATH, a HOME and TMPDIR of its own, a UTF-8 locale, and the
    /// course's `environment`.
    static func environment(config: CourseConfig, home: String) -> [String: String] {
        var environment = [
            "PATH": searchPath,
            "HOME": home, "TMPDIR": home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        ]
        for (key, value) in config.environment { environment[key] = value }
        return environment
    }

    func environment(home: String) -> [String: String] { Self.environment(config: config, home: home) }

    func judge(_ item: CheckItem, outcome: ProcessOutcome, limits: ProcessLimits) -> CheckResult {
        let stdout = String(decoding: outcome.stdout, as: UTF8.self)
        let stderr = String(decoding: outcome.stderr, as: UTF8.self)
        let expected = item.example.expected
        let verdict: CheckVerdict
        switch outcome.termination {
        case .timedOut: verdict = .timedOut(seconds: limits.timeout)
        case .outputCapExceeded: verdict = .outputCapExceeded(bytes: limits.outputCap)
        case .signaled(let signal): verdict = .signaled(signal)
        case .exited(let status):
            let actual = expected.options.stream == .stderr ? stderr : stdout
            if status != expected.options.exitCode {
                verdict = .wrongExit(expected: expected.options.exitCode, actual: status)
            } else if OutputMatcher.matches(expected: expected.text, actual: actual, options: expected.options) {
                verdict = .passed
            } else {
                let diff = UnifiedDiff.make(
                    expected: OutputMatcher.prepare(expected.text, options: expected.options),
                    actual: OutputMatcher.prepare(actual, options: expected.options),
                    expectedLabel: "expected (\(expected.location.file):\(expected.location.line))",
                    actualLabel: "actual \(expected.options.stream.rawValue)")
                verdict = .mismatch(diff: diff)
            }
        }
        return CheckResult(item: item, verdict: verdict, duration: outcome.duration, fromCache: false, stdout: stdout, stderr: stderr, stragglers: outcome.stragglers)
    }
}
