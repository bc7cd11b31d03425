import ArgumentParser
import Foundation
import PreflightCore

/// Turns lesson ids, section ids or lesson file paths from the command line into lessons.
enum LessonSelection {
    static func resolve(_ names: [String], in course: Course, allowSections: Bool = false) throws -> [Lesson] {
        guard !names.isEmpty else { return course.lessons }
        var selected: [Lesson] = []
        for name in names {
            if let lesson = course.lesson(id: name) {
                selected.append(lesson)
            } else if allowSections, course.section(id: name) != nil {
                selected += course.lessons(inSection: name)
            } else if let lesson = lesson(atPath: name, in: course) {
                selected.append(lesson)
            } else {
                let ids = course.lessons.prefix(5).map(\.id).joined(separator: ", ")
                Console.error("preflight: error: no lesson `\(name)` in this course (ids look like: \(ids)…; `preflight list` shows them all)")
                throw ExitCode(ExitCodes.dataError)
            }
        }
        var seen: Set<String> = []
        return selected.filter { seen.insert($0.id).inserted }
    }

    private static func lesson(atPath path: String, in course: Course) -> Lesson? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let shown = Paths.display(URL(fileURLWithPath: path, relativeTo: Paths.workingDirectory))
        return course.lessons.first { $0.file == shown }
    }
}
