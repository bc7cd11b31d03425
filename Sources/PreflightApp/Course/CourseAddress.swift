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
