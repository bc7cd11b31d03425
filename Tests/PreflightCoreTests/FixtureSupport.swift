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
        let base = url(path)
        return CourseLoader.load(base) { String($0.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)) }
    }
}

extension Array where Element == Diagnostic {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}
