/// A practice exercise: a small piece of deployment-check code the learner completes until its
/// check passes. Read from `exercises/<NN>-<slug>/README.md` and the files beside it.
public struct Exercise: Sendable, Hashable {
    /// The folder name without its number: `request-validator`.
    public var id: String
    public var title: CourseText
    /// The lesson this exercise practises.
    public var lessonID: String
    /// The folder holding README.md, the starter, the check and the solution.
    public var folder: String
    /// The file the learner edits, relative to the folder's `starter/`.
    public var file: String
    /// The check script, relative to the folder; it runs beside the learner's file and exits 0
    /// when everything passes.
    public var check: String
    /// The reference solution, relative to the folder.
    public var solution: String
    public var timeout: Double?
    /// The task, as Markdown blocks (the README without its hints).
    public var task: [MarkdownNode]
    /// Hints in the order they are revealed.
    public var hints: [[MarkdownNode]]
    public var location: SourceLocation
    /// `preflight-lint: allow` comments in the README, for `LintPolicy`.
    public var lintAllowances: [LintAllowance] = []

    public init(id: String, title: CourseText, lessonID: String, folder: String, file: String, check: String, solution: String,
                timeout: Double?, task: [MarkdownNode], hints: [[MarkdownNode]], location: SourceLocation) {
        self.id = id
        self.title = title
        self.lessonID = lessonID
        self.folder = folder
        self.file = file
        self.check = check
        self.solution = solution
        self.timeout = timeout
        self.task = task
        self.hints = hints
        self.location = location
    }
}
