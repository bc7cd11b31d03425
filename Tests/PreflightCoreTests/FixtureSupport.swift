import Foundation
import PreflightCore

enum Fixture {
    static var root: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static let config = CourseConfig(
        id: "fixture", title: "Fixture",
        runners: [
            "python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py"),
            "sh": RunnerConfig(command: ["sh", "{file}"], fileExtension: "sh"),
        ])

    /// Loads one lesson file from `Fixtures/`, showing its path relative to that folder.
    static func lesson(_ path: String, config: CourseConfig = Fixture.config) -> (Lesson?, [Diagnostic]) {
        CourseLoader.loadLesson(url(path), displayPath: path, config: config, sectionID: "basics")
    }

    static func lesson(markdown: String, config: CourseConfig = Fixture.config) -> (Lesson?, [Diagnostic]) {
        CourseLoader.loadLesson(data: Data(markdown.utf8), displayPath: "inline.md", config: config, sectionID: "basics")
    }

    static func course(_ path: String) -> CourseLoadResult {
        CourseLoader.load(url(path), displayPath: relative(to: url(path)))
    }

    /// Shows paths inside `base` relative to it, as `preflight` shows paths under the working folder.
    static func relative(to base: URL) -> (URL) -> String {
        let prefix = base.standardizedFileURL.path + "/"
        return { url in
            let path = url.standardizedFileURL.path
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
    }
}

extension Array where Element == Diagnostic {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}
