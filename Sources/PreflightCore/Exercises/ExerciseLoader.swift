import Foundation

/// Reads the exercises folder: one `NN-<slug>/` folder per exercise, each with a README.md whose
/// front matter names the lesson, the file to edit, the check and the solution, and whose
/// `## Hints` section holds one H3 per hint. Problems are collected, like the lesson loader's.
public enum ExerciseLoader {
    static let knownKeys: Set<String> = ["title", "lesson", "file", "check", "solution", "timeout"]

    /// The course's exercises, as `lint` reads them: the folder `course.yaml` names must exist,
    /// every exercise's lesson must be one of the course's, and each check's language needs a
    /// runner. Returns no exercises and no problems when the course names no folder.
    /// `alsoLessons` are ids an exercise may name besides the course's lessons (lessons of the
    /// course that are unavailable: their exercises are not at fault).
    public static func load(course: Course, alsoLessons: Set<String> = [], displayPath: (URL) -> String = { $0.path }) -> ([Exercise], [Diagnostic]) {
        load(root: course.root, config: course.config, lessonIDs: Set(course.lessons.map(\.id)).union(alsoLessons), displayPath: displayPath)
    }

    /// The same, for a course known by its outline (the course index's).
    public static func load(outline: CourseOutline, alsoLessons: Set<String> = [], displayPath: (URL) -> String = { $0.path }) -> ([Exercise], [Diagnostic]) {
        load(root: outline.root, config: outline.config, lessonIDs: Set(outline.lessons.map(\.id)).union(alsoLessons), displayPath: displayPath)
    }

    private static func load(root: URL, config: CourseConfig, lessonIDs: Set<String>, displayPath: (URL) -> String) -> ([Exercise], [Diagnostic]) {
        guard let written = config.exercises else { return ([], []) }
        let folder = root.appendingPathComponent(written).standardizedFileURL
        guard CourseLoader.isDirectory(folder) else {
            let at = config.fieldLocations["exercises"] ?? SourceLocation(file: displayPath(root.appendingPathComponent("course.yaml")), line: 1, column: 1)
            return ([], [.error(at, "`exercises: \(written)` names no folder (looked for \(displayPath(folder))); create it or fix the path, which is relative to course.yaml", id: "exercise.folder-missing")])
        }
        return load(folder, lessonIDs: lessonIDs, config: config, displayPath: displayPath)
    }

    public static func load(_ folder: URL, lessonIDs: Set<String>?, config: CourseConfig? = nil, displayPath: (URL) -> String = { $0.path }) -> ([Exercise], [Diagnostic]) {
        var exercises: [Exercise] = []
        var diagnostics: [Diagnostic] = []
        var entries: [(number: Int, slug: String, url: URL)] = []
        for url in CourseLoader.directoryEntries(folder) where CourseLoader.isDirectory(url) {
            guard let (number, slug) = CourseLoader.numbered(url.lastPathComponent) else {
                diagnostics.append(.error(
                    SourceLocation(file: displayPath(url), line: 1, column: 1),
                    "exercise folder `\(url.lastPathComponent)` is not named `NN-<name>` (such as `01-\(url.lastPathComponent)`), so it is not an exercise",
                    id: "exercise.folder-name"))
                continue
            }
            entries.append((number, slug, url))
        }
        entries.sort { ($0.number, $0.slug) < ($1.number, $1.slug) }
        var seen: Set<String> = []
        for entry in entries {
            let readme = entry.url.appendingPathComponent("README.md")
            let shown = displayPath(readme)
            guard FileManager.default.fileExists(atPath: readme.path) else {
                diagnostics.append(.error(SourceLocation(file: displayPath(entry.url), line: 1, column: 1), "exercise folder has no README.md (its front matter names the lesson and the files)", id: "exercise.no-readme"))
                continue
            }
            let (exercise, found) = loadOne(entry.url, slug: entry.slug, readme: readme, shown: shown, lessonIDs: lessonIDs, config: config)
            diagnostics += found
            guard let exercise else { continue }
            if !seen.insert(exercise.id).inserted {
                diagnostics.append(.error(exercise.location, "duplicate exercise name `\(exercise.id)`", id: "exercise.duplicate-name"))
                continue
            }
            exercises.append(exercise)
        }
        return (exercises, diagnostics)
    }

