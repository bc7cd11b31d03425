import Foundation
import PreflightCore

/// The course's lessons as a progress database remembers them: id → file, the file relative to
/// the course folder so the index does not depend on where a command was run from.
enum LessonIndex {
    static func files(of course: CourseOutline, paths: DisplayPaths) -> [String: String] {
        let root = course.root.standardizedFileURL.path + "/"
        var files: [String: String] = [:]
        for lesson in course.lessons {
            let path = paths.url(lesson.file).path
            files[lesson.id] = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        }
        return files
    }
}
