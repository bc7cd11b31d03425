import Foundation
import PreflightCore

/// Writes a course as a static website: a home page, a page per lesson, quiz, exercise, the
/// flashcards, the final exam and search, with the data the scripts need as `.js` files, so the
/// folder works from any web server and straight from the disk (`file://`) with no network.
public enum SiteExporter {
    public struct Options: Sendable {
        /// Put each exercise's solution on its page.
        public var withSolutions = false
        /// Folder of Debian's `libjs-highlight.js` (`highlight.min.js` and `styles/`); code is
        /// left unhighlighted when it is missing.
        public var highlighter: URL? = URL(fileURLWithPath: "/usr/share/javascript/highlight.js")
        /// Its licence, copied beside it.
        public var highlighterLicense: URL? = URL(fileURLWithPath: "/usr/share/doc/libjs-highlight.js/copyright")
        /// When `preflight check` last proved each check item, keyed by `CheckItem.name`
        /// (`lesson/example-2`, or a predict-the-output question's id).
        public var verifiedDates: [String: Date] = [:]
        /// Shown in the footer; nil leaves the date out (for reproducible output).
        public var exportedAt: Date?

        public init() {}
    }

    public struct Summary: Sendable {
        public var files: Int
        public var bytes: Int
        public var highlighted: Bool
        public var pages: Int
    }

    public enum ExportError: Error, CustomStringConvertible {
        case notASite(String)
        case cannotWrite(String, String)
        case missingAssets(String)

        public var description: String {
            switch self {
            case .notASite(let path):
                return "\(path) is not empty and was not written by `preflight export html`; choose an empty or new folder (nothing was changed)"
            case .cannotWrite(let path, let detail):
                return "cannot write \(path): \(detail)"
            case .missingAssets(let detail):
                return "the site's scripts and styles are missing from this installation (\(detail)); rebuild preflight"
            }
        }
    }

    /// Marks a folder as an export, so a later export may replace it without asking.
    static let marker = ".preflight-site"

    public static func export(course: Course, exercises: [Exercise], to folder: URL, options: Options = Options()) throws -> Summary {
        let assets = try SiteAssets.locate()
        try prepare(folder)
        var writer = SiteWriter(root: folder)
        let highlighter = options.highlighter.flatMap { url -> URL? in
            FileManager.default.fileExists(atPath: url.appendingPathComponent("highlight.min.js").path) ? url : nil
        }
        let context = SiteContext(course: course, exercises: exercises, options: options, hasHighlighter: highlighter != nil)

        for name in SiteAssets.files { try writer.copy(assets.appendingPathComponent(name), to: "assets/\(name)") }
        if let highlighter {
            try writer.copy(highlighter.appendingPathComponent("highlight.min.js"), to: "assets/highlight.min.js")
            try writer.copy(highlighter.appendingPathComponent("styles/a11y-light.css"), to: "assets/hljs-light.css")
            try writer.copy(highlighter.appendingPathComponent("styles/a11y-dark.css"), to: "assets/hljs-dark.css")
            if let license = options.highlighterLicense, FileManager.default.fileExists(atPath: license.path) {
                try writer.copy(license, to: "assets/highlight.js.LICENSE.txt")
            } else {
                try writer.write("highlight.js is distributed under the BSD 3-Clause License.\n", to: "assets/highlight.js.LICENSE.txt")
            }
        }

        try writer.write(HomePage(context: context).render(), to: "index.html", page: true)
        var search: [SearchEntry] = []
        var allQuestions: [QuestionRecord] = []
        for lesson in course.lessons {
            let page = LessonPage(context: context, lesson: lesson).render()
            try writer.write(page.html, to: SiteContext.lessonPage(lesson.id), page: true)
            search += page.search
            guard !lesson.quiz.isEmpty else { continue }
            let records = lesson.quiz.map { question in
                var renderer = context.renderer(headingShift: 1)
                return QuestionRecord(question, sectionID: lesson.sectionID, prompt: renderer.blocks(question.prompt), verified: options.verifiedDates[question.id])
            }
            allQuestions += records
            try writer.write(try DataScript.assignment("(window.PreflightQuizzes = window.PreflightQuizzes || {})[\(jsonString(lesson.id))]", records), to: "data/quiz-\(lesson.id).js")
            try writer.write(QuizPage(context: context, lesson: lesson).render(), to: SiteContext.quizPage(lesson.id), page: true)
        }
        try writer.write(try DataScript.assignment("window.PreflightCourse", CourseRecord(course)), to: "data/course.js")
        try writer.write(try DataScript.assignment("window.PreflightExam", ExamRecord(course: course, questions: allQuestions)), to: "data/exam.js")
        try writer.write(try DataScript.assignment("window.PreflightSearch", search), to: "data/search.js")
        try writer.write(FlashcardsPage(context: context).render(), to: "flashcards.html", page: true)
        try writer.write(ExamPage(context: context).render(), to: "exam.html", page: true)
        try writer.write(SearchPage(context: context).render(), to: "search.html", page: true)

        if !exercises.isEmpty {
            try writer.write(ExerciseIndexPage(context: context).render(), to: "exercises.html", page: true)
            for exercise in exercises {
                let folderName = SiteContext.fileSafe(exercise.id)
                let starter = URL(fileURLWithPath: exercise.folder).appendingPathComponent("starter").appendingPathComponent(exercise.file)
                var starterLink: String?
                if FileManager.default.fileExists(atPath: starter.path) {
                    let name = SiteContext.fileSafe(URL(fileURLWithPath: exercise.file).deletingPathExtension().lastPathComponent)
                        + (URL(fileURLWithPath: exercise.file).pathExtension.isEmpty ? "" : "." + SiteContext.fileSafe(URL(fileURLWithPath: exercise.file).pathExtension))
                    starterLink = "downloads/\(folderName)/\(name)"
                    try writer.copy(starter, to: starterLink!)
                }
                var solution: String?
                if options.withSolutions {
                    solution = try? String(contentsOf: URL(fileURLWithPath: exercise.folder).appendingPathComponent(exercise.solution), encoding: .utf8)
                }
                try writer.write(ExercisePage(context: context, exercise: exercise, starterLink: starterLink, solution: solution).render(),
                                 to: SiteContext.exercisePage(exercise), page: true)
            }
        }
        try writer.write("Written by `preflight export html`; the next export replaces this folder's contents.\n", to: marker)
        return Summary(files: writer.files, bytes: writer.bytes, highlighted: highlighter != nil, pages: writer.pages)
    }

