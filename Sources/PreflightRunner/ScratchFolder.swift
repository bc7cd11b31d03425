import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh private folder for one example, made with mkdtemp(3) inside the run's folder and
/// removed afterwards, whatever the example left in it. Plain system calls: Foundation's file
/// APIs cost more than running a small example does.
struct ScratchFolder {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let url: URL

    init(in parent: URL, prefix: String) throws {
        var template = Array("\(parent.path)/\(prefix)XXXXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure(description: String(cString: strerror(errno)))
        }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    func write(_ text: String, to name: String) throws {
        let path = url.path + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard Array(text.utf8).withUnsafeBytes({ writeAll(fd, $0) }) else { throw Failure(description: String(cString: strerror(errno))) }
    }

    /// Copies a file in (the learner's exercise file, a check script), never through a link.
    func copy(_ source: URL, to name: String) throws {
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw Failure(description: "cannot read \(source.path)")
        }
        let path = url.path + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard data.withUnsafeBytes({ writeAll(fd, $0) }) else { throw Failure(description: String(cString: strerror(errno))) }
    }

    func remove() { removeTree(url.path) }
}

/// Deletes a folder and everything in it without ever following a symbolic link: entries are
/// unlinked as they are, folders are entered with O_NOFOLLOW relative to their parent, and modes
/// are changed only on folders opened that way, so an example that leaves `ln -s /etc/hosts hosts`
/// (or a read-only folder) behind cannot make the clean-up touch anything outside. Iterative, with
/// one open folder at a time, so a tree nested 100,000 deep is removed like any other. It runs
/// only after every process of the example is dead, so nothing changes the tree meanwhile.
func removeTree(_ path: String) {
    let parentPath = (path as NSString).deletingLastPathComponent
    let parent = open(parentPath.isEmpty ? "." : parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard parent >= 0 else { return }
    let name = (path as NSString).lastPathComponent
    if unlinkat(parent, name, 0) == 0 { close(parent); return }
    var current = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard current >= 0 else { close(parent); return }
    close(parent)
    // The names leading from `path` down to `current`, and what could not be removed at each level.
    var stack: [(name: String, failed: Set<String>)] = [(name, [])]
    while !stack.isEmpty {
        _ = fchmod(current, 0o700)  // examples may leave read-only folders; this is the folder itself
        var descended = false
        for entry in entries(of: current) where !stack[stack.count - 1].failed.contains(entry) {
            if unlinkat(current, entry, 0) == 0 || errno == ENOENT { continue }
            var child = openat(current, entry, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child < 0 && errno == EACCES {
                // A folder made unreadable: give it back its owner's rights, never through a link.
                _ = fchmodat(current, entry, 0o700, AT_SYMLINK_NOFOLLOW)
                child = openat(current, entry, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard child >= 0 else {
                stack[stack.count - 1].failed.insert(entry)
                continue
            }
            close(current)
            current = child
            stack.append((entry, []))
            descended = true
            break
        }
        if descended { continue }
        // Everything removable here is gone: go up and remove this folder.
        let finished = stack.removeLast()
        let up = stack.isEmpty
            ? open(parentPath.isEmpty ? "." : parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            : openat(current, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        close(current)
        guard up >= 0 else { return }
        if unlinkat(up, finished.name, AT_REMOVEDIR) != 0 && !stack.isEmpty {
            stack[stack.count - 1].failed.insert(finished.name)
        }
        if stack.isEmpty { close(up); return }
        current = up
    }
}

/// The names in a folder, without `.` and `..`.
private func entries(of folder: Int32) -> [String] {
    let copy = dup(folder)
    guard copy >= 0 else { return [] }
    guard let stream = fdopendir(copy) else { close(copy); return [] }
    defer { closedir(stream) }
    rewinddir(stream)  // the copy shares its position with `folder`, which may have been read
    var names: [String] = []
    while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}
