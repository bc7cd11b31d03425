import Foundation

/// Loads a course folder into a `Course`, collecting every problem on the way. A broken lesson
/// never stops the others from being read and checked.
public struct CourseLoadResult: Sendable {
    /// Nil only when `course.yaml` itself cannot be used.
    public var course: Course?
    public var diagnostics: [Diagnostic]
    /// `preflight-lint: allow` comments found in course.yaml and the lessons, for `LintPolicy`.
    public var lintAllowances: [LintAllowance] = []
}

public enum CourseLoader {
    /// Section folders are `NN-<section-id>`; lesson files `NN-<slug>.md`.
    static let numberedName = #"^(\d+)-(.+)$"#

    /// Extensions of files that are Markdown but not a lesson file's `.md` (lower case):
    /// a `.markdown` or `.MD` lesson would otherwise be skipped without a word.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn"]

    /// - Parameter displayPath: turns a file URL into the path shown in diagnostics.
    public static func load(_ root: URL, displayPath: (URL) -> String = { $0.path }) -> CourseLoadResult {
        let configURL = root.appendingPathComponent("course.yaml")
        let configPath = displayPath(configURL)
        guard let text = try? String(contentsOf: configURL, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: configURL.path)
            let problem = exists
                ? Diagnostic.error(SourceLocation(file: configPath, line: 1, column: 1), "course.yaml cannot be read as UTF-8 text", id: "file.not-utf8")
                : Diagnostic.error(SourceLocation(file: configPath, line: 1, column: 1), "course.yaml is missing", id: "course.missing-file")
            return CourseLoadResult(course: nil, diagnostics: [problem])
        }
        let allowances = LintAllowance.scan(yaml: text, file: configPath)
        let (config, configDiagnostics) = CourseConfigReader.read(text, file: configPath)
        guard let config else { return CourseLoadResult(course: nil, diagnostics: configDiagnostics, lintAllowances: allowances) }
        var diagnostics = configDiagnostics
        var lessons: [Lesson] = []
        var unreadable = UnreadableLessons()
        let sectionsKey = config.sections.first?.location ?? SourceLocation(file: configPath, line: 1, column: 1)
        let folders = sectionFolders(root, config: config, displayPath: displayPath, sectionsKey: sectionsKey, diagnostics: &diagnostics)
        for section in config.sections {
            guard let folder = folders[section.id] else {
                diagnostics.append(.warning(section.location, "section `\(section.id)` has no folder of lessons (expected `NN-\(section.id)/` beside course.yaml)", id: "structure.empty-section"))
                continue
            }
            for file in lessonFiles(in: folder, displayPath: displayPath, diagnostics: &diagnostics) {
                let (lesson, found) = loadLesson(file, displayPath: displayPath(file), config: config, sectionID: section.id)
                diagnostics += found
                if let lesson { lessons.append(lesson) } else { unreadable.add(file, displayPath: displayPath(file)) }
            }
        }
        diagnostics += CourseRules.check(lessons, unreadable: unreadable)
        return CourseLoadResult(
            course: Course(root: root, config: config, lessons: lessons), diagnostics: diagnostics,
            lintAllowances: allowances + lessons.flatMap(\.lintAllowances))
    }

    /// Reads and interprets one lesson file; nil when it cannot become a lesson at all. Relative
    /// links and images are checked against the files beside it.
    public static func loadLesson(_ url: URL, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        let (text, problems) = LessonText.read(url, displayPath: displayPath, maxSize: config.maxFileSize)
        guard let text else { return (nil, problems) }
        let (lesson, diagnostics) = interpret(text, displayPath: displayPath, config: config, sectionID: sectionID)
        let links = lesson.map { LinkCheck.diagnostics(in: $0.document, file: url, displayPath: displayPath) } ?? []
        return (lesson, diagnostics + links)
    }

    /// Reads a lesson from memory, as tests and tools that generate lessons do.
    public static func loadLesson(data: Data, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        if data.count > config.maxFileSize {
            return (nil, [.error(SourceLocation(file: displayPath, line: 1, column: 1), "lesson file is \(data.count) bytes, over the \(config.maxFileSize)-byte limit", id: "file.too-large")])
        }
        let (text, problems) = LessonText.parse(data, displayPath: displayPath)
        guard let text else { return (nil, problems) }
        return interpret(text, displayPath: displayPath, config: config, sectionID: sectionID)
    }

    private static func interpret(_ text: LessonText, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        let (frontMatter, frontProblems) = FrontMatter.read(text, file: displayPath)
        guard let frontMatter else { return (nil, frontProblems) }
        let parsed = CommonMarkParser.parse(text.body)
        var interpreter = LessonInterpreter(file: displayPath, config: config, sourceText: text.body)
        var lesson = interpreter.interpret(parsed.document, frontMatter: frontMatter, sectionID: sectionID)
        lesson.lintAllowances = LintAllowance.scan(markdown: parsed.document, file: displayPath)
        var diagnostics = frontProblems + interpreter.diagnostics
        if let deep = parsed.depthLimitReached {
            diagnostics.append(.error(SourceLocation(file: displayPath, line: deep.line, column: deep.column), CommonMarkParser.depthMessage, id: "markdown.too-deep"))
        }
        for (required, location) in frontMatter.requires where !LessonID.isValid(required) {
            diagnostics.append(.error(location, "`requires` entry `\(required)` is not a lesson id (kebab-case)", id: "requires.bad-id"))
        }
        return (lesson, diagnostics)
    }

    private static func sectionFolders(_ root: URL, config: CourseConfig, displayPath: (URL) -> String, sectionsKey: SourceLocation, diagnostics: inout [Diagnostic]) -> [String: URL] {
        let known = Set(config.sections.map(\.id))
        var folders: [String: URL] = [:]
        for entry in directoryEntries(root) {
            let name = entry.lastPathComponent
            let at = SourceLocation(file: displayPath(entry), line: 1, column: 1)
            if !isDirectory(entry) {
                if isMarkdown(entry) && !isReadme(entry) {
                    diagnostics.append(.error(at, "lesson file is outside any section folder; move it into a folder named `NN-<section-id>/`", id: "structure.loose-lesson"))
                }
                continue
            }
            guard let (_, id) = numbered(name) else {
                if !markdownFiles(in: entry).isEmpty {
                    diagnostics.append(.error(at, "folder `\(name)` holds lessons but is not named `NN-<section-id>`", id: "structure.folder-name"))
                }
                continue
            }
            guard known.contains(id) else {
                diagnostics.append(.error(sectionsKey, "section folder `\(name)` is not in course.yaml's `sections`; add a section with id `\(id)` or rename the folder", id: "structure.unknown-section-folder"))
                continue
            }
            if let other = folders[id] {
                diagnostics.append(.error(at, "two folders for section `\(id)`: `\(other.lastPathComponent)` and `\(name)`", id: "structure.duplicate-section-folder"))
                continue
            }
            folders[id] = entry
        }
        diagnostics += sectionOrder(config.sections, folders: folders)
        return folders
    }

    /// The course follows course.yaml's order; folder numbers that say otherwise mislead whoever
    /// browses the folder.
    private static func sectionOrder(_ sections: [SectionConfig], folders: [String: URL]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous: (section: SectionConfig, folder: String, number: Int)?
        for section in sections {
            guard let folder = folders[section.id]?.lastPathComponent, let (number, _) = numbered(folder) else { continue }
            if let previous, number <= previous.number {
                diagnostics.append(.warning(
                    section.location,
                    "section `\(section.id)` comes after `\(previous.section.id)` in course.yaml, but its folder `\(folder)` is not numbered after `\(previous.folder)`; the course follows course.yaml, so renumber the folders to match",
                    id: "structure.section-order"))
            }
            previous = (section, folder, number)
        }
        return diagnostics
    }

    private static func lessonFiles(in folder: URL, displayPath: (URL) -> String, diagnostics: inout [Diagnostic]) -> [URL] {
        var files: [URL] = []
        for file in markdownFiles(in: folder) where !isReadme(file) {
            guard file.pathExtension == "md" else {
                let fixed = file.deletingPathExtension().appendingPathExtension("md").lastPathComponent
                diagnostics.append(.error(
                    SourceLocation(file: displayPath(file), line: 1, column: 1),
                    "lesson files end in `.md` (lower case); this file is not read as a lesson until it is renamed `\(fixed)`",
                    id: "structure.markdown-extension"))
                continue
            }
            files.append(file)
        }
        for file in files where numbered(file.deletingPathExtension().lastPathComponent) == nil {
            diagnostics.append(.warning(SourceLocation(file: displayPath(file), line: 1, column: 1), "lesson file name should start with its position, as in `01-\(file.lastPathComponent)`", id: "structure.unnumbered-lesson"))
        }
        let sorted = files.sorted { a, b in
            let na = numbered(a.deletingPathExtension().lastPathComponent)?.0 ?? Int.max
            let nb = numbered(b.deletingPathExtension().lastPathComponent)?.0 ?? Int.max
            return na == nb ? a.lastPathComponent < b.lastPathComponent : na < nb
        }
        var firstWithNumber: [Int: URL] = [:]
        for file in sorted {
            guard let (number, _) = numbered(file.deletingPathExtension().lastPathComponent) else { continue }
            if let first = firstWithNumber[number] {
                diagnostics.append(.warning(
                    SourceLocation(file: displayPath(file), line: 1, column: 1),
                    "`\(file.lastPathComponent)` has the same number as `\(first.lastPathComponent)`, so their order is left to the alphabet; give each lesson its own number",
                    id: "structure.duplicate-lesson-number"))
            } else {
                firstWithNumber[number] = file
            }
        }
        return sorted
    }

    static func numbered(_ name: String) -> (Int, String)? {
        guard let match = name.range(of: numberedName, options: .regularExpression), match == name.startIndex..<name.endIndex,
            let dash = name.firstIndex(of: "-"), let number = Int(name[..<dash])
        else { return nil }
        return (number, String(name[name.index(after: dash)...]))
    }

    static func directoryEntries(_ folder: URL) -> [URL] {
        let entries = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])) ?? []
        return entries.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func markdownFiles(in folder: URL) -> [URL] {
        directoryEntries(folder).filter { isMarkdown($0) && !isDirectory($0) }
    }

    static func isMarkdown(_ url: URL) -> Bool { markdownExtensions.contains(url.pathExtension.lowercased()) }

    private static func isReadme(_ url: URL) -> Bool { url.deletingPathExtension().lastPathComponent.lowercased() == "readme" }

    static func isDirectory(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
    }
}
