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

/// A course that loaded, with everything found on the way.
public struct OpenedCourse: Sendable {
    /// The course with the lessons a learner can use (all of them unless `unavailable` says otherwise).
    public let course: Course
    /// Warnings (and, for a partial course, the unavailable lessons' errors) found while loading.
    public let diagnostics: [Diagnostic]
    public let address: CourseAddress
    /// Lessons that failed to load or loaded with errors, in course order; empty for `open`.
    public let unavailable: [UnavailableLesson]
    let files: [CourseLoadResult.LessonFile]

    /// Finds and loads the course. A course with errors is refused with them, so that no command
    /// works from a course that means something else than its author wrote. For commands that
    /// vouch for the whole course: the final exam (a seed must draw the same exam), `exercise
    /// verify`.
    public static func open(_ address: CourseAddress) throws -> OpenedCourse {
        let result = CourseLoader.load(try address.locate(), displayPath: address.paths.show)
        guard let course = result.course, !result.diagnostics.hasErrors else {
            throw refusal(result.diagnostics.filter { $0.severity == .error })
        }
        return OpenedCourse(course: course, diagnostics: result.diagnostics, address: address, unavailable: [], files: result.lessonFiles)
    }

    /// Finds and loads the course, keeping every lesson that loaded cleanly when others did not:
    /// those are listed in `unavailable`, each with its errors, and commands say so. Errors that
    /// are not any one lesson's (course.yaml, a lesson file outside every section) still refuse
    /// the course, since no lesson can be trusted to mean what its author wrote.
    public static func openAvailable(_ address: CourseAddress) throws -> OpenedCourse {
        let result = CourseLoader.load(try address.locate(), displayPath: address.paths.show)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let loaded = result.course else { throw refusal(errors) }
        let lessonFiles = Set(result.lessonFiles.map(\.file))
        let courseErrors = errors.filter { !lessonFiles.contains($0.location.file) }
        guard courseErrors.isEmpty else { throw refusal(courseErrors) }
        let errorsByFile = Dictionary(grouping: errors.sortedByLocation(), by: \.location.file)
        var unavailable: [UnavailableLesson] = []
        for entry in result.lessonFiles {
            guard let fileErrors = errorsByFile[entry.file] else { continue }
            let lesson = loaded.lessons.first { $0.file == entry.file }
            unavailable.append(UnavailableLesson(file: entry.file, sectionID: entry.sectionID, lessonID: entry.lessonID,
                                                 title: lesson?.title, errors: fileErrors))
        }
        let broken = Set(unavailable.map(\.file))
        var course = loaded
        course.lessons = loaded.lessons.filter { !broken.contains($0.file) }
        return OpenedCourse(course: course, diagnostics: result.diagnostics, address: address, unavailable: unavailable, files: result.lessonFiles)
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
        case lesson(Lesson)
        case unavailable(UnavailableLesson)
    }

    public func entries(inSection id: String? = nil) -> [Entry] {
        let broken = Dictionary(unavailable.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let lessons = Dictionary(course.lessons.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        return files.filter { id == nil || $0.sectionID == id }.compactMap { file in
            if let lesson = broken[file.file] { return .unavailable(lesson) }
            return lessons[file.file].map(Entry.lesson)
        }
    }

    /// Lessons named by id, by section id (when allowed) or by file path, in the order given,
    /// each once; every lesson when no name is given. A name that is not a lesson gets the
    /// nearest id as a suggestion; an unavailable lesson's name gets its errors.
    public func lessons(named names: [String], allowSections: Bool = false) throws -> [Lesson] {
        guard !names.isEmpty else { return course.lessons }
        var selected: [Lesson] = []
        for name in names {
            if let lesson = course.lesson(id: name) {
                selected.append(lesson)
            } else if allowSections, course.section(id: name) != nil {
                selected += course.lessons(inSection: name)
            } else if FileManager.default.fileExists(atPath: address.paths.url(name).path),
                      let lesson = course.lessons.first(where: { $0.file == address.paths.show(address.paths.url(name)) }) {
                selected.append(lesson)
            } else {
                throw notALesson(name, allowSections: allowSections)
            }
        }
        var seen: Set<String> = []
        return selected.filter { seen.insert($0.id).inserted }
    }

    /// Why `name` names no lesson, with what the learner probably meant.
    func notALesson(_ name: String, allowSections: Bool) -> AppError {
        let shownFile = address.paths.show(address.paths.url(name))
        if let broken = unavailable.first(where: { $0.lessonID == name || $0.file == shownFile || $0.file == name }) {
            return AppError(.data, "lesson `\(broken.name)` cannot be opened: it has errors (`preflight lint \(broken.file)` shows them)", diagnostics: broken.errors)
        }
        if !allowSections, course.section(id: name) != nil {
            let ids = course.lessons(inSection: name).map(\.id).joined(separator: ", ")
            return AppError(.data, "`\(name)` is a section, not a lesson; its lessons are: \(ids)")
        }
        let candidates = course.lessons.map(\.id) + (allowSections ? course.config.sections.map(\.id) : [])
        if let guess = Suggestions.closest(to: name, among: candidates) {
            return AppError(.data, "no lesson `\(name)` in this course; did you mean `\(guess)`? (`preflight list` shows every id)")
        }
        let ids = course.lessons.prefix(5).map(\.id).joined(separator: ", ")
        return AppError(.data, "no lesson `\(name)` in this course (ids look like: \(ids)…; `preflight list` shows them all)")
    }

    /// True when `name` is a lesson (available or not) or a section of this course.
    public func knows(_ name: String) -> Bool {
        course.lesson(id: name) != nil || course.section(id: name) != nil || unavailable.contains { $0.lessonID == name }
    }
}
