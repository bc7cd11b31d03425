import Foundation

/// What renaming a lesson does to learners, told from what one progress database remembers: the
/// course's lessons (id and file) as it last opened the course, and the lesson ids it holds
/// progress under. A lesson's id is the key of everything learners stored about it, and the files
/// alone cannot say what an id used to be; this database can. (Without one, the docs' advice
/// stands: list the old id in `former_ids`.)
public enum RenameCheck {
    /// - Parameters:
    ///   - index: lesson id → file relative to the course folder, as the database last saw them.
    ///   - withProgress: lesson ids the database holds a place, runs, answers or flashcards for.
    ///   - relativeFile: a lesson's file relative to the course folder.
    ///   - database: the database's path, as shown.
    public static func diagnostics(course: CourseOutline, index: [String: String], withProgress: Set<String>, relativeFile: (LessonSummary) -> String,
                                   database: String, courseFile: String) -> [Diagnostic] {
        let current = Set(course.lessons.map(\.id))
        let former = Set(course.lessons.flatMap(\.formerIDs))
        let idAtFile = Dictionary(index.map { ($0.value, $0.key) }, uniquingKeysWith: min)
        var diagnostics: [Diagnostic] = []
        var explained: Set<String> = []
        for lesson in course.lessons where index[lesson.id] == nil {
            guard let old = idAtFile[relativeFile(lesson)], !current.contains(old), !lesson.formerIDs.contains(old) else { continue }
            explained.insert(old)
            diagnostics.append(.warning(
                lesson.location,
                "this file was lesson `\(old)` when the progress database \(database) last opened the course, and no lesson is `\(old)` now: "
                + "renamed without `former_ids: [\(old)]`, every learner's place, example runs, quiz history and flashcards stored under `\(old)` are left behind, and `\(lesson.id)` starts afresh for them",
                id: "rename.missing-former-id",
                notes: ["add `former_ids: [\(old)]` to this front matter: each learner's record is carried over to `\(lesson.id)` the next time they open the course"]))
        }
        for old in withProgress.subtracting(current).subtracting(former).subtracting(explained).sorted() {
            var notes = ["if `\(old)` was renamed, add it to the `former_ids` of the lesson it became; if it was removed, learners' records of it are kept but no longer shown"]
            if let file = index[old] { notes.insert("it was \(file)", at: 0) }
            diagnostics.append(.warning(
                course.config.fieldLocations["id"] ?? SourceLocation(file: courseFile, line: 1, column: 1),
                "the progress database \(database) holds progress for lesson `\(old)`, which no lesson has as its `id` or in its `former_ids`",
                id: "rename.orphaned-progress", notes: notes))
        }
        return diagnostics
    }
}
