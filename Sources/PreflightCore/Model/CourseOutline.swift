import Foundation

/// A course without its lessons' contents: `course.yaml` and a summary of every lesson in course
/// order. Enough for the outline, progress and finding a lesson; `CourseIndex` serves it without
/// parsing any lesson, and `Course.outline` makes one from a loaded course.
public struct CourseOutline: Sendable {
    public var root: URL
    public var config: CourseConfig
    public var lessons: [LessonSummary]

    public init(root: URL, config: CourseConfig, lessons: [LessonSummary]) {
        self.root = root
        self.config = config
        self.lessons = lessons
    }

    public func lesson(id: String) -> LessonSummary? { lessons.first { $0.id == id } }

    public func lessons(inSection id: String) -> [LessonSummary] { lessons.filter { $0.sectionID == id } }

    public func section(id: String) -> SectionConfig? { config.sections.first { $0.id == id } }

    /// The folder of exercises, if `course.yaml` names one.
    public var exercisesFolder: URL? {
        config.exercises.map { root.appendingPathComponent($0).standardizedFileURL }
    }
}

extension Course {
    public var outline: CourseOutline { CourseOutline(root: root, config: config, lessons: lessons.map(LessonSummary.init)) }
}
