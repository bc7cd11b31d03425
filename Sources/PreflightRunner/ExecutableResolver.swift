import Foundation
import Synchronization

/// Finds each runner's program once per run. On machines where `python3` is a version-manager
/// shim (pyenv's costs about 0.1 s a start), the interpreter it points to is asked for its real
/// path once, and every example then starts that directly.
public final class ExecutableResolver: Sendable {
    private let resolved = Mutex<[String: Result<String, RunnerError>]>([:])
    private let searchPath: String

    public init(searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") {
        self.searchPath = searchPath
    }

    public func resolve(_ program: String) -> Result<String, RunnerError> {
        if let known = resolved.withLock({ $0[program] }) { return known }
        let result = find(program).map(realInterpreter)
        resolved.withLock { $0[program] = result }
        return result
    }

    private func find(_ program: String) -> Result<String, RunnerError> {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? .success(program) : .failure(.missing(program, searchPath))
        }
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return .success(candidate) }
        }
        return .failure(.missing(program, searchPath))
    }

    /// For Python, the interpreter's own `sys.executable`; for anything else, the path found.
    private func realInterpreter(_ path: String) -> String {
        guard URL(fileURLWithPath: path).lastPathComponent.hasPrefix("python") else { return path }
        let folder = FileManager.default.temporaryDirectory.path
        guard let outcome = try? ChildProcess.run(
            executable: path, arguments: ["-c", "import sys; print(sys.executable)"],
            environment: ["PATH": searchPath, "HOME": NSHomeDirectory()], directory: folder, limits: ProcessLimits(timeout: 10)),
            outcome.termination == .exited(0)
        else { return path }
        let real = String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.isExecutableFile(atPath: real) ? real : path
    }
}

public enum RunnerError: Error, Sendable, Hashable, CustomStringConvertible {
    case missing(String, String)

    public var description: String {
        switch self {
        case .missing(let program, let path): return "runner program `\(program)` was not found (searched PATH: \(path))"
        }
    }
}
