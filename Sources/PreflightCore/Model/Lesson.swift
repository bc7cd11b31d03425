/// One lesson file, interpreted: its front matter, its H2 sections with their roles, and the
/// examples, quiz questions and interview questions found in them. `document` keeps the whole
/// Markdown tree so a renderer can draw it.
public struct Lesson: Sendable {
    public var id: String
    public var title: CourseText
    public var summary: CourseText
    public var minutes: Int?
    public var requires: [String]
    public var tags: [String]
    public var sources: [LessonSource]
    public var sectionID: String
    public var file: String
    /// Where the `id` field sits, for diagnostics about the lesson as a whole.
    public var location: SourceLocation
    public var requiresLocation: SourceLocation
    /// Where each `requires` entry is written, parallel to `requires`.
    public var requiresLocations: [SourceLocation] = []
    /// Ids the lesson had before it was renamed (`former_ids`): what learners stored under them
    /// is carried over to `id`.
    public var formerIDs: [String] = []
    /// Where each former id is written, parallel to `formerIDs`.
    public var formerIDLocations: [SourceLocation] = []
    public var sections: [LessonSection]
    public var examples: [Example]
    public var quiz: [QuizQuestion]
    public var interviewQuestions: [InterviewQuestion]
    public var document: MarkdownNode
    /// `preflight-lint: allow` comments in the file, for `LintPolicy`.
    public var lintAllowances: [LintAllowance] = []

    public init(
        id: String, title: CourseText, summary: CourseText, minutes: Int? = nil, requires: [String] = [], tags: [String] = [],
        sources: [LessonSource] = [], sectionID: String, file: String, location: SourceLocation,
        requiresLocation: SourceLocation, sections: [LessonSection] = [], examples: [Example] = [],
        quiz: [QuizQuestion] = [], interviewQuestions: [InterviewQuestion] = [], document: MarkdownNode
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.minutes = minutes
        self.requires = requires
        self.tags = tags
        self.sources = sources
        self.sectionID = sectionID
        self.file = file
        self.location = location
        self.requiresLocation = requiresLocation
        self.sections = sections
        self.examples = examples
        self.quiz = quiz
        self.interviewQuestions = interviewQuestions
        self.document = document
    }
}

public struct LessonSource: Sendable, Hashable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// An H2 section of a lesson and the blocks under it, up to the next H2.
public struct LessonSection: Sendable {
    /// The heading as written (course text: shown only through `Visible.escape`).
    public var title: CourseText
    public var role: SectionRole?
    public var location: SourceLocation
    public var blocks: [MarkdownNode]

    public init(title: CourseText, role: SectionRole?, location: SourceLocation, blocks: [MarkdownNode]) {
        self.title = title
        self.role = role
        self.location = location
        self.blocks = blocks
    }
}

public struct InterviewQuestion: Sendable {
    public var id: String
    public var lessonID: String
    public var question: CourseText
    public var answer: [MarkdownNode]
    public var location: SourceLocation

    public init(id: String, lessonID: String, question: CourseText, answer: [MarkdownNode], location: SourceLocation) {
        self.id = id
        self.lessonID = lessonID
        self.question = question
        self.answer = answer
        self.location = location
    }
}
