/// What the course index keeps of a lesson: enough to list it, find it by id or file, order it
/// and run the rules across lessons, without its Markdown tree.
public struct LessonSummary: Sendable, Hashable, Codable {
    public var id: String
    public var title: CourseText
    public var summary: CourseText
    public var minutes: Int?
    public var requires: [String]
    public var tags: [String]
    public var sectionID: String
    public var file: String
    /// Where the `id` field sits, for diagnostics about the lesson as a whole.
    public var location: SourceLocation
    public var requiresLocation: SourceLocation
    /// Where each `requires` entry is written, parallel to `requires`.
    public var requiresLocations: [SourceLocation]
    public var questionIDs: [String]
    public var interviewQuestionIDs: [String]
    public var exampleCount: Int
    /// How many parts (H2 sections) the lesson has.
    public var partCount: Int
    /// Ids the lesson had before it was renamed, and where each is written.
    public var formerIDs: [String]
    public var formerIDLocations: [SourceLocation]

    public init(_ lesson: Lesson) {
        id = lesson.id
        title = lesson.title
        summary = lesson.summary
        minutes = lesson.minutes
        requires = lesson.requires
        tags = lesson.tags
        sectionID = lesson.sectionID
        file = lesson.file
        location = lesson.location
        requiresLocation = lesson.requiresLocation
        requiresLocations = lesson.requiresLocations
        questionIDs = lesson.quiz.map(\.id)
        interviewQuestionIDs = lesson.interviewQuestions.map(\.id)
        exampleCount = lesson.examples.count
        partCount = lesson.sections.count
        formerIDs = lesson.formerIDs
        formerIDLocations = lesson.formerIDLocations
    }

    /// Where the `index`th `requires` entry is written, or the `requires` key.
    func requiresEntryLocation(_ index: Int) -> SourceLocation {
        index < requiresLocations.count ? requiresLocations[index] : requiresLocation
    }
}
