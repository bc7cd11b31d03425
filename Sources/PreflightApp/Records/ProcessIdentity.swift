import Foundation

/// Who holds a claim on outbox rows: this machine, this process and when it started, so that a
/// later sync can tell a claim whose owner is gone (killed, crashed) from one still in use, even
/// after the process id is reused.
struct ProcessIdentity: Sendable {
    let host: String
    let pid: Int32
    let started: String

    static let current = ProcessIdentity(host: machineName, pid: getpid(), started: startTime(of: getpid()) ?? "?")

    /// The kernel's host name (ProcessInfo's may ask DNS for a canonical name, and wait).
    static var machineName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    var token: String { "\(host)/\(pid)/\(started)" }

    /// Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot.
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }

    /// True when the claim's owner ran on this machine and is no longer running. Claims from
    /// another machine (a shared home folder) end only when their lease runs out.
    static func isAbandoned(_ token: String) -> Bool {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, String(parts[0]) == current.host, let pid = Int32(parts[1]) else { return false }
        return startTime(of: pid) != String(parts[2])
    }
}
