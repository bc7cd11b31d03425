import Foundation

/// Reads the lesson conventions out of a Markdown tree: the H1 title, H2 sections and their
/// roles, examples with their expected output, quiz and interview questions. This is the
/// interpreting layer over the plain tree that `CommonMarkParser` produces.
struct LessonInterpreter {
    let file: String
    let config: CourseConfig
    /// The lesson's text (front matter blanked), for rules that compare what the tree says with
    /// what the author wrote, such as a regex key that lost a backslash.
    let sourceText: SourceText
    var diagnostics: [Diagnostic] = []

    init(file: String, config: CourseConfig, source: String = "") {
        self.init(file: file, config: config, sourceText: SourceText(source))
    }

    init(file: String, config: CourseConfig, sourceText: SourceText) {
        self.file = file
        self.config = config
        self.sourceText = sourceText
    }

    /// The source lines a block spans, joined with newlines; empty when the source is unknown.
    func source(of node: MarkdownNode) -> String {
        let first = node.range.start.line, last = max(node.range.end.line, first)
        guard first >= 1, last <= sourceText.lineCount else { return "" }
        return sourceText.text(lines: first, through: last)
    }

    func location(_ node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: file, line: node.start.line, column: node.start.column)
    }

    mutating func interpret(_ document: MarkdownNode, frontMatter: FrontMatter, sectionID: String) -> Lesson {
        checkTitle(document, frontMatter: frontMatter)
        let sections = splitSections(document, lessonTitle: frontMatter.title)
        for section in sections { checkNearMiss(section) }
        var examples = ExampleCollector(lessonID: frontMatter.id, interpreter: self)
        let collected = examples.collect(sections)
        diagnostics += examples.diagnostics
        var quiz = QuizInterpreter(lessonID: frontMatter.id, interpreter: self)
        let questions = sections.filter { $0.role == .quiz }.flatMap { quiz.questions(in: $0) }
        diagnostics += quiz.diagnostics
        var seenInterview: [String: SourceLocation] = [:]
        var interview: [InterviewQuestion] = []
        for section in sections where section.role == .interviewQuestions {
            interview += interviewQuestions(in: section, lessonID: frontMatter.id, seen: &seenInterview)
        }
        var lesson = Lesson(
            id: frontMatter.id, title: CourseText(frontMatter.title), summary: CourseText(frontMatter.summary), minutes: frontMatter.minutes,
            requires: frontMatter.requires.map(\.0), tags: frontMatter.tags, sources: frontMatter.sources,
            sectionID: sectionID, file: file, location: frontMatter.idLocation, requiresLocation: frontMatter.requiresLocation,
            sections: sections, examples: collected, quiz: questions, interviewQuestions: interview, document: document)
        lesson.requiresLocations = frontMatter.requires.map(\.1)
        lesson.formerIDs = frontMatter.formerIDs.map(\.0)
        lesson.formerIDLocations = frontMatter.formerIDs.map(\.1)
        return lesson
    }

    private mutating func checkTitle(_ document: MarkdownNode, frontMatter: FrontMatter) {
        let titles = document.children.filter { $0.headingLevel == 1 }
        guard let first = titles.first else {
            diagnostics.append(.error(frontMatter.titleLocation, "lesson has no H1 title; add `# \(frontMatter.title)` after the front matter", id: "lesson.no-title"))
            return
        }
        for extra in titles.dropFirst() {
            diagnostics.append(.error(location(extra), "a lesson has one H1 title; make this heading an H2 (`## …`)", id: "lesson.extra-title"))
        }
        if first.plainText.trimmingWhitespace() != frontMatter.title {
            diagnostics.append(.warning(location(first), "H1 `\(first.plainText)` differs from the front matter title `\(frontMatter.title)`", id: "lesson.title-mismatch"))
        }
    }

    /// Blocks before the first H2 form an untitled introduction; each H2 opens a section.
    private func splitSections(_ document: MarkdownNode, lessonTitle: String) -> [LessonSection] {
        var sections: [LessonSection] = []
        var current = LessonSection(title: "Introduction", role: nil, location: SourceLocation(file: file, line: 1, column: 1), blocks: [])
        for block in document.children {
            if block.headingLevel == 1 {
                current.location = location(block)
                continue
            }
            if block.headingLevel == 2 {
                if !current.blocks.isEmpty || !sections.isEmpty || current.title != "Introduction" { sections.append(current) }
                let title = block.plainText.trimmingWhitespace()
                current = LessonSection(title: CourseText(title), role: SectionRole(heading: title), location: location(block), blocks: [])
                continue
            }
            current.blocks.append(block)
        }
        sections.append(current)
        return sections.filter { !($0.title == "Introduction" && $0.role == nil && $0.blocks.isEmpty) }
    }

    /// An H2 one typo away from a role name silently loses the role: say what is lost.
    private mutating func checkNearMiss(_ section: LessonSection) {
        guard section.role == nil, let (role, name) = SectionRole.nearMiss(heading: section.title.unescaped)
        else { return }
        let questions = section.blocks.filter { $0.headingLevel == 3 }.count
        let lost: String
        switch role {
        case .quiz where questions == 1: lost = "Its question is not part of the quiz."
        case .quiz: lost = questions > 0 ? "Its \(questions) questions are not part of the quiz." : "Nothing under it is part of the quiz."
        case .interviewQuestions where questions == 1: lost = "Its question is not a flashcard."
        case .interviewQuestions: lost = questions > 0 ? "Its \(questions) questions are not flashcards." : "Nothing under it becomes a flashcard."
        case .example: lost = "It is plain prose, not the lesson's example."
        case .expectedOutput: lost = "A code block under it without `output` is not read as expected output."
        default: lost = "It is plain prose, without the \(SectionRole.displayName(role.names[0])) role."
        }
        diagnostics.append(.warning(
            section.location, "`## \(section.title.unescaped)` is not a section role; did you mean `## \(SectionRole.displayName(name))`? \(lost)",
            id: "heading.near-miss-role"))
    }

    private mutating func interviewQuestions(in section: LessonSection, lessonID: String, seen: inout [String: SourceLocation]) -> [InterviewQuestion] {
        var result: [InterviewQuestion] = []
        for group in HeadingGroups.split(section.blocks, level: 3) {
            guard let heading = group.heading else { continue }
            let question = heading.plainText.trimmingWhitespace()
            if group.blocks.isEmpty {
                diagnostics.append(.error(location(heading), "interview question has no model answer under it", id: "interview.no-answer"))
                continue
            }
            let id = "\(lessonID)/iq-\(StableHash.hex(question.lowercased()).prefix(8))"
            if let earlier = seen[id] {
                diagnostics.append(.error(
                    location(heading), "two interview questions have the same heading (the other is at line \(earlier.line)); they would share one flashcard and overwrite each other's schedule, so make the heading unique",
                    id: "interview.duplicate-question"))
                continue
            }
            seen[id] = location(heading)
            result.append(InterviewQuestion(id: id, lessonID: lessonID, question: CourseText(question), answer: group.blocks, location: location(heading)))
        }
        if result.isEmpty {
            diagnostics.append(.warning(section.location, "`Interview Questions` has no questions; write each as an H3 (`### …`) followed by its model answer", id: "interview.no-questions"))
        }
        return result
    }
}

/// Blocks grouped under the headings of one level (H3 questions under a Quiz H2, say).
struct HeadingGroups {
    var heading: MarkdownNode?
    var blocks: [MarkdownNode]

    static func split(_ blocks: [MarkdownNode], level: Int) -> [HeadingGroups] {
        var groups = [HeadingGroups(heading: nil, blocks: [])]
        for block in blocks {
            if block.headingLevel == level {
                groups.append(HeadingGroups(heading: block, blocks: []))
            } else {
                groups[groups.count - 1].blocks.append(block)
            }
        }
        return groups.filter { $0.heading != nil || !$0.blocks.isEmpty }
    }
}
