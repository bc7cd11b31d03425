import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh private temporary folder for one run, made with mkdtemp(3) and removed afterwards,
/// whatever the example left in it. Plain system calls: Foundation's file APIs cost more than
/// running a small example does.
struct ScratchFolder {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let url: URL

    /// Read once: `ProcessInfo.environment` copies the whole environment on every call.
    static let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"

    init(prefix: String) throws {
        var template = Array("\(Self.base)/\(prefix)XXXXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure(description: String(cString: strerror(errno)))
        }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    func write(_ text: String, to name: String) throws {
        let path = url.path + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard Array(text.utf8).withUnsafeBytes({ writeAll(fd, $0) }) else { throw Failure(description: String(cString: strerror(errno))) }
    }

    /// Removes the folder; the quick path covers the usual case of one file left inside.
    func remove() {
        let path = url.path
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: path), entries.count <= 1 {
            for entry in entries where unlink(path + "/" + entry) != 0 { return slowRemove() }
            if rmdir(path) == 0 { return }
        }
        slowRemove()
    }

    private func slowRemove() {
        // Examples may leave read-only folders; make them writable so they can go.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            for case let entry as String in walker { chmod(url.path + "/" + entry, 0o700) }
        }
        try? FileManager.default.removeItem(at: url)
    }
}
