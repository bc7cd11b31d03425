import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A control group for one host and everything it starts, where the machine lets Preflight make
/// one: per-process limits cannot cap how many processes an example starts, or how much memory
/// they use together (three forked children under a 2 GiB address-space limit each still take
/// 6 GiB). cgroup v1 (`pids` and `memory` hierarchies) and v2 (a delegated subtree with those
/// controllers enabled) are both tried; when neither is writable there is simply no cgroup.
struct Cgroup: Sendable {
    /// One folder per hierarchy holding the limits.
    let folders: [String]
    let limitsProcesses: Bool
    let limitsMemory: Bool

    /// Makes `preflight-<pid>-<n>` folders under this process's own cgroups with the given limits.
    static func make(name: String, processes: Int, memoryBytes: Int) -> Cgroup? {
        let own = ownCgroups()
        var folders: [String] = []
        var pids = false, memory = false
        if let pidsBase = own.v1["pids"].map({ "/sys/fs/cgroup/pids" + $0 }), let folder = create(in: pidsBase, name: name),
           write("\(processes)", to: folder + "/pids.max") {
            folders.append(folder)
            pids = true
        }
        if let memoryBase = own.v1["memory"].map({ "/sys/fs/cgroup/memory" + $0 }), let folder = create(in: memoryBase, name: name),
           write("\(memoryBytes)", to: folder + "/memory.limit_in_bytes") {
            folders.append(folder)
            memory = true
        }
        if folders.isEmpty, let path = own.v2 {
            // A pure v2 machine mounts it at /sys/fs/cgroup; a hybrid one beside the v1 hierarchies.
            let mount = FileManager.default.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers") ? "/sys/fs/cgroup" : "/sys/fs/cgroup/unified"
            let base = mount + path
            let enabled = (try? String(contentsOfFile: base + "/cgroup.subtree_control", encoding: .utf8))?.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? []
            if enabled.contains("pids") || enabled.contains("memory"), let folder = create(in: base, name: name) {
                pids = enabled.contains("pids") && write("\(processes)", to: folder + "/pids.max")
                memory = enabled.contains("memory") && write("\(memoryBytes)", to: folder + "/memory.max")
                if pids || memory { folders.append(folder) } else { rmdir(folder) }
            }
        }
        guard !folders.isEmpty else { return nil }
        return Cgroup(folders: folders, limitsProcesses: pids, limitsMemory: memory)
    }

    /// Descriptors on each folder's `cgroup.procs`, for the child to write its pid to.
    func openProcs() -> [Int32] {
        folders.compactMap { folder in
            let fd = open(folder + "/cgroup.procs", O_WRONLY | O_CLOEXEC)
            return fd >= 0 ? fd : nil
        }
    }

    /// Removes the folders; the kernel refuses while a process is still in one, which is why
    /// the host is reaped first.
    func remove() {
        for folder in folders { rmdir(folder) }
    }

    private static func create(in base: String, name: String) -> String? {
        guard access(base, W_OK) == 0 else { return nil }
        removeStale(in: base)
        let folder = base + "/" + name
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { return nil }
        return folder
    }

    /// Folders left by a Preflight that was killed: empty ones whose process is gone go.
    private static func removeStale(in base: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for entry in entries where entry.hasPrefix("preflight-") {
            let parts = entry.split(separator: "-")
            guard parts.count == 3, let pid = pid_t(parts[1]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            rmdir(base + "/" + entry)
        }
    }

    private static func write(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return Array(text.utf8).withUnsafeBytes { writeAll(fd, $0) }
    }

    /// This process's cgroup paths, from /proc/self/cgroup: v1 hierarchies by controller, and
    /// the v2 path.
    private static func ownCgroups() -> (v1: [String: String], v2: String?) {
        guard let text = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return ([:], nil) }
        var v1: [String: String] = [:]
        var v2: String?
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = fields[2] == "/" ? "" : String(fields[2])
            if fields[1].isEmpty { v2 = path } else { for controller in fields[1].split(separator: ",") { v1[String(controller)] = path } }
        }
        return (v1, v2)
    }
}
