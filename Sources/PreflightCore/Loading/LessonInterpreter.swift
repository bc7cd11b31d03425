import Foundation

/// Reads the lesson conventions out of a Markdown tree: the H1 title, H2 sections and their
/// roles, examples with their expected output, quiz and interview questions. This is the
/// interpreting layer over the plain tree that `CommonMarkParser` produces.
struct LessonInterpreter {
    let file: String
    let config: CourseConfig
    var diagnostics: [Diagnostic] = []

    init(file: String, config: CourseConfig) {
        self.file = file
        self.config = config
    }

    func location(_ node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: file, line: node.start.line, column: node.start.column)
    }

    mutating func interpret(_ document: MarkdownNode, frontMatter: FrontMatter, sectionID: String) -> Lesson {
        checkTitle(document, frontMatter: frontMatter)
        let sections = splitSections(document, lessonTitle: frontMatter.title)
        var examples = ExampleCollector(lessonID: frontMatter.id, interpreter: self)
        let collected = examples.collect(sections)
        diagnostics += examples.diagnostics
        var quiz = QuizInterpreter(lessonID: frontMatter.id, interpreter: self)
        let questions = sections.filter { $0.role == .quiz }.flatMap { quiz.questions(in: $0) }
        diagnostics += quiz.diagnostics
        let interview = sections.filter { $0.role == .interviewQuestions }.flatMap { interviewQuestions(in: $0, lessonID: frontMatter.id) }
        var lesson = Lesson(
            id: frontMatter.id, title: frontMatter.title, summary: frontMatter.summary, minutes: frontMatter.minutes,
            requires: frontMatter.requires.map(\.0), tags: frontMatter.tags, sources: frontMatter.sources,
            sectionID: sectionID, file: file, location: frontMatter.idLocation, requiresLocation: frontMatter.requiresLocation,
            sections: sections, examples: collected, quiz: questions, interviewQuestions: interview, document: document)
        lesson.requiresLocations = frontMatter.requires.map(\.1)
        return lesson
    }

    private mutating func checkTitle(_ document: MarkdownNode, frontMatter: FrontMatter) {
        let titles = document.children.filter { $0.headingLevel == 1 }
        guard let first = titles.first else {
            diagnostics.append(.error(frontMatter.titleLocation, "lesson has no H1 title; add `# \(frontMatter.title)` after the front matter"))
            return
        }
        for extra in titles.dropFirst() {
            diagnostics.append(.error(location(extra), "a lesson has one H1 title; make this heading an H2 (`## …`)"))
        }
        if first.plainText.trimmingCharacters(in: .whitespaces) != frontMatter.title {
            diagnostics.append(.warning(location(first), "H1 `\(first.plainText)` differs from the front matter title `\(frontMatter.title)`"))
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
                let title = block.plainText.trimmingCharacters(in: .whitespaces)
                current = LessonSection(title: title, role: SectionRole(heading: title), location: location(block), blocks: [])
                continue
            }
            current.blocks.append(block)
        }
        sections.append(current)
        return sections.filter { !($0.title == "Introduction" && $0.role == nil && $0.blocks.isEmpty) }
    }

    private mutating func interviewQuestions(in section: LessonSection, lessonID: String) -> [InterviewQuestion] {
        var result: [InterviewQuestion] = []
        for group in HeadingGroups.split(section.blocks, level: 3) {
            guard let heading = group.heading else { continue }
            let question = heading.plainText.trimmingCharacters(in: .whitespaces)
            if group.blocks.isEmpty {
                diagnostics.append(.error(location(heading), "interview question has no model answer under it"))
                continue
            }
            let id = "\(lessonID)/iq-\(StableHash.hex(question.lowercased()).prefix(8))"
            result.append(InterviewQuestion(id: id, lessonID: lessonID, question: question, answer: group.blocks, location: location(heading)))
        }
        if result.isEmpty {
            diagnostics.append(.warning(section.location, "`Interview Questions` has no questions; write each as an H3 (`### …`) followed by its model answer"))
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
