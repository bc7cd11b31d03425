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
        let normalized = title.lowercased().collapsingWhitespace()
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
            diagnostics.append(.warning(section.location, "`Quiz` has no questions; write each as an H3 (`### …`) followed by its answer block", id: "quiz.no-questions"))
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
        let title = heading.plainText.trimmingWhitespace()
        let at = interpreter.location(heading)
        let id = Self.questionID(lessonID: lessonID, title: title)
        if let earlier = seenIDs[id] {
            diagnostics.append(.error(at, "two quiz questions have the same heading (the other is at line \(earlier.line)); question ids come from the heading, so make it unique", id: "quiz.duplicate-question"))
            return nil
        }
        seenIDs[id] = at

        let explanationStart = blocks.firstIndex { $0.kind == .paragraph && $0.plainText.hasPrefix("Explanation:") } ?? blocks.endIndex
        let body = Array(blocks[..<explanationStart])
        let explanation = explanationText(Array(blocks[explanationStart...]))
        let candidates = body.compactMap(candidate)
        guard let answerBlock = candidates.first else {
            diagnostics.append(.error(at, "quiz question has no answer block: add a [x]/[ ] option list, an `Answer:` line, an ```output block after code, or an ordered list", id: "quiz.no-answer-block"))
            return nil
        }
        if candidates.count > 1 {
            let kinds = candidates.map(\.name).joined(separator: " and ")
            diagnostics.append(.error(interpreter.location(candidates[1].node), "quiz question has more than one answer block (\(kinds)); keep exactly one", id: "quiz.multiple-answer-blocks"))
            return nil
        }
        let prompt = body.filter { $0 != answerBlock.node }
        guard let answer = answer(for: answerBlock, prompt: prompt, title: title) else { return nil }
        if explanation == nil {
            diagnostics.append(.warning(at, "quiz question has no `Explanation:` paragraph; learners see it after answering", id: "quiz.no-explanation"))
        }
        return QuizQuestion(id: id, lessonID: lessonID, title: CourseText(title), prompt: prompt, answer: answer, explanation: explanation, location: at)
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
                diagnostics.append(.error(at, "every option needs `[x]` (right) or `[ ]` (wrong) at its start", id: "quiz.option-without-marker"))
                return nil
            }
            let feedback = item.children.filter { $0.kind == .blockQuote }.map(\.plainText).joined(separator: "\n")
            options.append(ChoiceOption(text: marker.text, isCorrect: marker.isCorrect, feedback: feedback.isEmpty ? nil : feedback, location: at))
        }
        var seen: Set<String> = []
        for option in options where !seen.insert(AnswerNormalizer.normalize(option.text)).inserted {
            diagnostics.append(.error(option.location, "duplicate option `\(option.text)`: a learner could not tell them apart", id: "quiz.duplicate-option"))
        }
        if options.count < 2 {
            diagnostics.append(.error(interpreter.location(list), "a choice question needs at least two options", id: "quiz.too-few-options"))
            return nil
        }
        if !options.contains(where: \.isCorrect) {
            diagnostics.append(.error(interpreter.location(list), "choice question has no option marked `[x]`", id: "quiz.no-correct-option"))
            return nil
        }
        let labels = Set(options.map { $0.text.lowercased() })
        if options.count == 2 && labels == ["true", "false"] && options.allSatisfy(\.isCorrect) {
            diagnostics.append(.error(interpreter.location(list), "a true/false question has both `True` and `False` marked `[x]`; mark only the right one", id: "quiz.true-false-both-marked"))
            return nil
        }
        if options.contains(where: { $0.text.isEmpty }) {
            diagnostics.append(.error(interpreter.location(list), "an option has no text after its marker", id: "quiz.empty-option"))
            return nil
        }
        return .choice(options)
    }

    private mutating func shortAnswer(_ paragraph: MarkdownNode) -> QuizAnswer? {
        let text = paragraph.plainText.dropFirst("Answer:".count)
        let source = interpreter.source(of: paragraph)
        let alternatives = text.components(separatedBy: " | ")
        let written = ShortAnswerSource(source: source, firstLine: paragraph.range.start.line)
        let writtenMatches = written.alternatives.count == alternatives.count
        var keys: [AnswerKey] = []
        for (index, raw) in alternatives.enumerated() {
            let alternative = raw.trimmingWhitespace()
            let asWritten = writtenMatches ? written.alternatives[index] : nil
            let at = asWritten.map { SourceLocation(file: interpreter.file, line: $0.line, column: $0.column) } ?? interpreter.location(paragraph)
            switch AnswerKeyParser.parse(alternative) {
            case .success(let key):
                keys.append(key)
                for doubt in AnswerKeyParser.doubts(alternative, key: key, written: asWritten?.text, source: source) {
                    diagnostics.append(.warning(at, doubt.message, id: doubt.id))
                }
            case .failure(let problem): diagnostics.append(.error(at, problem.message, id: problem.id))
            }
        }
        return keys.isEmpty ? nil : .shortAnswer(keys)
    }

    private mutating func ordering(_ list: MarkdownNode) -> QuizAnswer? {
        let items = list.children.map { $0.plainText.trimmingWhitespaceAndNewlines() }
        if items.count < 2 {
            diagnostics.append(.error(interpreter.location(list), "a put-in-order question needs at least two items", id: "quiz.too-few-items"))
            return nil
        }
        var seen: Set<String> = []
        for (item, node) in zip(items, list.children) where !seen.insert(AnswerNormalizer.normalize(item)).inserted {
            diagnostics.append(.error(interpreter.location(node), "duplicate item `\(item)`: its right place would be ambiguous", id: "quiz.duplicate-item"))
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
            diagnostics.append(.error(interpreter.location(block), "an ```output answer needs a runnable code block before it in the question", id: "quiz.output-without-code"))
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
        text = String(text.dropFirst("Explanation:".count)).trimmingWhitespaceAndNewlines()
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
        self.text = text.dropFirst(3).trimmingWhitespaceAndNewlines()
    }
}

/// The alternatives of an `Answer:` paragraph as the file writes them, each with its position,
/// so a problem with one key is reported at that key and the key's text can be compared with
/// its source (`/3\\.14/` in the file, `/3.14/` after Markdown).
struct ShortAnswerSource {
    struct Alternative {
        var text: String
        var line: Int
        var column: Int
    }

    var alternatives: [Alternative] = []

    init(source: String, firstLine: Int) {
        guard let label = source.range(of: "Answer:") else { return }
        var start = label.upperBound
        // `**Answer:** key` reads as `Answer: key`: the closing emphasis is not part of the key.
        while start < source.endIndex, source[start] == "*" || source[start] == "_" { start = source.index(after: start) }
        var pieces: [(Range<String.Index>)] = []
        var cursor = start
        while let separator = source.range(of: " | ", range: cursor..<source.endIndex) {
            pieces.append(cursor..<separator.lowerBound)
            cursor = separator.upperBound
        }
        pieces.append(cursor..<source.endIndex)
        for piece in pieces {
            let slice = source[piece]
            let leading = slice.prefix { $0 == " " || $0 == "\t" || $0 == "\n" }
            let text = slice.dropFirst(leading.count).trimmingWhitespaceAndNewlines()
            let begin = source.index(piece.lowerBound, offsetBy: leading.count)
            let before = source[..<begin]
            let line = firstLine + before.filter { $0 == "\n" }.count
            let lineStart = before.lastIndex(of: "\n").map { source.index(after: $0) } ?? source.startIndex
            alternatives.append(Alternative(text: text, line: line, column: source.distance(from: lineStart, to: begin) + 1))
        }
    }
}
