import Foundation

/// How file paths are shown: relative to the working folder when under it, as compilers do.
public struct DisplayPaths: Sendable {
    public let base: URL

    /// `base` is a folder; it is marked as one so paths relative to it resolve inside it.
    public init(base: URL) { self.base = URL(fileURLWithPath: base.standardizedFileURL.path, isDirectory: true) }

    public static var current: DisplayPaths {
        DisplayPaths(base: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    public func show(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    public func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
    }
}