    /// An existing export is emptied first (so pages of deleted lessons do not linger); any
    /// other non-empty folder is refused untouched.
    private static func prepare(_ folder: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ExportError.notASite(folder.path) }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            if !entries.isEmpty {
                guard entries.contains(marker) else { throw ExportError.notASite(folder.path) }
                for entry in entries {
                    do { try manager.removeItem(at: folder.appendingPathComponent(entry)) } catch {
                        throw ExportError.cannotWrite(folder.appendingPathComponent(entry).path, error.localizedDescription)
                    }
                }
            }
        }
        do { try manager.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw ExportError.cannotWrite(folder.path, error.localizedDescription)
        }
    }

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Writes files under the site's folder and counts them.
struct SiteWriter {
    let root: URL
    private(set) var files = 0
    private(set) var bytes = 0
    private(set) var pages = 0
    private var folders: Set<String> = []

    init(root: URL) { self.root = root }

    mutating func write(_ text: String, to path: String, page: Bool = false) throws {
        let data = Data(text.utf8)
        let url = try place(path)
        do { try data.write(to: url) } catch { throw SiteExporter.ExportError.cannotWrite(url.path, error.localizedDescription) }
        files += 1
        bytes += data.count
        if page { pages += 1 }
    }

    mutating func copy(_ source: URL, to path: String) throws {
        let url = try place(path)
        do {
            let data = try Data(contentsOf: source)
            try data.write(to: url)
            files += 1
            bytes += data.count
        } catch {
            throw SiteExporter.ExportError.cannotWrite(url.path, "\(source.path): \(error.localizedDescription)")
        }
    }

    private mutating func place(_ path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        if !folders.contains(folder.path) {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw SiteExporter.ExportError.cannotWrite(folder.path, error.localizedDescription)
            }
            folders.insert(folder.path)
        }
        return url
    }
}

/// Finds the site's own scripts and styles, shipped as the module's resources beside the binary.
enum SiteAssets {
    static let files = ["site.css", "site.js", "grader.js"]
    static let bundleName = "Preflight_PreflightSite.resources"

    static func locate() throws -> URL {
        var candidates = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() { candidates.append(executable.deletingLastPathComponent()) }
        for base in candidates {
            let folder = base.appendingPathComponent(bundleName).appendingPathComponent("Resources")
            if files.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) { return folder }
        }
        throw SiteExporter.ExportError.missingAssets("looked for \(bundleName) in \(candidates.map(\.path).joined(separator: ", "))")
    }
}
