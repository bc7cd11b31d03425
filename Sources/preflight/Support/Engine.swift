import Foundation

/// Names this program for the course index: records made by another build are not used, since
/// another build may read lessons differently. The version alone would not notice a rebuild.
enum Engine {
    static let identity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 else {
            // Nothing names this build: a name no other run shares, so nothing kept is trusted.
            return "preflight \(Preflight.configuration.version) \(UUID().uuidString)"
        }
        return "preflight \(Preflight.configuration.version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()
}
