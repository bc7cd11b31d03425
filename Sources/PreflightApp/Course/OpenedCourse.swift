import Foundation
import PreflightCore

/// A lesson file of the course that cannot be used: it did not load, or it loaded with errors
/// of its own. Learners see it listed where it belongs, with the first reason.
public struct UnavailableLesson: Sendable {
    /// The path diagnostics name it by.
    public var file: String
    public var sectionID: String
    /// Its id, when the file has a readable one.
    public var lessonID: String?
    /// Its title, when it loaded far enough to have one.
    public var title: CourseText?
    /// Every error in the file, in file order; the first says why it is unavailable.
    public var errors: [Diagnostic]

    public var problem: Diagnostic { errors[0] }
    /// How commands name it: its id, or its file when it has none.
    public var name: String { lessonID ?? file }
}

/// A course opened through its index (`CourseIndex`): the outline of every lesson a learner can
/// use, with everything found on the way, and each lesson read in full only when a command asks
/// for it. Opening reads course.yaml, lists the folders and re-reads only the lesson files that
/// changed since the index last saw them, so a command that needs one lesson of a thousand
/// parses that one.
public struct OpenedCourse: Sendable {
    /// The lessons a learner can use (all of them unless `unavailable` says otherwise), in course
    /// order, without their contents.
    public let outline: CourseOutline
    /// Warnings (and, for a partial course, the unavailable lessons' errors) found while loading.
    public let diagnostics: [Diagnostic]
    public let address: CourseAddress
    /// Lessons that failed to load or loaded with errors, in course order; empty for `open`.
    public let unavailable: [UnavailableLesson]
    let files: [CourseLoadResult.LessonFile]
    let index: CourseIndex
    /// The lessons read so far, by position in `outline.lessons`.
    public let shelf: LessonShelf

    init(index: CourseIndex, outline: CourseOutline, diagnostics: [Diagnostic], address: CourseAddress, unavailable: [UnavailableLesson]) {
        self.index = index
        self.outline = outline
        self.diagnostics = diagnostics
        self.address = address
        self.unavailable = unavailable
        files = index.lessonFiles
        // A lesson that no longer reads cleanly (edited since the course was opened) is not
        // served: the screen that asked says so instead of showing something else.
        let lessons = outline.lessons
        shelf = LessonShelf { position in
            guard lessons.indices.contains(position) else { return nil }
            let (lesson, found) = index.load(lessons[position])
            return found.hasErrors ? nil : lesson
        }
    }

    /// Every available lesson read in full (on every core, once): for commands that need the
    /// whole course (the final exam, flashcards, the website, exports).
    public var course: Course {
        let lessons = outline.lessons
        let missing = lessons.indices.filter { !shelf.has($0) }
        let read = index.loadEach(missing.map { lessons[$0] })
        for (position, (lesson, found)) in zip(missing, read) where !found.hasErrors {
            if let lesson { shelf.keep(lesson, at: position) }
        }
        return Course(root: outline.root, config: outline.config, lessons: lessons.indices.compactMap { shelf.lesson(at: $0) })
    }

    /// One lesson of the outline, read in full.
    public func lesson(_ summary: LessonSummary) throws -> Lesson {
        guard let position = outline.lessons.firstIndex(where: { $0.file == summary.file }) else {
            throw AppError(.data, "no lesson `\(summary.id)` in this course")
        }
        if let lesson = shelf.lesson(at: position) { return lesson }
        let (_, found) = index.load(summary)
        throw AppError(.data, "lesson `\(summary.id)` changed while it was being opened and now has errors; run `preflight lint \(summary.file)`",
                       diagnostics: found.filter { $0.severity == .error })
    }

    /// Finds the course and opens it. A course with errors is refused with them, so that no
    /// command works from a course that means something else than its author wrote. For commands
    /// that vouch for the whole course: the final exam (a seed must draw the same exam), `exercise
    /// verify`, `check`.
    public static func open(_ address: CourseAddress) throws -> OpenedCourse {
        let result = openIndex(try address.locate(), address: address)
        guard let index = result.index, !result.diagnostics.hasErrors else {
            throw refusal(result.diagnostics.filter { $0.severity == .error })
        }
        return OpenedCourse(index: index, outline: index.outline, diagnostics: result.diagnostics, address: address, unavailable: [])
    }

    /// Finds the course and opens it, keeping every lesson that loaded cleanly when others did
    /// not: those are listed in `unavailable`, each with its errors, and commands say so. Errors
    /// that are not any one lesson's (course.yaml, a lesson file outside every section) still
    /// refuse the course, since no lesson can be trusted to mean what its author wrote.
    public static func openAvailable(_ address: CourseAddress) throws -> OpenedCourse {
        let result = openIndex(try address.locate(), address: address)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let index = result.index else { throw refusal(errors) }
        let lessonFiles = Set(index.lessonFiles.map(\.file))
        let courseErrors = errors.filter { !lessonFiles.contains($0.location.file) }
        guard courseErrors.isEmpty else { throw refusal(courseErrors) }
        let errorsByFile = Dictionary(grouping: errors.sortedByLocation(), by: \.location.file)
        var unavailable: [UnavailableLesson] = []
        for entry in index.lessonFiles {
            guard let fileErrors = errorsByFile[entry.file] else { continue }
            let lesson = index.outline.lessons.first { $0.file == entry.file }
            unavailable.append(UnavailableLesson(file: entry.file, sectionID: entry.sectionID, lessonID: entry.lessonID,
                                                 title: lesson?.title, errors: fileErrors))
        }
        let broken = Set(unavailable.map(\.file))
        var outline = index.outline
        outline.lessons = outline.lessons.filter { !broken.contains($0.file) }
        return OpenedCourse(index: index, outline: outline, diagnostics: result.diagnostics, address: address, unavailable: unavailable)
    }

