import Foundation

/// What `preflight lint` found, before `LintPolicy` applies `--strict` and the author's allowances.
public struct LintReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Every `preflight-lint: allow` comment in the files read.
    public var allowances: [LintAllowance]
    /// Files looked at: course.yaml, lessons and exercise READMEs (or those named), as shown in
    /// diagnostics, sorted.
    public var paths: [String]
    public var files: Int { paths.count }
    /// The course's outline, when course.yaml could be read, for rules that need more than the
    /// files (what a learner's progress database remembers).
    public var outline: CourseOutline?
}

/// Everything `lint` checks in a course: course.yaml, every lesson and the rules across them,
/// the exercises folder, and that each runner's program can be found. With paths, only what is
/// in them is reported (still read against the whole course): a lesson or exercise README,
/// course.yaml, or a folder (a section, the exercises, one exercise, or one holding the course).
public enum CourseLint {
    /// - Parameters:
    ///   - searchPath: the PATH runner programs are looked for on.
    ///   - checks: rules that live outside the core (the grader's key check), per lesson.
    ///   - index: read the course through its index (kept between runs, so only changed files
    ///     are read again); nil reads every lesson. Both report the same.
    public static func run(
        root: URL, paths: [URL] = [], searchPath: String, displayPath: (URL) -> String = { $0.path },
        checks: LessonChecks = .none, index: CourseIndex.Options? = nil
    ) -> LintReport {
        let courseFile = displayPath(root.appendingPathComponent("course.yaml"))
        let outline: CourseOutline
        var diagnostics: [Diagnostic]
        var allowances: [LintAllowance]
        if let index {
            let opened = CourseIndex.open(root, displayPath: displayPath, checks: checks, engine: index.engine, storage: index.storage)
            guard let course = opened.index else {
                return LintReport(diagnostics: opened.diagnostics, allowances: opened.lintAllowances, paths: [courseFile])
            }
            (outline, diagnostics, allowances) = (course.outline, course.diagnostics + course.lessonCheckDiagnostics, course.lintAllowances)
        } else {
            let load = CourseLoader.load(root, displayPath: displayPath)
            guard let course = load.course else {
                return LintReport(diagnostics: load.diagnostics, allowances: load.lintAllowances, paths: [courseFile])
            }
            let lessons = course.lessons
            let found = ParallelWork.map(lessons.count) { checks.run(lessons[$0]) }
            (outline, diagnostics, allowances) = (course.outline, load.diagnostics + found.flatMap { $0 }, load.lintAllowances)
        }
        diagnostics += RunnerCheck.diagnostics(outline.config, searchPath: searchPath, courseFile: courseFile)
        let (exercises, exerciseProblems) = ExerciseLoader.load(outline: outline, displayPath: displayPath)
        diagnostics += exerciseProblems
        allowances += exercises.flatMap(\.lintAllowances)
        let exerciseFiles = exercises.map { displayPath(URL(fileURLWithPath: $0.folder).appendingPathComponent("README.md")) }
        var files = Set([courseFile] + outline.lessons.map(\.file) + exerciseFiles)
        files.formUnion(diagnostics.map(\.location.file).filter(isReadable))
        guard !paths.isEmpty else { return LintReport(diagnostics: diagnostics, allowances: allowances, paths: files.sorted(), outline: outline) }

        var selected: [Diagnostic] = []
        var selectedFiles: Set<String> = []
        func select(_ keep: (String) -> Bool) {
            selected += diagnostics.filter { keep($0.location.file) }
            selectedFiles.formUnion(files.filter(keep))
        }
        for path in paths.map(\.standardizedFileURL) {
            if CourseLoader.isDirectory(path) {
                if root.standardizedFileURL.path == path.path || root.standardizedFileURL.path.hasPrefix(path.path + "/") {
                    select { _ in true }
                    continue
                }
                // What a file in this folder looks like in diagnostics.
                let prefix = String(displayPath(path.appendingPathComponent("x")).dropLast())
                if files.contains(where: { $0.hasPrefix(prefix) }) || diagnostics.contains(where: { $0.location.file.hasPrefix(prefix) }) {
                    select { $0.hasPrefix(prefix) || $0 == displayPath(path) }
                } else {
                    for file in markdownFiles(under: path) {
                        let (found, allowed) = standalone(file, outline: outline, displayPath: displayPath, checks: checks)
                        selected += found
                        allowances += allowed
                        selectedFiles.insert(displayPath(file))
                    }
                }
                continue
            }
            let shown = displayPath(path)
            if files.contains(shown) || diagnostics.contains(where: { $0.location.file == shown }) {
                select { $0 == shown }
            } else {
                let (found, allowed) = standalone(path, outline: outline, displayPath: displayPath, checks: checks)
                selected += found
                allowances += allowed
                selectedFiles.insert(shown)
            }
        }
        var seen: Set<Diagnostic> = []
        return LintReport(diagnostics: selected.filter { seen.insert($0).inserted }, allowances: allowances, paths: selectedFiles.sorted(), outline: outline)
    }

    /// The course a path on the command line belongs to: the nearest `course.yaml` (or
    /// `lessons/course.yaml`) from the path's folder upwards.
    public static func courseRoot(near path: URL) -> URL? {
        let url = path.standardizedFileURL
        let start = CourseLoader.isDirectory(url) ? url : url.deletingLastPathComponent()
        return try? CourseLocator.locate(explicit: nil, environment: [:], workingDirectory: start).get()
    }

    /// A file outside the course's folders, read against the course: `NN-name/README.md` as an
    /// exercise, anything else as a lesson.
    private static func standalone(_ file: URL, outline: CourseOutline, displayPath: (URL) -> String, checks: LessonChecks) -> ([Diagnostic], [LintAllowance]) {
        let shown = displayPath(file)
        let folder = file.deletingLastPathComponent()
        if file.lastPathComponent == "README.md", let (_, slug) = CourseLoader.numbered(folder.lastPathComponent) {
            let (exercise, found) = ExerciseLoader.loadOne(folder, slug: slug, readme: file, shown: shown, lessonIDs: Set(outline.lessons.map(\.id)), config: outline.config)
            return (found, exercise?.lintAllowances ?? [])
        }
        let (lesson, found) = CourseLoader.loadLesson(file, displayPath: shown, config: outline.config, sectionID: "")
        return (found + (lesson.map(checks.run) ?? []), lesson?.lintAllowances ?? [])
    }

    private static func markdownFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        var found: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "md" && !CourseLoader.isDirectory(url) { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Diagnostics can name folders; only files count as files read.
    private static func isReadable(_ file: String) -> Bool {
        let url = URL(fileURLWithPath: file)
        return CourseLoader.isMarkdown(url) || url.pathExtension == "yaml"
    }
}
