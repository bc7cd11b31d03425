import Foundation

#if canImport(Glibc)
import Glibc
#endif
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
    /// The process supervising the example died while it ran.
    case lostSupervisor(String)

    public var passed: Bool { self == .passed }

    public var summary: String {
        switch self {
        case .passed: return "passed"
        case .mismatch: return "output differs from the expected output"
        case .wrongExit(let expected, let actual): return "exited with status \(actual), expected \(expected)"
        case .signaled(let signal): return "killed by signal \(signal)\(signalName(signal))"
        case .timedOut(let seconds): return "timed out after \(formatSeconds(seconds)); the example and everything it started were stopped"
        case .outputCapExceeded(let bytes): return "printed more than \(bytes / (1 << 20)) MiB of output and was stopped"
        case .runnerMissing(let message): return message
        case .failedToStart(let message): return message
        case .lostSupervisor(let message): return message
        }
    }
}

/// " (SIGKILL)", with what the signal usually means when an example gets it.
func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGKILL: return " (SIGKILL)"
    case SIGXCPU: return " (SIGXCPU: it used up its CPU-time limit)"
    case SIGXFSZ: return " (SIGXFSZ: it wrote a file past the size limit)"
    case SIGSEGV: return " (SIGSEGV)"
    case SIGABRT: return " (SIGABRT)"
    case SIGTERM: return " (SIGTERM)"
    case SIGINT: return " (SIGINT)"
    case SIGPIPE: return " (SIGPIPE)"
    default: return ""
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
    /// Processes the example left running after its own process ended; they were stopped.
    public var stragglers: Int

    public init(item: CheckItem, verdict: CheckVerdict, duration: Double, fromCache: Bool, stdout: String = "", stderr: String = "", stragglers: Int = 0) {
        self.item = item
        self.verdict = verdict
        self.duration = duration
        self.fromCache = fromCache
        self.stdout = stdout
        self.stderr = stderr
        self.stragglers = stragglers
    }

    /// "left 1 process running; it was stopped", when it did.
    public var stragglerNote: String? {
        switch stragglers {
        case 0: return nil
        case 1: return "left 1 process running; it was stopped"
        default: return "left \(stragglers) processes running; they were stopped"
        }
    }
}
