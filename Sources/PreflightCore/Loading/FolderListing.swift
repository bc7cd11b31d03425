import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's visible entries, read with one `readdir` pass: a course of a thousand lessons is
/// a thousand names, and asking Foundation about each URL in turn cost a `stat` per question.
/// The answers are Foundation's: names starting with `.` are hidden, and a symbolic link is not
/// a folder (as `URLResourceValues.isDirectory` reports it on Linux).
struct FolderEntry: Sendable {
    var name: String
    var url: URL
    var isDirectory: Bool
}

enum FolderListing {
    /// Visible entries sorted by name; none when the folder cannot be read.
    static func entries(_ folder: URL) -> [FolderEntry] {
        guard let directory = opendir(folder.path) else { return [] }
        defer { closedir(directory) }
        var found: [FolderEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let isDirectory: Bool
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_UNKNOWN): isDirectory = Self.isDirectory(folder.appendingPathComponent(name, isDirectory: false).path)
            default: isDirectory = false
            }
            found.append(FolderEntry(name: name, url: folder.appendingPathComponent(name, isDirectory: isDirectory), isDirectory: isDirectory))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// A folder itself (not a link to one), as `lstat` sees it.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFDIR
    }
}
