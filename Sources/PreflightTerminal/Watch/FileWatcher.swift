#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Notices when one file is saved, however the editor saves it: written in place, written to a
/// new file and renamed over it, or deleted and created again (vim's backup files). Uses
/// inotify on Linux, on the file's folder so renames are seen; elsewhere, or when inotify is
/// unavailable (some network and WSL file systems), or with `poll: true`, it compares the file's
/// modification time, size and inode a few times a second.
public final class FileWatcher {
    public let file: URL
    public private(set) var usesPolling: Bool
    /// Readable when something happened in the folder; nil when polling.
    public private(set) var descriptor: Int32?
    private var fingerprint: Fingerprint?

    struct Fingerprint: Equatable {
        var modified: timespec_equatable
        var size: Int64
        var inode: UInt64
    }

    struct timespec_equatable: Equatable {
        var seconds: Int
        var nanoseconds: Int
    }

    public init(file: URL, poll: Bool) {
        self.file = file
        usesPolling = poll
        fingerprint = Self.fingerprint(of: file)
        #if os(Linux)
        if !poll {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
            if fd >= 0, inotify_add_watch(fd, file.deletingLastPathComponent().path, mask) >= 0 {
                descriptor = fd
            } else {
                if fd >= 0 { close(fd) }
                usesPolling = true
            }
        }
        #else
        usesPolling = true
        #endif
    }

    deinit { if let descriptor { close(descriptor) } }

    /// Reads pending events (or looks at the file when polling); true when the file changed.
    public func consumeChanges() -> Bool {
        if let descriptor {
            var buffer = [UInt8](repeating: 0, count: 8192)
            var touched = false
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                guard count > 0 else { break }
                touched = touched || Self.names(in: buffer[..<count]).contains(file.lastPathComponent)
            }
            if touched { fingerprint = Self.fingerprint(of: file) }
            return touched
        }
        let now = Self.fingerprint(of: file)
        defer { fingerprint = now }
        return now != fingerprint
    }

    /// File names in a buffer of `struct inotify_event`s.
    static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = bytes.startIndex
        let header = 16  // wd, mask, cookie, len: four 32-bit fields
        while offset + header <= bytes.endIndex {
            let length = bytes[offset + 12..<offset + 16].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            let nameBytes = bytes[offset + header..<min(offset + header + length, bytes.endIndex)].prefix { $0 != 0 }
            names.append(String(decoding: nameBytes, as: UTF8.self))
            offset += header + length
        }
        return names
    }

    static func fingerprint(of url: URL) -> Fingerprint? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Fingerprint(modified: timespec_equatable(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec),
                           size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
