import Foundation

/// Finds the course folder: `--course DIR`, then `PREFLIGHT_COURSE`, then the nearest
/// `lessons/course.yaml` (or `course.yaml`) from the working folder upwards.
public enum CourseLocator {
    public enum Failure: Error, Equatable {
        case noCourseFile(String)
        case notFound(String)

        public var message: String {
            switch self {
            case .noCourseFile(let path): return "\(path): no course.yaml in this folder (pass the folder that holds course.yaml)"
            case .notFound(let start): return "no course found: no lessons/course.yaml in \(start) or any parent; pass --course DIR or set PREFLIGHT_COURSE"
            }
        }
    }

    public static func locate(explicit: String?, environment: [String: String], workingDirectory: URL) -> Result<URL, Failure> {
        if let path = explicit ?? environment["PREFLIGHT_COURSE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
            let folder = url.lastPathComponent == "course.yaml" ? url.deletingLastPathComponent() : url
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("course.yaml").path) else {
                return .failure(.noCourseFile(path))
            }
            return .success(folder)
        }
        var folder = workingDirectory.standardizedFileURL
        while true {
            for candidate in [folder.appendingPathComponent("lessons"), folder] where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("course.yaml").path) {
                return .success(candidate)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return .failure(.notFound(workingDirectory.path))
    }
}
