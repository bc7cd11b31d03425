import Foundation
import PreflightCore
import PreflightStore

/// This program, as the course index knows it: records made by another build are not used,
/// since another build may read lessons differently. The version alone would not notice a
/// rebuild, so the executable's size, modification time and inode are part of the name.
public enum Engine {
    public static let version = "0.2.0"

    static let identity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(Bundle.main.executablePath ?? CommandLine.arguments[0], &info) == 0 else {
            // Nothing names this build: a name no other run shares, so nothing kept is trusted.
            return "preflight \(version) \(UUID().uuidString)"
        }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "preflight \(version) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec) \(info.st_ino)"
    }()
}

extension CourseAddress {
    /// Where this course's index is kept: beside the learner's progress database
    /// (`<course-id>.index.sqlite`). Nil storage (the course is then read in full) when no index
    /// can be kept there.
    var indexOptions: CourseIndex.Options {
        let (state, environment) = (self.state, self.environment)
        return CourseIndex.Options(engine: Engine.identity) { config in
            let progress = StoreLocation.resolve(courseID: config.id, explicit: state, environment: environment)
            return try? CourseIndexStore(url: CourseIndexStore.location(beside: progress))
        }
    }
}
