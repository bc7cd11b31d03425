import Foundation
import PreflightCore

/// Where a command looks for the course and for the learner's record of it: `--course` and
/// `--state` when given, the environment (`PREFLIGHT_COURSE`, `PREFLIGHT_STATE`, `XDG_STATE_HOME`,
/// `PREFLIGHT_WORKSPACE`), and the working folder.
public struct CourseAddress: Sendable {
    public var course: String?
    public var state: String?
    public var workspace: String?
    public var environment: [String: String]
    public var paths: DisplayPaths

    public init(course: String? = nil, state: String? = nil, workspace: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment, paths: DisplayPaths = .current) {
        self.course = course
        self.state = state
        self.workspace = workspace
        self.environment = environment
        self.paths = paths
    }

    /// The folder holding course.yaml.
    public func locate() throws -> URL {
        switch CourseLocator.locate(explicit: course, environment: environment, workingDirectory: paths.base) {
        case .success(let url): return url
        case .failure(let failure): throw AppError(.data, failure.message)
        }
    }
}

/// A course that loaded, with everything found on the way.
public struct OpenedCourse: Sendable {
    public let course: Course
    /// Warnings (and, for `lint`, errors) found while loading.
    public let diagnostics: [Diagnostic]
    public let address: CourseAddress

    /// Finds and loads the course. A course with errors is refused with them, so that no command
    /// works from a course that means something else than its author wrote.
    public static func open(_ address: CourseAddress) throws -> OpenedCourse {
        let result = CourseLoader.load(try address.locate(), displayPath: address.paths.show)
        guard let course = result.course, !result.diagnostics.hasErrors else {
            throw AppError(.data, "the course has errors; run `preflight lint` for the full report",
                           diagnostics: result.diagnostics.filter { $0.severity == .error })
        }
        return OpenedCourse(course: course, diagnostics: result.diagnostics, address: address)
    }

    /// Lessons named by id, by section id (when allowed) or by file path, in the order given,
    /// each once; every lesson when no name is given.
    public func lessons(named names: [String], allowSections: Bool = false) throws -> [Lesson] {
        guard !names.isEmpty else { return course.lessons }
        var selected: [Lesson] = []
        for name in names {
            if let lesson = course.lesson(id: name) {
                selected.append(lesson)
            } else if allowSections, course.section(id: name) != nil {
                selected += course.lessons(inSection: name)
            } else if FileManager.default.fileExists(atPath: address.paths.url(name).path),
                      let lesson = course.lessons.first(where: { $0.file == address.paths.show(address.paths.url(name)) }) {
                selected.append(lesson)
            } else {
                let ids = course.lessons.prefix(5).map(\.id).joined(separator: ", ")
                throw AppError(.data, "no lesson `\(name)` in this course (ids look like: \(ids)…; `preflight list` shows them all)")
            }
        }
        var seen: Set<String> = []
        return selected.filter { seen.insert($0.id).inserted }
    }
}
