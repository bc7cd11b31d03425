import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore

/// `preflight lint` as a use case: the whole pipeline (course.yaml, lessons, exercises, answer
/// keys graded by their own grader, runners on PATH), then the policy (`--strict`, warnings an
/// author allowed in their file).
public enum CourseLinting {
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// The files read, as shown in diagnostics.
        public var paths: [String]
        public var files: Int { paths.count }
        public var hasErrors: Bool { diagnostics.hasErrors }
        /// The course's outline, when course.yaml could be read (for watching).
        public var outline: CourseOutline?
    }

    /// - Parameters:
    ///   - paths: lessons, exercise READMEs, course.yaml or folders; none means the whole course.
    ///     Without `--course`, the course is the one the first path lies in.
    ///   - useIndex: read through the course index (only changed files are read again, and the
    ///     report is the same); false reads every file and leaves the index alone.
    public static func run(_ address: CourseAddress, paths: [String], strict: Bool, useIndex: Bool = true) throws -> Result {
        let urls = paths.map(address.paths.url)
        for (path, url) in zip(paths, urls) where !FileManager.default.fileExists(atPath: url.path) {
            throw AppError(.usage, "no such file: \(path)")
        }
        let root: URL
        if address.course == nil, let first = urls.first, let found = CourseLint.courseRoot(near: first) {
            root = found
        } else {
            root = try address.locate()
        }
        let report = CourseLint.run(
            root: root, paths: urls, searchPath: address.environment["PATH"] ?? "",
            displayPath: address.paths.show, checks: .keyCheck, index: useIndex ? address.indexOptions : nil)
        let renames = report.outline.map { renameDiagnostics($0, address: address) }?.filter { report.paths.contains($0.location.file) } ?? []
        return Result(diagnostics: LintPolicy.apply(report.diagnostics + renames, allowances: report.allowances, strict: strict),
                      paths: report.paths, outline: report.outline)
    }

    /// Renames the learner's progress database can tell: read-only, and only when it exists.
    static func renameDiagnostics(_ course: CourseOutline, address: CourseAddress) -> [Diagnostic] {
        let url = StoreLocation.resolve(courseID: course.config.id, explicit: address.state, environment: address.environment)
        guard let stored = ProgressStore.storedLessons(at: url) else { return [] }
        let files = LessonIndex.files(of: course, paths: address.paths)
        return RenameCheck.diagnostics(
            course: course, index: stored.index, withProgress: stored.withProgress, relativeFile: { files[$0.id] ?? $0.file },
            database: address.paths.show(url), courseFile: address.paths.show(course.root.appendingPathComponent("course.yaml")))
    }

    /// The folders whose files lint reads, for `lint --watch`: the course folder, its section
    /// folders, the exercises folder and each exercise's folder. Folders that come or go show up
    /// as changes in their parent.
    public static func watchedFolders(_ address: CourseAddress, course: CourseOutline?) -> [URL] {
        guard let root = course?.root ?? (try? address.locate()) else { return [] }
        func subfolders(_ folder: URL) -> [URL] {
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? [])
                .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true && !$0.lastPathComponent.hasPrefix(".") }
                .sorted { $0.path < $1.path }
        }
        var folders = [root] + subfolders(root).filter { CourseLoader.numbered($0.lastPathComponent) != nil }
        if let exercises = course?.exercisesFolder, FileManager.default.fileExists(atPath: exercises.path) {
            folders += [exercises] + subfolders(exercises)
        }
        return folders
    }
}
