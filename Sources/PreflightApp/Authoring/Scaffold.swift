import Foundation
import PreflightCore

/// `preflight new course|lesson|exercise`: files an author starts from, which lint clean (with
/// `--strict` too), whose examples pass and whose exercise verifies at once, with every section
/// role stubbed and comments that say what goes where. A scaffold never overwrites anything:
/// when one of its files exists, nothing is written.
public struct Scaffold: Sendable {
    /// What will be created, in order: folders, and files with their text.
    public var folders: [URL]
    public var files: [(url: URL, text: String)]

    /// Creates the folders and files; throws, having written nothing, when any file exists.
    public func create(paths: DisplayPaths) throws {
        let existing = files.map(\.url).filter { FileManager.default.fileExists(atPath: $0.path) }
        guard existing.isEmpty else {
            throw AppError(.data, "not created, because \(existing.count == 1 ? "this file exists" : "these files exist") and a scaffold never overwrites: "
                           + existing.map(paths.show).joined(separator: ", "))
        }
        do {
            for folder in folders { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            for file in files { try Data(file.text.utf8).write(to: file.url, options: .withoutOverwriting) }
        } catch {
            throw AppError(.data, "could not create the files: \(error.localizedDescription)")
        }
    }

    // MARK: - A new course

    /// `DIR/lessons/course.yaml` with one section, its first lesson, and a first exercise in
    /// `DIR/exercises/`, laid out as the shipped course is, so `preflight` run inside DIR finds it.
    public static func course(at folder: URL, title: String?) throws -> Scaffold {
        let name = folder.standardizedFileURL.lastPathComponent
        let id = Slug.kebab(name) ?? "my-course"
        let courseTitle = try title.map(checkedLine) ?? Slug.title(fromKebab: id)
        let lessons = folder.appendingPathComponent("lessons")
        let section = lessons.appendingPathComponent("01-getting-started")
        let lessonID = "first-lesson"
        let config = CourseConfig(id: id, title: CourseText(courseTitle), runners: ["python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py")])
        let exercise = folder.appendingPathComponent("exercises/01-first-exercise")
        var scaffold = Scaffold(folders: [section], files: [])
        scaffold.files.append((lessons.appendingPathComponent("course.yaml"), ScaffoldText.courseYAML(id: id, title: courseTitle)))
        scaffold.files.append((section.appendingPathComponent("01-\(lessonID).md"), ScaffoldText.lesson(id: lessonID, title: "First Lesson", config: config)))
        try scaffold.add(exercise: exercise, name: "first-exercise", title: "First Exercise", lessonID: lessonID)
        scaffold.files.append((folder.appendingPathComponent(".gitignore"), "# Learners' exercise files (see exercises/*/README.md)\nworkspace/\n"))
        return scaffold
    }

    /// The course to add to. Unlike the learner's commands, a course with broken lessons is
    /// fine here (adding a lesson does not touch them); course.yaml must read.
    public static func existingCourse(_ address: CourseAddress) throws -> Course {
        let result = CourseLoader.load(try address.locate(), displayPath: address.paths.show)
        guard let course = result.course else {
            throw AppError(.data, "course.yaml has errors; run `preflight lint` for the full report",
                           diagnostics: result.diagnostics.filter { $0.severity == .error })
        }
        return course
    }

    // MARK: - A new lesson

    /// `NN-<id>.md` at the end of the section's folder (made when the section has none yet).
    public static func lesson(in course: Course, section sectionID: String, title: String, id: String?) throws -> Scaffold {
        let title = try checkedLine(title)
        guard let position = course.config.sections.firstIndex(where: { $0.id == sectionID }) else {
            let known = course.config.sections.map(\.id).joined(separator: ", ")
            throw AppError(.usage, "no section `\(sectionID)` in course.yaml (sections: \(known)); add it to course.yaml's `sections` first")
        }
        guard let lessonID = id ?? Slug.kebab(title) else {
            throw AppError(.usage, "no lesson id can be made from the title `\(title)`; give one with --id")
        }
        guard LessonID.isValid(lessonID) else { throw AppError(.usage, "lesson id `\(lessonID)` must be kebab-case (lower-case letters, digits and single hyphens)") }
        if let other = course.lesson(id: lessonID) {
            throw AppError(.usage, "the course already has a lesson `\(lessonID)` (\(other.file)); choose another title or --id")
        }
        let folder = sectionFolder(course, position: position)
        let number = nextNumber(in: folder, files: true)
        let file = folder.appendingPathComponent("\(number)-\(lessonID).md")
        return Scaffold(folders: [folder], files: [(file, ScaffoldText.lesson(id: lessonID, title: title, config: course.config))])
    }

