import Foundation
import PreflightCore

/// `show --watch`: one lesson file, read again on every save, with everything lint says about it,
/// so an author can keep it open beside the editor. The file is found once; it may be broken at
/// any moment (that is what the preview is for), so a lesson that does not load shows its
/// diagnostics instead of ending the preview.
public struct LessonPreview: Sendable {
    public let file: URL
    let address: CourseAddress

    public struct Page: Sendable {
        /// Nil when the file does not read as a lesson right now.
        public var lesson: Lesson?
        public var diagnostics: [Diagnostic]
        public var shownPath: String
    }

    /// The lesson named by id, or by its file (a lesson whose front matter is broken has no id
    /// to name it by).
    public static func locate(_ name: String, address: CourseAddress) throws -> LessonPreview {
        let asFile = address.paths.url(name)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: asFile.path, isDirectory: &isFolder), !isFolder.boolValue {
            return LessonPreview(file: asFile, address: address)
        }
        let result = CourseLoader.load(try address.locate(), displayPath: address.paths.show)
        guard let course = result.course else {
            throw AppError(.data, "course.yaml has errors; run `preflight lint` for the full report", diagnostics: result.diagnostics.filter { $0.severity == .error })
        }
        guard let lesson = course.lesson(id: name) else {
            throw AppError(.data, "no lesson `\(name)` in this course (a lesson that does not load can be named by its file)")
        }
        return LessonPreview(file: address.paths.url(lesson.file), address: address)
    }

    /// What to watch: the lesson's folder, and the course folder (course.yaml).
    public var folders: [URL] {
        let folder = file.deletingLastPathComponent().standardizedFileURL
        guard let root = CourseLint.courseRoot(near: file)?.standardizedFileURL, root != folder else { return [folder] }
        return [folder, root]
    }

    /// The lesson as the file says it now, with lint's diagnostics for the file.
    public func read() -> Page {
        let shown = address.paths.show(file)
        do {
            var lintAddress = address
            if lintAddress.course == nil, let root = CourseLint.courseRoot(near: file) { lintAddress.course = root.path }
            let result = try CourseLinting.run(lintAddress, paths: [file.path], strict: false)
            // Lint read the course through its index; the lesson itself is read here, the one file.
            let lesson = result.outline.flatMap { outline in
                outline.lessons.first { $0.file == shown }.flatMap { summary in
                    CourseLoader.loadLesson(file, displayPath: shown, config: outline.config, sectionID: summary.sectionID).0
                }
            }
            return Page(lesson: lesson, diagnostics: result.diagnostics, shownPath: shown)
        } catch let error as AppError {
            return Page(lesson: nil, diagnostics: error.diagnostics + [.error(SourceLocation(file: shown, line: 1, column: 1), error.message)], shownPath: shown)
        } catch {
            return Page(lesson: nil, diagnostics: [.error(SourceLocation(file: shown, line: 1, column: 1), "\(error)")], shownPath: shown)
        }
    }
}
