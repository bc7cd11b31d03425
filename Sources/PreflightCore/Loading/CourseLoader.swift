import Foundation

/// Loads a course folder into a `Course`, collecting every problem on the way. A broken lesson
/// never stops the others from being read and checked.
public struct CourseLoadResult: Sendable {
    /// Nil only when `course.yaml` itself cannot be used.
    public var course: Course?
    public var diagnostics: [Diagnostic]
}

public enum CourseLoader {
    /// Section folders are `NN-<section-id>`; lesson files `NN-<slug>.md`.
    static let numberedName = #"^(\d+)-(.+)$"#

    /// - Parameter displayPath: turns a file URL into the path shown in diagnostics.
    public static func load(_ root: URL, displayPath: (URL) -> String = { $0.path }) -> CourseLoadResult {
        let configURL = root.appendingPathComponent("course.yaml")
        let configPath = displayPath(configURL)
        guard let text = try? String(contentsOf: configURL, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: configURL.path)
            let message = exists ? "course.yaml cannot be read as UTF-8 text" : "course.yaml is missing"
            return CourseLoadResult(course: nil, diagnostics: [.error(SourceLocation(file: configPath, line: 1, column: 1), message)])
        }
        let (config, configDiagnostics) = CourseConfigReader.read(text, file: configPath)
        guard let config else { return CourseLoadResult(course: nil, diagnostics: configDiagnostics) }
        var diagnostics = configDiagnostics
        var lessons: [Lesson] = []
        let sectionsKey = config.sections.first?.location ?? SourceLocation(file: configPath, line: 1, column: 1)
        let folders = sectionFolders(root, config: config, displayPath: displayPath, sectionsKey: sectionsKey, diagnostics: &diagnostics)
        for section in config.sections {
            guard let folder = folders[section.id] else {
                diagnostics.append(.warning(section.location, "section `\(section.id)` has no folder of lessons (expected `NN-\(section.id)/` beside course.yaml)"))
                continue
            }
            for file in lessonFiles(in: folder, displayPath: displayPath, diagnostics: &diagnostics) {
                let (lesson, found) = loadLesson(file, displayPath: displayPath(file), config: config, sectionID: section.id)
                diagnostics += found
                if let lesson { lessons.append(lesson) }
            }
        }
        diagnostics += CourseRules.check(lessons)
        return CourseLoadResult(course: Course(root: root, config: config, lessons: lessons), diagnostics: diagnostics)
    }

    /// Reads and interprets one lesson file; nil when it cannot become a lesson at all.
    public static func loadLesson(_ url: URL, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        let (text, problems) = LessonText.read(url, displayPath: displayPath, maxSize: config.maxFileSize)
        guard let text else { return (nil, problems) }
        return interpret(text, displayPath: displayPath, config: config, sectionID: sectionID)
    }

    /// Reads a lesson from memory, as tests and tools that generate lessons do.
    public static func loadLesson(data: Data, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        if data.count > config.maxFileSize {
            return (nil, [.error(SourceLocation(file: displayPath, line: 1, column: 1), "lesson file is \(data.count) bytes, over the \(config.maxFileSize)-byte limit")])
        }
        let (text, problems) = LessonText.parse(data, displayPath: displayPath)
        guard let text else { return (nil, problems) }
        return interpret(text, displayPath: displayPath, config: config, sectionID: sectionID)
    }

    private static func interpret(_ text: LessonText, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        let (frontMatter, frontProblems) = FrontMatter.read(text, file: displayPath)
        guard let frontMatter else { return (nil, frontProblems) }
        let parsed = CommonMarkParser.parse(text.body)
        var interpreter = LessonInterpreter(file: displayPath, config: config)
        let lesson = interpreter.interpret(parsed.document, frontMatter: frontMatter, sectionID: sectionID)
        var diagnostics = frontProblems + interpreter.diagnostics
        if let deep = parsed.depthLimitReached {
            diagnostics.append(.error(SourceLocation(file: displayPath, line: deep.line, column: deep.column), CommonMarkParser.depthMessage))
        }
        for (required, location) in frontMatter.requires where !LessonID.isValid(required) {
            diagnostics.append(.error(location, "`requires` entry `\(required)` is not a lesson id (kebab-case)"))
        }
        return (lesson, diagnostics)
    }

    private static func sectionFolders(_ root: URL, config: CourseConfig, displayPath: (URL) -> String, sectionsKey: SourceLocation, diagnostics: inout [Diagnostic]) -> [String: URL] {
        let known = Set(config.sections.map(\.id))
        var folders: [String: URL] = [:]
        for entry in directoryEntries(root) {
            let name = entry.lastPathComponent
            if !isDirectory(entry) {
                if entry.pathExtension.lowercased() == "md" && name.lowercased() != "readme.md" {
                    diagnostics.append(.error(SourceLocation(file: displayPath(entry), line: 1, column: 1), "lesson file is outside any section folder; move it into a folder named `NN-<section-id>/`"))
                }
                continue
            }
            guard let (_, id) = numbered(name) else {
                if !markdownFiles(in: entry).isEmpty {
                    diagnostics.append(.error(SourceLocation(file: displayPath(entry), line: 1, column: 1), "folder `\(name)` holds lessons but is not named `NN-<section-id>`"))
                }
                continue
            }
            guard known.contains(id) else {
                diagnostics.append(.error(sectionsKey, "section folder `\(name)` is not in course.yaml's `sections`; add a section with id `\(id)` or rename the folder"))
                continue
            }
            if let other = folders[id] {
                diagnostics.append(.error(SourceLocation(file: displayPath(entry), line: 1, column: 1), "two folders for section `\(id)`: `\(other.lastPathComponent)` and `\(name)`"))
                continue
            }
            folders[id] = entry
        }
        return folders
    }

    private static func lessonFiles(in folder: URL, displayPath: (URL) -> String, diagnostics: inout [Diagnostic]) -> [URL] {
        let files = markdownFiles(in: folder).filter { $0.lastPathComponent.lowercased() != "readme.md" }
        for file in files where numbered(file.deletingPathExtension().lastPathComponent) == nil {
            diagnostics.append(.warning(SourceLocation(file: displayPath(file), line: 1, column: 1), "lesson file name should start with its position, as in `01-\(file.lastPathComponent)`"))
        }
        return files.sorted { a, b in
            let na = numbered(a.deletingPathExtension().lastPathComponent)?.0 ?? Int.max
            let nb = numbered(b.deletingPathExtension().lastPathComponent)?.0 ?? Int.max
            return na == nb ? a.lastPathComponent < b.lastPathComponent : na < nb
        }
    }

    static func numbered(_ name: String) -> (Int, String)? {
        guard let match = name.range(of: numberedName, options: .regularExpression), match == name.startIndex..<name.endIndex,
            let dash = name.firstIndex(of: "-"), let number = Int(name[..<dash])
        else { return nil }
        return (number, String(name[name.index(after: dash)...]))
    }

    private static func directoryEntries(_ folder: URL) -> [URL] {
        let entries = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])) ?? []
        return entries.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func markdownFiles(in folder: URL) -> [URL] {
        directoryEntries(folder).filter { $0.pathExtension.lowercased() == "md" && !isDirectory($0) }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
    }
}
