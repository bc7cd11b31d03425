/// Pairs each runnable code block with the expected-output block that follows it.
///
/// A fenced block whose language has a runner in `course.yaml` is an example, unless its info
/// string says `norun`. Its expected output is the next fenced block, when that block's info
/// string starts with `output` or it stands under an "Expected Output" heading.
struct ExampleCollector {
    let lessonID: String
    let interpreter: LessonInterpreter
    var diagnostics: [Diagnostic] = []

    static let exampleOptions: Set<String> = ["norun", "no-run", "timeout"]
    static let outputOptions: Set<String> = ["ellipsis", "whitespace", "stderr", "stdout", "exit"]
    static let plainOutputLanguages: Set<String> = ["", "text", "plaintext", "console"]

    init(lessonID: String, interpreter: LessonInterpreter) {
        self.lessonID = lessonID
        self.interpreter = interpreter
    }

    mutating func collect(_ sections: [LessonSection]) -> [Example] {
        var examples: [Example] = []
        var previous: (node: MarkdownNode, info: InfoString, code: String)?
        for section in sections where section.role != .quiz && section.role != .interviewQuestions {
            for block in section.blocks {
                guard case .codeBlock(let rawInfo, let code, let fenced) = block.kind, fenced else { continue }
                let info = InfoString(rawInfo)
                let isOutput = info.isOutput || (section.role == .expectedOutput && Self.plainOutputLanguages.contains(info.language))
                if isOutput {
                    if let example = pair(previous, output: block, info: info, index: examples.count + 1) {
                        examples.append(example)
                    }
                    previous = nil
                } else {
                    reportUnpaired(previous)
                    previous = (block, info, code)
                }
            }
        }
        reportUnpaired(previous)
        return examples
    }

    /// Reads an example and its output into an `Example`, or reports why they do not pair.
    mutating func pair(_ source: (node: MarkdownNode, info: InfoString, code: String)?, output: MarkdownNode, info: InfoString, index: Int) -> Example? {
        let outputLocation = interpreter.location(output)
        guard let source else {
            diagnostics.append(.error(outputLocation, "expected output without an example: put a runnable code block (e.g. ```python) right before it", id: "example.output-without-example"))
            return nil
        }
        let sourceLocation = interpreter.location(source.node)
        guard !source.info.isNoRun else {
            diagnostics.append(.error(outputLocation, "expected output follows a block marked `norun`; remove `norun` or the output block", id: "example.output-after-norun"))
            return nil
        }
        guard config.runner(for: source.info.language) != nil else {
            let known = config.runners.keys.sorted().joined(separator: ", ")
            let language = source.info.language.isEmpty ? "(none)" : "`\(source.info.language)`"
            diagnostics.append(.error(sourceLocation, "no runner for example language \(language); course.yaml's runners: \(known.isEmpty ? "none" : known)", id: "example.no-runner"))
            return nil
        }
        checkOptions(source.info, allowed: Self.exampleOptions, at: sourceLocation, what: "example")
        checkOptions(info, allowed: Self.outputOptions, at: outputLocation, what: "output block")
        var timeout: Double?
        if let text = source.info.values["timeout"] {
            if let value = Double(text), value.isFinite, CourseConfig.isValidTimeout(value) { timeout = value } else {
                diagnostics.append(.error(sourceLocation, TimeLimit.message("the example's `timeout=`", written: text), id: TimeLimit.id))
            }
        }
        var options = OutputOptions()
        options.ellipsis = info.flags.contains("ellipsis")
        options.ignoreWhitespace = info.flags.contains("whitespace")
        options.stream = info.flags.contains("stderr") ? .stderr : .stdout
        if let text = info.values["exit"] {
            if let code = Int32(text), (0...255).contains(code) { options.exitCode = code } else {
                diagnostics.append(.error(outputLocation, "`exit=\(text)` must be an exit status from 0 to 255", id: "example.bad-exit"))
            }
        }
        guard case .codeBlock(_, let expected, _) = output.kind else { return nil }
        return Example(
            lessonID: lessonID, index: index, language: source.info.language, code: source.code, location: sourceLocation,
            timeout: timeout, expected: ExpectedOutput(text: expected, location: outputLocation, options: options, lastLine: output.range.end.line))
    }

    private var config: CourseConfig { interpreter.config }

    private mutating func reportUnpaired(_ block: (node: MarkdownNode, info: InfoString, code: String)?) {
        guard let block, !block.info.isNoRun, config.runner(for: block.info.language) != nil else { return }
        diagnostics.append(.error(interpreter.location(block.node), "example has no expected output: follow it with an ```output block (or mark it ```\(block.info.language) norun if it is not meant to run)", id: "example.no-output"))
    }

    private mutating func checkOptions(_ info: InfoString, allowed: Set<String>, at location: SourceLocation, what: String) {
        for word in info.words {
            let name = word.split(separator: "=", maxSplits: 1).first.map { String($0).lowercased() } ?? word
            if !allowed.contains(name) {
                diagnostics.append(.warning(location, "unknown \(what) option `\(word)` (known: \(allowed.sorted().joined(separator: ", ")))", id: "example.unknown-option"))
            }
        }
    }
}
