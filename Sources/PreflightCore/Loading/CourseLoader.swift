import Foundation

/// Loads a course folder into a `Course`, collecting every problem on the way. A broken lesson
/// never stops the others from being read and checked.
public struct CourseLoadResult: Sendable {
    /// Nil only when `course.yaml` itself cannot be used.
    public var course: Course?
    public var diagnostics: [Diagnostic]
    /// `preflight-lint: allow` comments found in course.yaml and the lessons, for `LintPolicy`.
    public var lintAllowances: [LintAllowance] = []
    /// Every file read (or refused) as a lesson, in course order, whether it became one or not:
    /// what a learner's command needs to list a broken lesson where it belongs.
    public var lessonFiles: [LessonFile] = []

    public struct LessonFile: Sendable, Hashable {
        /// The path diagnostics name it by.
        public var file: String
        public var sectionID: String
        /// The lesson's id, or the `id:` line read as plain text when the file did not load.
        public var lessonID: String?
        /// True when the file became a lesson (with or without errors of its own).
        public var loaded: Bool
    }
}

public enum CourseLoader {
    /// Extensions of files that are Markdown but not a lesson file's `.md` (lower case):
    /// a `.markdown` or `.MD` lesson would otherwise be skipped without a word.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn"]

    /// - Parameter displayPath: turns a file URL into the path shown in diagnostics.
    public static func load(_ root: URL, displayPath: (URL) -> String = { $0.path }) -> CourseLoadResult {
        let scan = CourseScan.read(root, displayPath: displayPath)
        guard let config = scan.config else {
            return CourseLoadResult(course: nil, diagnostics: scan.configDiagnostics, lintAllowances: scan.configAllowances)
        }
        let files = scan.files
        let shown = files.map { displayPath($0.url) }
        // Lessons are independent until the rules across them: read them on every core.
        let loaded = ParallelWork.map(files.count) { index -> (Lesson?, [Diagnostic], salvagedID: String?) in
            let file = files[index]
            let (lesson, found) = loadLesson(file.url, displayPath: shown[index], config: config, sectionID: file.sectionID)
            return (lesson, found, lesson == nil ? UnreadableLessons.salvageID(file.url) : nil)
        }
        var unreadable = UnreadableLessons()
        for (index, result) in loaded.enumerated() where result.0 == nil {
            if let id = result.salvagedID { unreadable.ids.insert(id) } else { unreadable.unidentified.append(shown[index]) }
        }
        let readFiles = scan.lessonFileList(ids: loaded.map { $0.0?.id ?? $0.salvagedID }, loaded: loaded.map { $0.0 != nil }, displayPath: displayPath)
        let lessons = loaded.compactMap(\.0)
        let diagnostics = scan.diagnostics(perFile: loaded.map(\.1), rules: CourseRules.check(lessons.map(LessonSummary.init), unreadable: unreadable))
        return CourseLoadResult(
            course: Course(root: root, config: config, lessons: lessons), diagnostics: diagnostics,
            lintAllowances: scan.configAllowances + lessons.flatMap(\.lintAllowances), lessonFiles: readFiles)
    }

    /// Reads and interprets one lesson file; nil when it cannot become a lesson at all. Relative
    /// links and images are checked against the files beside it.
    public static func loadLesson(_ url: URL, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        let (lesson, diagnostics) = readLesson(LessonFile.read(url, maxSize: config.maxFileSize), displayPath: displayPath, config: config, sectionID: sectionID)
        let links = lesson.map { LinkCheck.diagnostics(in: $0.document, file: url, displayPath: displayPath) } ?? []
        return (lesson, diagnostics + links)
    }

    /// A lesson from a file already read, without the link check (which looks at other files).
    static func readLesson(_ file: LessonFile, displayPath: String, config: CourseConfig, sectionID: String) -> (Lesson?, [Diagnostic]) {
        let (text, problems) = LessonText.read(file, displayPath: displayPath, maxSize: config.maxFileSize)
        guard let text else { return (nil, problems) }
        return interpret(text, displayPath: displayPath, config: config, sectionID: sectionID)
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

    /// `07-model-serving` → (7, "model-serving"); nil for a name without its number. Public so
    /// the scaffolds number what they create the way the loader reads it. The digits are ASCII
    /// (the only ones `Int` reads) and the rest is not empty and holds no line break.
    public static func numbered(_ name: String) -> (Int, String)? {
        guard let dash = name.utf8.firstIndex(of: UInt8(ascii: "-")), dash != name.startIndex,
            name.utf8[..<dash].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(name[..<dash])
        else { return nil }
        let rest = name[name.index(after: dash)...]
        guard !rest.isEmpty, !rest.contains(where: \.isNewline) else { return nil }
        return (number, String(rest))
    }

    static func directoryEntries(_ folder: URL) -> [URL] {
        FolderListing.entries(folder).map(\.url)
    }

    static func isMarkdown(_ url: URL) -> Bool { isMarkdown(name: url.lastPathComponent) }

    static func isMarkdown(name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return markdownExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    static func isDirectory(_ url: URL) -> Bool { FolderListing.isDirectory(url.path) }
}
