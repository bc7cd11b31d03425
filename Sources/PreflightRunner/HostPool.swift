import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The hosts of one run, at most one per worker, handed out one at a time, each in its own
/// cgroup where the machine has them. It also owns the run's folder: every example's scratch
/// folder is made inside it, so a sandboxed host needs only that one folder writable.
public final class HostPool: Sendable {
    public let folder: URL
    /// The interpreter hosts run (the course's Python runner's, when it has a plain one).
    let python: String
    /// What every host starts with; examples get theirs in each request.
    let environment: [String: String]
    let limits: ProcessLimits
    /// Paths under /tmp a sandboxed host must still see, read-only (see `ExampleRunner.makePool`).
    let visible: [String]

    private struct State {
        var containment: Containment
        var idle: [ExampleHost] = []
        var launched = 0
        var replacements = 0
        var cgroups: [pid_t: Cgroup] = [:]
        var anyCgroup: Cgroup?
        var closed = false
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - python: the interpreter to run hosts with (a path, or a name found on `searchPath`).
    ///   - containment: the strongest isolation to try; a weaker one is used when it cannot start.
    public init(python: String, containment: Containment, environment: [String: String], limits: ProcessLimits, visible: [URL] = []) throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/preflight-run-XXXXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw RunFailure(description: "cannot make a temporary folder in \(base): \(String(cString: strerror(errno)))", hostFailed: false, beforeStart: true)
        }
        folder = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        // Hosts are started with execve, which does not search PATH.
        self.python = ExecutableResolver.find(python, searchPath: environment["PATH"] ?? ExampleRunner.searchPath) ?? python
        self.environment = environment
        self.limits = limits
        self.visible = Array(Set(visible.map { $0.standardizedFileURL.path })).sorted()
        state = Mutex(State(containment: containment))
    }

    deinit { close() }

    /// What protected the machine, for the top of a report.
    public var description: String {
        state.withLock { $0.containment.description(cgroup: $0.anyCgroup, limits: limits) }
    }

    /// Hosts that failed and were replaced during the run.
    public var replacements: Int { state.withLock { $0.replacements } }

    public var containment: Containment { state.withLock { $0.containment } }

    /// Runs one command on an idle host (or a new one); a host that fails is replaced, and the
    /// command tried once more on the new one.
    func run(_ command: HostCommand, directory: String, environment: [String: String], limits: ProcessLimits) -> Result<ProcessOutcome, RunFailure> {
        var lastFailure = RunFailure(description: "no example host could start", hostFailed: true, beforeStart: true)
        for _ in 0..<2 {
            let host: ExampleHost
            switch acquire() {
            case .success(let found): host = found
            case .failure(let failure): return .failure(failure)
            }
            var command = command
            if case .execute(var arguments) = command, arguments.first == python {
                // The host knows the interpreter behind a version-manager shim: skip the shim.
                arguments[0] = host.python
                command = .execute(arguments: arguments)
            }
            let result = Supervisor.run(command, on: host, directory: directory, environment: environment, limits: limits)
            switch result {
            case .failure(let failure) where failure.hostFailed:
                discard(host, replaced: true)
                lastFailure = failure
                // A host that failed before the example began gets one more try on a new host; an
                // example that ran (and perhaps killed its host) gets its verdict.
                if !failure.beforeStart { return .failure(failure) }
            default:
                release(host)
                return result
            }
        }
        return .failure(lastFailure)
    }

    private func acquire() -> Result<ExampleHost, RunFailure> {
        while let host = state.withLock({ $0.closed ? nil : $0.idle.popLast() }) {
            if host.isAlive { return .success(host) }
            discard(host, replaced: false)
        }
        while true {
            let (containment, number, closed) = state.withLock { state -> (Containment, Int, Bool) in
                state.launched += 1
                return (state.containment, state.launched, state.closed)
            }
            guard !closed else { return .failure(RunFailure(description: "the run is over", hostFailed: false, beforeStart: true)) }
            let cgroup = Cgroup.make(name: "preflight-\(getpid())-\(number)", processes: limits.processes + 2, memoryBytes: limits.memoryBytes)
            switch ExampleHost.launch(python: python, containment: containment, folder: folder, environment: self.environment, visible: visible, cgroup: cgroup, number: number) {
            case .success(let host):
                state.withLock { state in
                    if let cgroup {
                        state.cgroups[host.spawned] = cgroup
                        state.anyCgroup = cgroup
                    }
                }
                return .success(host)
            case .failure(let failure):
                cgroup?.remove()
                // Try the next weaker isolation; the report says which one was used in the end.
                let weaker = state.withLock { state -> Containment? in
                    guard let weaker = state.containment.weaker(because: "bubblewrap could not make a sandbox here: \(failure.description)") else { return nil }
                    if state.containment == containment { state.containment = weaker }
                    return weaker
                }
                if weaker == nil { return .failure(RunFailure(description: "cannot start an example host: \(failure.description)", hostFailed: false, beforeStart: true)) }
            }
        }
    }

    private func release(_ host: ExampleHost) {
        let keep = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.idle.append(host)
            return true
        }
        if !keep { discard(host, replaced: false) }
    }

    private func discard(_ host: ExampleHost, replaced: Bool) {
        host.shutDown()
        let cgroup = state.withLock { state -> Cgroup? in
            if replaced { state.replacements += 1 }
            return state.cgroups.removeValue(forKey: host.spawned)
        }
        cgroup?.remove()
    }

    /// Ends every host and removes the run's folder. Called by deinit; call it earlier to end
    /// the hosts at a known moment.
    public func close() {
        let hosts = state.withLock { state -> [ExampleHost] in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for host in hosts { discard(host, replaced: false) }
        removeTree(folder.path)
    }
}
