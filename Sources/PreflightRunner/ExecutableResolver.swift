import Foundation
import Synchronization

/// Finds each runner's program on `PATH` once per run.
public final class ExecutableResolver: Sendable {
    private let resolved = Mutex<[String: Result<String, RunnerError>]>([:])
    public let searchPath: String

    public init(searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") {
        self.searchPath = searchPath
    }

    public func resolve(_ program: String) -> Result<String, RunnerError> {
        if let known = resolved.withLock({ $0[program] }) { return known }
        let result: Result<String, RunnerError> = Self.find(program, searchPath: searchPath).map { .success($0) } ?? .failure(.missing(program, searchPath))
        resolved.withLock { $0[program] = result }
        return result
    }

    /// The executable `program` names: itself when it contains a slash and exists (if it cannot
    /// be executed, the start says so, with the step and errno), else the first executable match
    /// on `searchPath`, as a shell finds it.
    public static func find(_ program: String, searchPath: String) -> String? {
        if program.contains("/") {
            return FileManager.default.fileExists(atPath: program) ? program : nil
        }
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
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