    /// One exercise folder. Nil (with the reasons) when the exercise cannot be used safely: a
    /// path field that leaves the folder would let `exercise reset` write outside the workspace.
    static func loadOne(_ folder: URL, slug: String, readme: URL, shown: String, lessonIDs: Set<String>?, config: CourseConfig? = nil) -> (Exercise?, [Diagnostic]) {
        let (text, problems) = LessonText.read(readme, displayPath: shown, maxSize: CourseConfig.defaultMaxFileSize)
        guard let text else { return (nil, problems) }
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields.parse(text.frontMatter, file: shown, lineOffset: text.frontMatterFirstLine - 1, what: "front matter", area: "exercise", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        for (key, location) in fields.keys where !knownKeys.contains(key) {
            fields.report(.warning(location, "unknown exercise front matter field `\(key)` (known: \(knownKeys.sorted().joined(separator: ", ")))", id: "exercise.unknown-field"))
        }
        let title = fields.string("title", required: true, in: "exercise front matter")
        let lesson = fields.string("lesson", required: true, in: "exercise front matter")
        let file = fields.string("file", required: true, in: "exercise front matter")
        let check = fields.string("check", required: false, in: "exercise front matter") ?? "check.py"
        let solution = fields.string("solution", required: false, in: "exercise front matter") ?? "solution/\(file ?? "")"
        let timeout = fields.timeout("timeout")
        var unsafe = false
        for key in ["file", "check", "solution"] {
            guard let value = fields.node(key)?.scalar?.string, let problem = pathProblem(value) else { continue }
            unsafe = true
            fields.report(.error(fields.location(of: fields.node(key)), "`\(key): \(value)` \(problem); name a file inside the exercise folder, such as `\(URL(fileURLWithPath: value).lastPathComponent)`", id: "exercise.path-outside"))
        }
        diagnostics += fields.diagnostics
        guard let title, let lesson, let file, !unsafe else { return (nil, diagnostics) }
        let here = fields.location(ofKey: "lesson")
        if let lessonIDs, !lessonIDs.contains(lesson) {
            diagnostics.append(.error(here, "exercise names unknown lesson `\(lesson)`", id: "exercise.unknown-lesson"))
        }
        for (label, path) in [("starter", "starter/\(file)"), ("check", check), ("solution", solution)]
        where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) {
            diagnostics.append(.error(fields.location(ofKey: label == "starter" ? "file" : label), "the \(label) file `\(path)` does not exist in \(folder.lastPathComponent)/", id: "exercise.missing-file"))
        }
        if let config {
            let language = checkLanguage(forExtension: URL(fileURLWithPath: check).pathExtension)
            if config.runner(for: language) == nil {
                let known = config.runners.keys.sorted().joined(separator: ", ")
                diagnostics.append(.error(
                    fields.location(ofKey: fields.node("check") == nil ? "file" : "check"),
                    "the check `\(check)` needs a `\(language)` runner, and course.yaml has none (runners: \(known.isEmpty ? "none" : known))",
                    id: "exercise.check-no-runner"))
            }
        }
        let parsed = CommonMarkParser.parse(text.body)
        let document = parsed.document
        if let deep = parsed.depthLimitReached {
            diagnostics.append(.error(SourceLocation(file: shown, line: deep.line, column: deep.column), CommonMarkParser.depthMessage, id: "markdown.too-deep"))
        }
        var task: [MarkdownNode] = []
        var hints: [[MarkdownNode]] = []
        var inHints = false
        for block in document.children {
            if block.headingLevel == 1 { continue }
            if block.headingLevel == 2 {
                inHints = SectionRole(heading: block.plainText) == nil && block.plainText.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("hint")
                if inHints { continue }
            }
            if inHints {
                if block.headingLevel == 3 { hints.append([]) } else if !hints.isEmpty { hints[hints.count - 1].append(block) }
            } else {
                task.append(block)
            }
        }
        if hints.isEmpty || hints.contains(where: \.isEmpty) {
            diagnostics.append(.warning(SourceLocation(file: shown, line: 1, column: 1), "an exercise should have hints: a `## Hints` section with one `### Hint` heading per hint, each followed by its text", id: "exercise.no-hints"))
        }
        var exercise = Exercise(
            id: slug, title: CourseText(title), lessonID: lesson, folder: folder.path, file: file, check: check, solution: solution,
            timeout: timeout, task: task, hints: hints.filter { !$0.isEmpty }, location: here)
        exercise.lintAllowances = LintAllowance.scan(markdown: document, file: shown)
        diagnostics += LinkCheck.diagnostics(in: document, file: readme, displayPath: shown)
        return (exercise, diagnostics)
    }

    /// Why a path field would leave the exercise folder, or nil when it stays inside.
    static func pathProblem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "is an absolute path" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return "climbs out of the exercise folder with `..`" }
        if path.contains("\\") { return "contains a backslash" }
        return nil
    }

    /// The runner language of a check file, by its extension (`.py` runs with `python`).
    public static func checkLanguage(forExtension ext: String) -> String {
        switch ext.lowercased() {
        case "py": return "python"
        case "sh": return "sh"
        case "rb": return "ruby"
        case "js": return "javascript"
        default: return ext.lowercased()
        }
    }
}