    /// The section's folder, or the one it will have: numbered after the folder of the section
    /// before it, so the folders stay in course.yaml's order.
    static func sectionFolder(_ course: Course, position: Int) -> URL {
        let folders = numberedEntries(course.root, directories: true)
        let id = course.config.sections[position].id
        if let existing = folders.first(where: { $0.slug == id }) { return existing.url }
        let earlier = Set(course.config.sections[..<position].map(\.id))
        let number = (folders.filter { earlier.contains($0.slug) }.map(\.number).max() ?? (position - 1)) + 1
        return course.root.appendingPathComponent(String(format: "%02d-%@", number, id))
    }

    // MARK: - A new exercise

    /// `NN-<name>/` at the end of the exercises folder: a README for the lesson, a starter that
    /// fails its check, a solution that passes it, and the check.
    public static func exercise(in course: Course, lessonID: String, name: String, title: String?) throws -> Scaffold {
        guard course.lesson(id: lessonID) != nil else {
            let ids = course.lessons.prefix(5).map(\.id).joined(separator: ", ")
            throw AppError(.usage, "no lesson `\(lessonID)` in this course (ids look like: \(ids)…; `preflight list` shows them all)")
        }
        guard LessonID.isValid(name), name.first?.isLetter == true else {
            throw AppError(.usage, "exercise name `\(name)` must be kebab-case and start with a letter (it becomes the folder `NN-\(name)` and the Python module `\(name.replacingOccurrences(of: "-", with: "_"))`)")
        }
        guard let folder = course.exercisesFolder else {
            throw AppError(.data, "course.yaml names no `exercises:` folder; add `exercises: ../exercises` (relative to course.yaml) and run this again")
        }
        guard course.config.runner(for: "python") != nil else {
            throw AppError(.data, "the exercise scaffold's check is Python, and course.yaml has no `python` runner")
        }
        if numberedEntries(folder, directories: true).contains(where: { $0.slug == name }) {
            throw AppError(.usage, "the course already has an exercise `\(name)`")
        }
        var scaffold = Scaffold(folders: [], files: [])
        let exerciseFolder = folder.appendingPathComponent("\(nextNumber(in: folder, files: false))-\(name)")
        try scaffold.add(exercise: exerciseFolder, name: name, title: try title.map(checkedLine) ?? Slug.title(fromKebab: name), lessonID: lessonID)
        return scaffold
    }

    mutating func add(exercise folder: URL, name: String, title: String, lessonID: String) throws {
        let module = name.replacingOccurrences(of: "-", with: "_")
        folders += [folder.appendingPathComponent("starter"), folder.appendingPathComponent("solution")]
        files.append((folder.appendingPathComponent("README.md"), ScaffoldText.exerciseReadme(title: title, lessonID: lessonID, module: module)))
        files.append((folder.appendingPathComponent("starter/\(module).py"), ScaffoldText.exerciseCode(solved: false)))
        files.append((folder.appendingPathComponent("solution/\(module).py"), ScaffoldText.exerciseCode(solved: true)))
        files.append((folder.appendingPathComponent("check.py"), ScaffoldText.exerciseCheck(module: module)))
    }

    // MARK: - Numbers and names

    /// Numbered entries of a folder: `NN-name` folders, or `NN-name.md` files.
    static func numberedEntries(_ folder: URL, directories: Bool) -> [(number: Int, slug: String, url: URL)] {
        let entries = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        return entries.compactMap { url in
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            guard isDirectory == directories else { return nil }
            let name = directories ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
            return CourseLoader.numbered(name).map { ($0.0, $0.1, url) }
        }
    }

    /// One more than the highest number in the folder, written with at least two digits.
    static func nextNumber(in folder: URL, files: Bool) -> String {
        let next = (numberedEntries(folder, directories: !files).map(\.number).max() ?? 0) + 1
        return String(format: "%02d", next)
    }

    /// Titles are one line of visible text: they go into YAML, a heading and the outline.
    static func checkedLine(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw AppError(.usage, "the title is empty") }
        guard Visible.escape(trimmed) == trimmed else {
            throw AppError(.usage, "the title must be one line of visible text (it has a line break or a control character)")
        }
        return trimmed
    }
}

/// Ids and titles made from what an author typed.
public enum Slug {
    /// "Model Serving (v2)" → "model-serving-v2"; accents are dropped. Nil when no letter or
    /// digit is left.
    public static func kebab(_ text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        let words = folded.unicodeScalars.split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }
        let id = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
        return id.isEmpty ? nil : id
    }

    /// "first-exercise" → "First Exercise".
    public static func title(fromKebab id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
