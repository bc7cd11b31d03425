import Foundation

/// The learner's own settings, kept apart from any course: `$XDG_CONFIG_HOME/preflight/`, else
/// `~/.config/preflight/`. The folder is made private (0700) and every file in it is written
/// private (0600) from the start, so a password is never readable by others, not even briefly.
public struct UserConfigFolder: Sendable {
    public let url: URL

    public init(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            url = URL(fileURLWithPath: xdg).appendingPathComponent("preflight")
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            url = URL(fileURLWithPath: home).appendingPathComponent(".config/preflight")
        }
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The file's bytes; nil when it does not exist. Any other failure is an error naming it.
    func read(_ name: String) throws -> Data? {
        let path = file(name).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError(.data, "\(path): cannot be read (permission denied?)")
        }
        return data
    }

    /// Replaces the file at once (written beside it, then renamed), readable by its owner only.
    func writePrivate(_ name: String, _ data: Data) throws {
        let target = file(name)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw AppError(.data, "cannot create \(url.path): \(error.localizedDescription)")
        }
        let temporary = url.appendingPathComponent(".\(name).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw AppError(.data, "cannot write \(temporary.path): \(String(cString: strerror(errno)))") }
        let written = data.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                offset += count
            }
            return fchmod(fd, 0o600) == 0 && fsync(fd) == 0
        }
        close(fd)
        guard written, rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw AppError(.data, "cannot write \(target.path): \(reason)")
        }
    }

    /// Removes the file; false when there was none.
    func remove(_ name: String) throws -> Bool {
        let path = file(name).path
        guard FileManager.default.fileExists(atPath: path) else { return false }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw AppError(.data, "cannot remove \(path): \(error.localizedDescription)")
        }
        return true
    }
}