    /// Every command reads the course with the same lesson checks as `lint`, so they share one
    /// set of index records instead of each rebuilding the other's.
    static func openIndex(_ root: URL, address: CourseAddress) -> CourseIndex.Result {
        let options = address.indexOptions
        return CourseIndex.open(root, displayPath: address.paths.show, checks: .keyCheck, engine: options.engine, storage: options.storage)
    }

    private static func refusal(_ errors: [Diagnostic]) -> AppError {
        AppError(.data, "the course has errors; run `preflight lint` for the full report", diagnostics: errors)
    }

    /// One line for a learner's command: which lessons cannot be opened and why, or nil.
    public var unavailableNote: String? {
        guard let first = unavailable.first else { return nil }
        let count = unavailable.count
        let at = first.problem.location
        let others = count > 1 ? " (and \(count - 1) more)" : ""
        return "note: \(count) lesson\(count == 1 ? " is" : "s are") unavailable: \(at.file):\(at.line):\(at.column): \(first.problem.message)\(others); `preflight lint` shows every problem"
    }

    /// The course's lessons in order, the unavailable ones where their files stand.
    public enum Entry: Sendable {
        case lesson(LessonSummary)
        case unavailable(UnavailableLesson)
    }

    public func entries(inSection id: String? = nil) -> [Entry] {
        let broken = Dictionary(unavailable.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let lessons = Dictionary(outline.lessons.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        return files.filter { id == nil || $0.sectionID == id }.compactMap { file in
            if let lesson = broken[file.file] { return .unavailable(lesson) }
            return lessons[file.file].map(Entry.lesson)
        }
    }

    /// Lessons named by id, by section id (when allowed) or by file path, in the order given,
    /// each once; every lesson when no name is given. A name that is not a lesson gets the
    /// nearest id as a suggestion; an unavailable lesson's name gets its errors.
    public func summaries(named names: [String], allowSections: Bool = false) throws -> [LessonSummary] {
        guard !names.isEmpty else { return outline.lessons }
        var selected: [LessonSummary] = []
        for name in names {
            if let lesson = outline.lesson(id: name) {
                selected.append(lesson)
            } else if allowSections, outline.section(id: name) != nil {
                selected += outline.lessons(inSection: name)
            } else if FileManager.default.fileExists(atPath: address.paths.url(name).path),
                      let lesson = outline.lessons.first(where: { $0.file == address.paths.show(address.paths.url(name)) }) {
                selected.append(lesson)
            } else {
                throw notALesson(name, allowSections: allowSections)
            }
        }
        var seen: Set<String> = []
        return selected.filter { seen.insert($0.id).inserted }
    }

    /// The same lessons, read in full (only those).
    public func lessons(named names: [String], allowSections: Bool = false) throws -> [Lesson] {
        if names.isEmpty { return course.lessons }
        return try summaries(named: names, allowSections: allowSections).map(lesson)
    }

    /// The examples and predict-the-output questions of the named lessons (all when none is
    /// named), in course order: kept in the index with each lesson, so only lessons that changed
    /// since it last saw them are read.
    public func checkItems(named names: [String]) throws -> [CheckItem] {
        index.checkItems(for: try summaries(named: names))
    }

    /// Why `name` names no lesson, with what the learner probably meant.
    func notALesson(_ name: String, allowSections: Bool) -> AppError {
        let shownFile = address.paths.show(address.paths.url(name))
        if let broken = unavailable.first(where: { $0.lessonID == name || $0.file == shownFile || $0.file == name }) {
            return AppError(.data, "lesson `\(broken.name)` cannot be opened: it has errors (`preflight lint \(broken.file)` shows them)", diagnostics: broken.errors)
        }
        if !allowSections, outline.section(id: name) != nil {
            let ids = outline.lessons(inSection: name).map(\.id).joined(separator: ", ")
            return AppError(.data, "`\(name)` is a section, not a lesson; its lessons are: \(ids)")
        }
        let candidates = outline.lessons.map(\.id) + (allowSections ? outline.config.sections.map(\.id) : [])
        if let guess = Suggestions.closest(to: name, among: candidates) {
            return AppError(.data, "no lesson `\(name)` in this course; did you mean `\(guess)`? (`preflight list` shows every id)")
        }
        let ids = outline.lessons.prefix(5).map(\.id).joined(separator: ", ")
        return AppError(.data, "no lesson `\(name)` in this course (ids look like: \(ids)…; `preflight list` shows them all)")
    }

    /// True when `name` is a lesson (available or not) or a section of this course.
    public func knows(_ name: String) -> Bool {
        outline.lesson(id: name) != nil || outline.section(id: name) != nil || unavailable.contains { $0.lessonID == name }
    }
}
