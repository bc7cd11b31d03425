import Foundation

/// Names this program for the course index: records made by another build are not used, since
/// another build may read lessons differently. The version alone would not notice a rebuild, so
/// the executable's size, modification time and inode are part of the name.
enum Engine {
    static let identity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(Bundle.main.executablePath ?? CommandLine.arguments[0], &info) == 0 else {
            // Nothing names this build: a name no other run shares, so nothing kept is trusted.
            return "preflight \(Preflight.configuration.version) \(UUID().uuidString)"
        }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "preflight \(Preflight.configuration.version) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec) \(info.st_ino)"
    }()
}
