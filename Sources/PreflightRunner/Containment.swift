import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How examples are kept apart from the learner's machine. Every example runs in a process of
/// its own, started by a host (see `ExampleHost`); what surrounds the host is the strongest of
/// these the machine allows:
/// - `sandbox`: bubblewrap gives the host a read-only view of the files except the run's own
///   folder, a private /tmp, no network and its own PID namespace;
/// - `pidNamespace`: the host is process 1 of a new PID namespace (Preflight has CAP_SYS_ADMIN);
/// - `subreaper`: the host adopts what the example leaves behind and kills it.
/// In the first two, nothing an example starts can outlive it: the host kills everything else in
/// its namespace after each example, and the kernel kills the namespace when the host ends.
public struct Containment: Sendable, Hashable {
    public enum Isolation: Sendable, Hashable {
        case sandbox(bubblewrap: String)
        case pidNamespace
        case subreaper
    }

    public var isolation: Isolation
    /// Why the sandbox is not in force, when it is not.
    public var sandboxNote: String?

    /// The strongest isolation to try: the sandbox when asked for and bubblewrap is on `PATH`,
    /// else a PID namespace when this process may make one, else the subreaper.
    public static func strongest(sandbox: Bool, searchPath: String) -> Containment {
        if sandbox {
            if let bwrap = ExecutableResolver.find("bwrap", searchPath: searchPath) {
                return Containment(isolation: .sandbox(bubblewrap: bwrap))
            }
            return Containment(isolation: mayMakeNamespaces ? .pidNamespace : .subreaper,
                               sandboxNote: "bubblewrap (bwrap) is not installed, so examples can read and write your files")
        }
        return Containment(isolation: mayMakeNamespaces ? .pidNamespace : .subreaper, sandboxNote: "the sandbox is turned off")
    }

    /// The next weaker isolation, when this one cannot start a host here.
    func weaker(because reason: String) -> Containment? {
        switch isolation {
        case .sandbox: return Containment(isolation: Self.mayMakeNamespaces ? .pidNamespace : .subreaper, sandboxNote: reason)
        case .pidNamespace: return Containment(isolation: .subreaper, sandboxNote: sandboxNote)
        case .subreaper: return nil
        }
    }

    /// CAP_SYS_ADMIN in this process's effective set: needed to make a PID namespace.
    static let mayMakeNamespaces: Bool = {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("CapEff:") }),
              let mask = UInt64(line.dropFirst("CapEff:".count).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
        return mask & (1 << 21) != 0
    }()

    /// One sentence for the top of a report: what protected the machine while examples ran.
    func description(cgroup: Cgroup?, limits: ProcessLimits) -> String {
        var parts: [String]
        switch isolation {
        case .sandbox:
            parts = ["bubblewrap sandbox (read-only files outside the run's folder, private /tmp, no network)", "own PID namespace"]
        case .pidNamespace:
            parts = ["own PID namespace (no file-system sandbox: \(sandboxNote ?? "not available"))"]
        case .subreaper:
            parts = ["process tracking only: no namespaces on this machine (\(sandboxNote ?? "no sandbox")); a process that starts its own session can escape"]
        }
        var caps: [String] = []
        if cgroup?.limitsProcesses == true { caps.append("process count") }
        if cgroup?.limitsMemory == true { caps.append("total memory") }
        parts.append(caps.isEmpty ? "no cgroup, so the process count and total memory are not capped" : "cgroup caps on " + caps.joined(separator: " and "))
        return "Examples ran in: " + parts.joined(separator: "; ") + ". Limits per example: \(limits.summary)."
    }
}
