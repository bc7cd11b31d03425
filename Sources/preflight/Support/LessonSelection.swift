import ArgumentParser
import Foundation
import PreflightCore

/// Turns lesson ids, section ids or lesson file paths from the command line into lessons.
enum LessonSelection {
    static func resolve(_ names: [String], in course: CourseOutline, allowSections: Bool = false) throws -> [LessonSummary] {
        guard !names.isEmpty else { return course.lessons }
        var selected: [LessonSummary] = []
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

    /// The same choice among a course read in full.
    static func resolve(_ names: [String], in course: Course, allowSections: Bool = false) throws -> [Lesson] {
        let byFile = Dictionary(course.lessons.map { ($0.file, $0) }) { first, _ in first }
        return try resolve(names, in: course.outline, allowSections: allowSections).compactMap { byFile[$0.file] }
    }

    private static func lesson(atPath path: String, in course: CourseOutline) -> LessonSummary? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let shown = Paths.display(URL(fileURLWithPath: path, relativeTo: Paths.workingDirectory))
        return course.lessons.first { $0.file == shown }
    }
}
