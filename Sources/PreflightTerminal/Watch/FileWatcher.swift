#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Notices when a file is saved, however the editor saves it: written in place, written to a
/// new file and renamed over it, or deleted and created again (vim's backup files). Watches one
/// file, or every file in a set of folders (a whole course, for `lint --watch`), with one
/// descriptor either way. Uses inotify on Linux, on the folders so renames are seen; elsewhere,
/// or when inotify is unavailable (some network and WSL file systems), or with `poll: true`, it
/// compares modification times, sizes and inodes a few times a second.
public final class FileWatcher {
    /// The file watched, or the first folder when watching folders.
    public let file: URL
    public private(set) var usesPolling: Bool
    /// Readable when something happened in a watched folder; nil when polling.
    public private(set) var descriptor: Int32?
    private let folders: [URL]
    /// Which names count: the one file's, or any but editors' scratch files.
    private let wanted: (String) -> Bool
    private var fingerprints: [String: Fingerprint]

    struct Fingerprint: Equatable {
        var modified: timespec_equatable
        var size: Int64
        var inode: UInt64
        var isFolder = false
    }

    struct timespec_equatable: Equatable {
        var seconds: Int
        var nanoseconds: Int
    }

    /// Watches one file.
    public convenience init(file: URL, poll: Bool) {
        let name = file.lastPathComponent
        self.init(file: file, folders: [file.deletingLastPathComponent()], poll: poll, wanted: { $0 == name })
    }

    /// Watches every file in these folders (not their subfolders): created, changed, renamed or
    /// deleted. Editors' scratch files (hidden files, `~` backups, vim's `4913` probe) are not
    /// changes.
    public convenience init(folders: [URL], poll: Bool) {
        self.init(file: folders.first ?? URL(fileURLWithPath: "."), folders: folders, poll: poll, wanted: { !Self.isScratch($0) })
    }

    private init(file: URL, folders: [URL], poll: Bool, wanted: @escaping (String) -> Bool) {
        self.file = file
        self.folders = folders
        self.wanted = wanted
        usesPolling = poll
        fingerprints = [:]
        #if os(Linux)
        if !poll {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
            if fd >= 0, folders.allSatisfy({ inotify_add_watch(fd, $0.path, mask) >= 0 }) {
                descriptor = fd
            } else {
                if fd >= 0 { close(fd) }
                usesPolling = true
            }
        }
        #else
        usesPolling = true
        #endif
        if usesPolling { fingerprints = snapshot() }
    }

    deinit { if let descriptor { close(descriptor) } }

    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" || name.hasSuffix(".swp") || name.hasSuffix(".swx")
    }

    /// Reads pending events (or looks at the files when polling); true when a watched file changed.
    public func consumeChanges() -> Bool {
        if let descriptor {
            var buffer = [UInt8](repeating: 0, count: 8192)
            var touched = false
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                guard count > 0 else { break }
                touched = touched || Self.names(in: buffer[..<count]).contains(where: wanted)
            }
            return touched
        }
        let now = snapshot()
        defer { fingerprints = now }
        return now != fingerprints
    }

    /// The wanted files of the watched folders, each with its fingerprint.
    private func snapshot() -> [String: Fingerprint] {
        var result: [String: Fingerprint] = [:]
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where wanted(name) {
                let path = folder.appendingPathComponent(name).path
                guard var print = Self.fingerprint(of: URL(fileURLWithPath: path)) else { continue }
                // A folder inside counts by its name only: what happens in it is its own watch's.
                if print.isFolder { print = Fingerprint(modified: .init(seconds: 0, nanoseconds: 0), size: 0, inode: print.inode, isFolder: true) }
                result[path] = print
            }
        }
        return result
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
                           size: Int64(info.st_size), inode: UInt64(info.st_ino), isFolder: (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
