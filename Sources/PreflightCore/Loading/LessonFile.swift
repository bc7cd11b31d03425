import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as the file system describes it: if any of these changed, its contents may have. The
/// change time is set by the kernel on every write, rename and `touch -d`, so tools that restore
/// an old modification time (`cp -p`, `tar`, `rsync -a`) still change the stamp.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64
    public var inode: Int64
    public var device: Int64

    public init(size: Int64, modified: Int64, changed: Int64, inode: Int64, device: Int64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        self.init(
            size: Int64(info.st_size),
            modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
            inode: Int64(bitPattern: UInt64(info.st_ino)), device: Int64(bitPattern: UInt64(info.st_dev)))
    }

    /// The stamp of the file a path names (through symbolic links), or nil.
    static func of(_ url: URL) -> FileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Whether a write could still land in the same clock tick as the moment `time` (ns) and
    /// leave the stamp as it is: a file touched in the last two seconds is read again next time.
    func isRecent(at time: Int64) -> Bool { max(modified, changed) >= time - 2_000_000_000 }
}

/// One lesson file read from disk: its stamp taken from the open file before reading (a write
/// after that changes the stamp, so it is never mistaken for what was read), and its bytes
/// unless it is over the course's size limit.
struct LessonFile: Sendable {
    enum Contents: Sendable {
        case unreadable
        case tooLarge(size: Int)
        case bytes([UInt8])
    }

    var stamp: FileStamp?
    var contents: Contents
    /// When it was read, in nanoseconds since 1970.
    var readAt: Int64

    static func read(_ url: URL, maxSize: Int) -> LessonFile {
        let now = currentTime()
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return LessonFile(stamp: nil, contents: .unreadable, readAt: now) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return LessonFile(stamp: nil, contents: .unreadable, readAt: now) }
        let stamp = FileStamp(info)
        if stamp.size > Int64(maxSize) { return LessonFile(stamp: stamp, contents: .tooLarge(size: Int(stamp.size)), readAt: now) }
        var bytes = [UInt8](repeating: 0, count: Int(stamp.size))
        var filled = 0
        // The size is a hint: a file that grows while it is read is read to its end.
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                readBytes(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return LessonFile(stamp: stamp, contents: .unreadable, readAt: now)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return LessonFile(stamp: stamp, contents: .bytes(bytes), readAt: now)
    }

    private static func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    static func currentTime() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
