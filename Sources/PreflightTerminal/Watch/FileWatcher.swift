#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Notices when a file is saved, however the editor saves it: written in place, written to a
/// new file and renamed over it, or deleted and created again (vim's backup files). Watches one
/// file, or every file in a set of folders (a whole course, for `lint --watch`), with one
/// descriptor either way. Uses inotify on Linux, on the folders so renames are seen. It compares
/// modification times, sizes and inodes a few times a second instead (polling) when asked, when
/// inotify is unavailable, on file systems where change events do not arrive (network mounts,
/// FUSE, WSL's `/mnt/<drive>`), and when a file changed on disk while no event came: it never
/// waits silently for events that will not come.
public final class FileWatcher {
    /// The file watched, or the first folder when watching folders.
    public let file: URL
    public private(set) var usesPolling: Bool
    /// Why the watcher polls, when it does for a reason of its own.
    public private(set) var pollingReason: String?
    /// Readable when something happened in a watched folder; nil when polling.
    public private(set) var descriptor: Int32?
    private let folders: [URL]
    /// Which names count: the one file's, or any but editors' scratch files.
    private let wanted: (String) -> Bool
    /// The watched files as last seen: what polling compares with, and what tells a change that
    /// came without its event.
    private var fingerprints: [String: Fingerprint]
    /// When a file was seen changed on disk with no event for it yet (uptime seconds).
    private var unannouncedSince: Double?

    /// How long a change on disk may go without an event before the watcher polls instead.
    public static let eventGrace = 3.0

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
        if !poll, let reason = folders.lazy.compactMap(Self.eventsDoNotArrive(in:)).first {
            usesPolling = true
            pollingReason = reason
        }
        if !usesPolling {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
            if fd >= 0, folders.allSatisfy({ inotify_add_watch(fd, $0.path, mask) >= 0 }) {
                descriptor = fd
            } else {
                if fd >= 0 { close(fd) }
                usesPolling = true
                pollingReason = "inotify is not available here"
            }
        }
        #else
        usesPolling = true
        #endif
        fingerprints = snapshot()
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
            if touched {
                fingerprints = snapshot()
                unannouncedSince = nil
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

    /// With events, looks at the files themselves: when one has changed on disk and no event
    /// came within `eventGrace` seconds, switches to polling and returns why (to tell the
    /// learner); the change then counts as a save.
    public func checkForSilence(now: Double = Double(DispatchTime.now().uptimeNanoseconds) / 1e9) -> String? {
        guard descriptor != nil else { return nil }
        guard snapshot() != fingerprints else {
            unannouncedSince = nil
            return nil
        }
        guard let since = unannouncedSince else {
            unannouncedSince = now
            return nil
        }
        guard now - since >= Self.eventGrace else { return nil }
        switchToPolling(because: "the file changed but no change event arrived")
        return pollingReason
    }

    /// Polls from now on; the next look reports the change that was not announced.
    public func switchToPolling(because reason: String) {
        if let descriptor { close(descriptor) }
        descriptor = nil
        usesPolling = true
        pollingReason = reason
        unannouncedSince = nil
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

    /// File system types (as /proc/self/mountinfo names them) whose changes inotify does not
    /// report, because they are made elsewhere: network shares, FUSE, WSL's Windows drives.
    public static func isSilent(fileSystem type: String) -> Bool {
        let silent: Set<String> = ["nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "v9fs", "drvfs", "vboxsf", "vmhgfs", "afs", "coda", "ncpfs", "lustre", "ceph", "glusterfs", "sshfs"]
        return silent.contains(type) || type.hasPrefix("fuse")
    }

    /// Why change events will not arrive for files in `folder`, or nil when they will.
    public static func eventsDoNotArrive(in folder: URL) -> String? {
        #if os(Linux)
        guard let type = fileSystemType(of: folder), isSilent(fileSystem: type) else { return nil }
        return "change events do not arrive on \(type) file systems"
        #else
        return nil
        #endif
    }

    /// The type of the file system holding `folder`: the mount point that is the longest prefix
    /// of its real path, in /proc/self/mountinfo.
    public static func fileSystemType(of folder: URL, mountInfo: String? = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) -> String? {
        guard let mountInfo else { return nil }
        let path = folder.resolvingSymlinksInPath().path
        var best: (mount: String, type: String)?
        for line in mountInfo.split(separator: "\n") {
            let halves = line.components(separatedBy: " - ")
            guard halves.count == 2 else { continue }
            let fields = halves[0].split(separator: " ")
            let after = halves[1].split(separator: " ")
            guard fields.count >= 5, let type = after.first else { continue }
            let mount = fields[4].replacingOccurrences(of: "\\040", with: " ")
            let inside = mount == "/" || path == mount || path.hasPrefix(mount + "/")
            if inside, mount.count >= (best?.mount.count ?? -1) { best = (mount, String(type)) }
        }
        return best?.type
    }
}
