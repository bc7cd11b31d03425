import Foundation
import PreflightCore

/// Why an example passed or failed, in terms an author can act on.
public enum CheckVerdict: Sendable, Hashable {
    case passed
    /// The output differs; `diff` is a unified diff of expected against actual.
    case mismatch(diff: String)
    case wrongExit(expected: Int32, actual: Int32)
    case signaled(Int32)
    case timedOut(seconds: Double)
    case outputCapExceeded(bytes: Int)
    case runnerMissing(String)
    case failedToStart(String)

    public var passed: Bool { self == .passed }

    public var summary: String {
        switch self {
        case .passed: return "passed"
        case .mismatch: return "output differs from the expected output"
        case .wrongExit(let expected, let actual): return "exited with status \(actual), expected \(expected)"
        case .signaled(let signal): return "killed by signal \(signal)"
        case .timedOut(let seconds): return "timed out after \(formatSeconds(seconds)); the example and everything it started were stopped"
        case .outputCapExceeded(let bytes): return "printed more than \(bytes / (1 << 20)) MiB of output and was stopped"
        case .runnerMissing(let message): return message
        case .failedToStart(let message): return message
        }
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
}

public struct CheckResult: Sendable {
    public var item: CheckItem
    public var verdict: CheckVerdict
    public var duration: Double
    public var fromCache: Bool
    public var stdout: String
    public var stderr: String

    public init(item: CheckItem, verdict: CheckVerdict, duration: Double, fromCache: Bool, stdout: String = "", stderr: String = "") {
        self.item = item
        self.verdict = verdict
        self.duration = duration
        self.fromCache = fromCache
        self.stdout = stdout
        self.stderr = stderr
    }
}
