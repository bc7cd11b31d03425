import Foundation

/// Reads the questions of a Quiz section. Each H3 is a question; its answer block decides its
/// type: a `[x]`/`[ ]` list (choice), an `Answer:` paragraph (short answer), an ```output block
/// after runnable code (predict the output) or an ordered list (put in order). A paragraph that
/// starts `Explanation:` and everything after it is shown once the learner has answered.
struct QuizInterpreter {
    let lessonID: String
    let interpreter: LessonInterpreter
    var diagnostics: [Diagnostic] = []
    private var seenIDs: [String: SourceLocation] = [:]
    private var predictCount = 0

    init(lessonID: String, interpreter: LessonInterpreter) {
        self.lessonID = lessonID
        self.interpreter = interpreter
    }

    /// Stable id: the lesson id and a hash of the heading's words, so reordering questions or
    /// editing their options keeps the learner's history.
    static func questionID(lessonID: String, title: String) -> String {
        let normalized = title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "\(lessonID)/q-\(StableHash.hex(normalized).prefix(8))"
    }

    mutating func questions(in section: LessonSection) -> [QuizQuestion] {
        var result: [QuizQuestion] = []
        let groups = HeadingGroups.split(section.blocks, level: 3)
        for group in groups {
            guard let heading = group.heading else { continue }
            if let question = question(heading: heading, blocks: group.blocks) { result.append(question) }
        }
        if !groups.contains(where: { $0.heading != nil }) {
            diagnostics.append(.warning(section.location, "`Quiz` has no questions; write each as an H3 (`### …`) followed by its answer block"))
        }
        return result
    }

    private enum Candidate {
        case choice(MarkdownNode), short(MarkdownNode), output(MarkdownNode), ordering(MarkdownNode)

        var node: MarkdownNode {
            switch self {
            case .choice(let n), .short(let n), .output(let n), .ordering(let n): return n
            }
        }

        var name: String {
            switch self {
            case .choice: return "a [x]/[ ] option list"
            case .short: return "an `Answer:` line"
            case .output: return "an ```output block"
            case .ordering: return "an ordered list"
            }
        }
    }

    private mutating func question(heading: MarkdownNode, blocks: [MarkdownNode]) -> QuizQuestion? {
        let title = heading.plainText.trimmingCharacters(in: .whitespaces)
        let at = interpreter.location(heading)
        let id = Self.questionID(lessonID: lessonID, title: title)
        if let earlier = seenIDs[id] {
            diagnostics.append(.error(at, "two quiz questions have the same heading (the other is at line \(earlier.line)); question ids come from the heading, so make it unique"))
            return nil
        }
        seenIDs[id] = at

        let explanationStart = blocks.firstIndex { $0.kind == .paragraph && $0.plainText.hasPrefix("Explanation:") } ?? blocks.endIndex
        let body = Array(blocks[..<explanationStart])
        let explanation = explanationText(Array(blocks[explanationStart...]))
        let candidates = body.compactMap(candidate)
        guard let answerBlock = candidates.first else {
            diagnostics.append(.error(at, "quiz question has no answer block: add a [x]/[ ] option list, an `Answer:` line, an ```output block after code, or an ordered list"))
            return nil
        }
        if candidates.count > 1 {
            let kinds = candidates.map(\.name).joined(separator: " and ")
            diagnostics.append(.error(interpreter.location(candidates[1].node), "quiz question has more than one answer block (\(kinds)); keep exactly one"))
            return nil
        }
        let prompt = body.filter { $0 != answerBlock.node }
        guard let answer = answer(for: answerBlock, prompt: prompt, title: title) else { return nil }
        if explanation == nil {
            diagnostics.append(.warning(at, "quiz question has no `Explanation:` paragraph; learners see it after answering"))
        }
        return QuizQuestion(id: id, lessonID: lessonID, title: title, prompt: prompt, answer: answer, explanation: explanation, location: at)
    }

    private func candidate(_ block: MarkdownNode) -> Candidate? {
        switch block.kind {
        case .bulletList where block.children.contains(where: { ChoiceMarker(item: $0) != nil }): return .choice(block)
        case .paragraph where block.plainText.hasPrefix("Answer:"): return .short(block)
        case .codeBlock(let info, _, _) where InfoString(info).isOutput: return .output(block)
        case .orderedList: return .ordering(block)
        default: return nil
        }
    }

