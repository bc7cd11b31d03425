import Foundation
import PreflightCore

/// Runs one example as a learner's machine would: its code in a file of its own, in a fresh
/// temporary folder that is removed afterwards, through the course's runner command, with a
/// minimal environment and the course's limits.
public struct ExampleRunner: Sendable {
    public var config: CourseConfig
    public var resolver: ExecutableResolver
    /// Overrides every example's timeout when set (`--timeout`).
    public var timeoutOverride: Double?
    /// Warm interpreters for Python examples; nil runs everything cold.
    public var warm: WarmPool?

    public init(config: CourseConfig, resolver: ExecutableResolver = ExecutableResolver(), timeoutOverride: Double? = nil, warm: WarmPool? = nil) {
        self.config = config
        self.resolver = resolver
        self.timeoutOverride = timeoutOverride
        self.warm = warm
    }

    /// A pool of warm interpreters when the course's Python runner is a plain interpreter
    /// (`python3 {file}`) and the course does not ask for cold runs; nil otherwise.
    public static func warmPool(for config: CourseConfig, resolver: ExecutableResolver) -> WarmPool? {
        guard config.warm, let runner = config.runner(for: "python"), isPlainPython(runner),
              case .success(let python) = resolver.resolve(runner.command[0]) else { return nil }
        let base = ExampleRunner(config: config).environment(home: FileManager.default.temporaryDirectory.path)
        return WarmPool(python: python, environment: base)
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
            folder = try ScratchFolder(prefix: "preflight-")
        } catch {
            return CheckResult(item: item, verdict: .failedToStart("cannot make a temporary folder: \(error)"), duration: 0, fromCache: false)
        }
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("example.\(runner.fileExtension)")
        do {
            try folder.write(example.code, to: file.lastPathComponent)
        } catch {
            return CheckResult(item: item, verdict: .failedToStart("cannot write the example to \(folder.url.path): \(error)"), duration: 0, fromCache: false)
        }
        let limits = ProcessLimits(timeout: timeout(for: example))
        let arguments = Array(runner.arguments(file: file.path).dropFirst())
        if let warm, Self.isPlainPython(runner) {
            let request = WarmInterpreter.Request(
                file: file.path, cwd: folder.url.path, env: environment(home: folder.url.path), timeout: limits.timeout,
                cpu: limits.cpuSeconds, memory: limits.memoryBytes, fsize: limits.fileSizeBytes, cap: limits.outputCap)
            if let outcome = warm.run(request) { return judge(item, outcome: outcome, limits: limits) }
            // The warm interpreter failed and was replaced; this example runs cold instead.
        }
        do {
            let outcome = try ChildProcess.run(executable: executable, arguments: arguments, environment: environment(home: folder.url.path), directory: folder.url.path, limits: limits)
            return judge(item, outcome: outcome, limits: limits)
        } catch {
            return CheckResult(item: item, verdict: .failedToStart("\(error)"), duration: 0, fromCache: false)
        }
    }

    /// Read once: `ProcessInfo.environment` copies the whole environment on every call.
    static let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"

    func environment(home: String) -> [String: String] {
        var environment = [
            "PATH": Self.searchPath,
            "HOME": home, "TMPDIR": home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        ]
        for (key, value) in config.environment { environment[key] = value }
        return environment
    }

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
        return CheckResult(item: item, verdict: verdict, duration: outcome.duration, fromCache: false, stdout: stdout, stderr: stderr)
    }
}
