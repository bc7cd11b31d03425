import Foundation

/// The learner's copies of exercise files, kept apart from the pristine starters so that
/// nothing the learner wrote is ever overwritten without a backup, and reset needs no git.
/// Layout: `<workspace>/<NN-slug>/<file>`.
public struct ExerciseWorkspace: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// `--workspace`, then `PREFLIGHT_WORKSPACE`, then `workspace/` beside the course folder.
    public static func locate(explicit: String?, environment: [String: String], course: CourseOutline) -> ExerciseWorkspace {
        if let path = explicit ?? environment["PREFLIGHT_WORKSPACE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return ExerciseWorkspace(root: URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL)
        }
        return ExerciseWorkspace(root: course.root.deletingLastPathComponent().appendingPathComponent("workspace").standardizedFileURL)
    }

    public func file(for exercise: Exercise) -> URL {
        root.appendingPathComponent(URL(fileURLWithPath: exercise.folder).lastPathComponent).appendingPathComponent(exercise.file)
    }

    public func starter(for exercise: Exercise) -> URL {
        URL(fileURLWithPath: exercise.folder).appendingPathComponent("starter").appendingPathComponent(exercise.file)
    }

    public func solution(for exercise: Exercise) -> URL {
        URL(fileURLWithPath: exercise.folder).appendingPathComponent(exercise.solution)
    }

    /// The learner's file, copied from the starter the first time; an existing file is kept.
    @discardableResult
    public func prepare(_ exercise: Exercise) throws -> URL {
        let target = file(for: exercise)
        if FileManager.default.fileExists(atPath: target.path) { return target }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: starter(for: exercise), to: target)
        return target
    }

    /// True when the learner's file is byte for byte the starter (or does not exist yet).
    public func isPristine(_ exercise: Exercise) -> Bool {
        guard let mine = try? Data(contentsOf: file(for: exercise)) else { return true }
        return mine == (try? Data(contentsOf: starter(for: exercise)))
    }

    /// Puts the starter back. The learner's version is first copied beside it as
    /// `<file>.backup-<date>` (unless it is unchanged); returns that backup.
    public func reset(_ exercise: Exercise, now: Date = Date()) throws -> URL? {
        let target = file(for: exercise)
        var backup: URL?
        if FileManager.default.fileExists(atPath: target.path) && !isPristine(exercise) {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyyMMdd-HHmmss"
            formatter.timeZone = TimeZone(identifier: "UTC")
            var candidate = target.appendingPathExtension("backup-\(formatter.string(from: now))")
            var counter = 2
            while FileManager.default.fileExists(atPath: candidate.path) {
                candidate = target.appendingPathExtension("backup-\(formatter.string(from: now))-\(counter)")
                counter += 1
            }
            try FileManager.default.copyItem(at: target, to: candidate)
            backup = candidate
        }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contentsOf: starter(for: exercise)).write(to: target, options: .atomic)
        return backup
    }
}