    private mutating func answer(for candidate: Candidate, prompt: [MarkdownNode], title: String) -> QuizAnswer? {
        switch candidate {
        case .choice(let list): return choice(list)
        case .short(let paragraph): return shortAnswer(paragraph)
        case .ordering(let list): return ordering(list)
        case .output(let block): return predictOutput(block, prompt: prompt)
        }
    }

    private mutating func choice(_ list: MarkdownNode) -> QuizAnswer? {
        var options: [ChoiceOption] = []
        for item in list.children {
            let at = interpreter.location(item)
            guard let marker = ChoiceMarker(item: item) else {
                diagnostics.append(.error(at, "every option needs `[x]` (right) or `[ ]` (wrong) at its start"))
                return nil
            }
            let feedback = item.children.filter { $0.kind == .blockQuote }.map(\.plainText).joined(separator: "\n")
            options.append(ChoiceOption(text: marker.text, isCorrect: marker.isCorrect, feedback: feedback.isEmpty ? nil : feedback, location: at))
        }
        var seen: Set<String> = []
        for option in options where !seen.insert(AnswerNormalizer.normalize(option.text)).inserted {
            diagnostics.append(.error(option.location, "duplicate option `\(option.text)`: a learner could not tell them apart"))
        }
        if options.count < 2 {
            diagnostics.append(.error(interpreter.location(list), "a choice question needs at least two options"))
            return nil
        }
        if !options.contains(where: \.isCorrect) {
            diagnostics.append(.error(interpreter.location(list), "choice question has no option marked `[x]`"))
            return nil
        }
        if options.contains(where: { $0.text.isEmpty }) {
            diagnostics.append(.error(interpreter.location(list), "an option has no text after its marker"))
            return nil
        }
        return .choice(options)
    }

    private mutating func shortAnswer(_ paragraph: MarkdownNode) -> QuizAnswer? {
        let at = interpreter.location(paragraph)
        let text = paragraph.plainText.dropFirst("Answer:".count)
        var keys: [AnswerKey] = []
        for raw in text.components(separatedBy: " | ") {
            let alternative = raw.trimmingCharacters(in: .whitespaces)
            switch AnswerKeyParser.parse(alternative) {
            case .success(let key): keys.append(key)
            case .failure(let problem): diagnostics.append(.error(at, problem.message))
            }
        }
        return keys.isEmpty ? nil : .shortAnswer(keys)
    }

    private mutating func ordering(_ list: MarkdownNode) -> QuizAnswer? {
        let items = list.children.map { $0.plainText.trimmingCharacters(in: .whitespacesAndNewlines) }
        if items.count < 2 {
            diagnostics.append(.error(interpreter.location(list), "a put-in-order question needs at least two items"))
            return nil
        }
        var seen: Set<String> = []
        for (item, node) in zip(items, list.children) where !seen.insert(AnswerNormalizer.normalize(item)).inserted {
            diagnostics.append(.error(interpreter.location(node), "duplicate item `\(item)`: its right place would be ambiguous"))
            return nil
        }
        return .ordering(items)
    }

    private mutating func predictOutput(_ block: MarkdownNode, prompt: [MarkdownNode]) -> QuizAnswer? {
        let code = prompt.last { node in
            if case .codeBlock(_, _, true) = node.kind { return node.start.line < block.start.line }
            return false
        }
        guard let code, case .codeBlock(let rawInfo, let source, _) = code.kind else {
            diagnostics.append(.error(interpreter.location(block), "an ```output answer needs a runnable code block before it in the question"))
            return nil
        }
        predictCount += 1
        var collector = ExampleCollector(lessonID: lessonID, interpreter: interpreter)
        guard case .codeBlock(let outputInfo, _, _) = block.kind else { return nil }
        let example = collector.pair((code, InfoString(rawInfo), source), output: block, info: InfoString(outputInfo), index: predictCount)
        diagnostics += collector.diagnostics
        return example.map { .predictOutput($0) }
    }

    private func explanationText(_ blocks: [MarkdownNode]) -> String? {
        guard !blocks.isEmpty else { return nil }
        var text = blocks.map(\.plainText).joined(separator: "\n\n")
        text = String(text.dropFirst("Explanation:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// `[x] text` or `[ ] text` at the start of a list item.
struct ChoiceMarker {
    var isCorrect: Bool
    var text: String

    init?(item: MarkdownNode) {
        guard let first = item.children.first, first.kind == .paragraph else { return nil }
        let text = first.plainText
        let marker = text.prefix(3).lowercased()
        guard marker == "[x]" || marker == "[ ]" else { return nil }
        isCorrect = marker == "[x]"
        self.text = text.dropFirst(3).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
