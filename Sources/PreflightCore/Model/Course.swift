import Foundation

/// A loaded course: its configuration and its lessons in course order (section order from
/// `course.yaml`, then the numeric prefix of each lesson file).
public struct Course: Sendable {
    public var root: URL
    public var config: CourseConfig
    public var lessons: [Lesson]

    public init(root: URL, config: CourseConfig, lessons: [Lesson]) {
        self.root = root
        self.config = config
        self.lessons = lessons
    }

    public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }

    public func lessons(inSection id: String) -> [Lesson] { lessons.filter { $0.sectionID == id } }

    public func section(id: String) -> SectionConfig? { config.sections.first { $0.id == id } }

    /// The folder of exercises, if `course.yaml` names one.
    public var exercisesFolder: URL? {
        config.exercises.map { root.appendingPathComponent($0).standardizedFileURL }
    }
}
