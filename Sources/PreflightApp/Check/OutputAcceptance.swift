import Foundation
import PreflightCore
import PreflightRunner

/// `preflight check --accept`: the expected-output blocks of examples whose output differs are
/// rewritten with what the examples printed, as snapshot tools update snapshots. Only a plain
/// mismatch is accepted: an example that timed out, hit the output cap, crashed or exited with
/// another status did not print its output, so there is nothing trustworthy to accept. Each file
/// is read again before it is changed, and the result is parsed again before it is written: the
/// rewritten lesson must read back with exactly the new expected output and every other example
/// unchanged, or the file is left alone.
public enum OutputAcceptance {
    public enum Decision: Sendable {
        /// The block was rewritten; `diff` is the old expected text against the new.
        case accepted(diff: String)
        case refused(reason: String)
    }

    public struct Entry: Sendable {
        public var result: CheckResult
        public var decision: Decision
        public var accepted: Bool { if case .accepted = decision { return true } else { return false } }
    }

    /// Why a failed result cannot be accepted, or nil when its output can be.
    static func refusal(_ result: CheckResult) -> String? {
        let options = result.item.example.expected.options
        switch result.verdict {
        case .passed: return "it passes"
        case .mismatch:
            if options.ellipsis && result.item.example.expected.text.contains("...") {
                return "its expected output uses `...` wildcards, which accepting would replace with this run's text; edit the block by hand (the diff above shows what differs)"
            }
            return nil
        case .wrongExit(let expected, let actual):
            return "it exited with status \(actual), not \(expected); if that is meant, change the block's `exit=` by hand, then accept"
        case .timedOut: return "it timed out, so its output is not complete"
        case .outputCapExceeded: return "it hit the output cap, so its output is not complete"
        case .signaled: return "it crashed (\(result.verdict.summary)), so its output is not what it prints"
        case .runnerMissing, .failedToStart, .lostSupervisor: return "it did not run (\(result.verdict.summary))"
        }
    }

    /// The text the block will hold: what the example wrote to the stream the block describes,
    /// with line endings unified and trailing white space dropped (which comparison ignores).
    static func acceptedText(_ result: CheckResult) -> String {
        OutputMatcher.normalize(result.item.example.expected.options.stream == .stderr ? result.stderr : result.stdout)
    }

    /// Rewrites the blocks of every failed result that can be accepted, file by file, and says
    /// what happened to each failed result.
    /// - Parameter url: the lesson file a diagnostic path names.
    public static func accept(_ results: [CheckResult], config: CourseConfig, url: (String) -> URL) -> [Entry] {
        var entries: [Entry] = []
        var acceptable: [String: [CheckResult]] = [:]
        for result in results where !result.verdict.passed {
            if let reason = refusal(result) {
                entries.append(Entry(result: result, decision: .refused(reason: reason)))
            } else {
                acceptable[result.item.example.location.file, default: []].append(result)
            }
        }
        for (file, results) in acceptable.sorted(by: { $0.key < $1.key }) {
            switch rewrite(url(file), displayPath: file, results: results, config: config) {
            case .success(let diffs):
                entries += zip(results, diffs).map { Entry(result: $0, decision: .accepted(diff: $1)) }
            case .failure(let problem):
                entries += results.map { Entry(result: $0, decision: .refused(reason: problem.message)) }
            }
        }
        let order = Dictionary(results.enumerated().map { ($1.item.name, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.sorted { (order[$0.result.item.name] ?? 0) < (order[$1.result.item.name] ?? 0) }
    }

    struct Refusal: Error {
        var message: String
    }

    /// The item as the file says it now: the example with the same index, or the quiz question
    /// with the same id.
    static func current(_ item: CheckItem, in lesson: Lesson) -> Example? {
        switch item.kind {
        case .example:
            return lesson.examples.first { $0.index == item.example.index }
        case .quiz:
            guard let question = lesson.quiz.first(where: { $0.id == item.name }), case .predictOutput(let example) = question.answer else { return nil }
            return example
        }
    }

    static func everyExample(_ lesson: Lesson) -> [Example] {
        lesson.examples + lesson.quiz.compactMap { question -> Example? in
            if case .predictOutput(let example) = question.answer { return example }
            return nil
        }
    }

    /// One file: read it, find each block where the check found it, replace, read the result
    /// back, write it. Returns one diff per result, in order.
    static func rewrite(_ url: URL, displayPath: String, results: [CheckResult], config: CourseConfig) -> Result<[String], Refusal> {
        guard let data = try? Data(contentsOf: url), let source = String(data: data, encoding: .utf8) else {
            return .failure(Refusal(message: "\(displayPath) cannot be read"))
        }
        let sectionID = ""
        guard let before = CourseLoader.loadLesson(data: data, displayPath: displayPath, config: config, sectionID: sectionID).0 else {
            return .failure(Refusal(message: "\(displayPath) no longer reads as a lesson"))
        }
        var replacements: [ExpectedBlockEdit.Replacement] = []
        var diffs: [String] = []
        for result in results {
            let checked = result.item.example
            guard let now = current(result.item, in: before), now.code == checked.code, now.expected == checked.expected, let last = now.expected.lastLine else {
                return .failure(Refusal(message: "\(displayPath) changed after the check ran; run the check again"))
            }
            let text = acceptedText(result)
            replacements.append(ExpectedBlockEdit.Replacement(firstLine: now.expected.location.line, lastLine: last, text: text))
            diffs.append(UnifiedDiff.make(expected: OutputMatcher.normalize(now.expected.text), actual: text,
                                          expectedLabel: "\(displayPath):\(now.expected.location.line) (before)", actualLabel: "accepted"))
        }
        let edited: String
        switch ExpectedBlockEdit.apply(replacements, to: source.hasPrefix("\u{FEFF}") ? String(source.dropFirst()) : source) {
        case .success(let text): edited = (source.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : "") + text
        case .failure(let problem): return .failure(Refusal(message: "\(displayPath):\(problem.line): \(problem.message)"))
        }
        // Read back: each accepted block says exactly the new text and still matches, and every
        // other example and question is as it was.
        guard let after = CourseLoader.loadLesson(data: Data(edited.utf8), displayPath: displayPath, config: config, sectionID: sectionID).0 else {
            return .failure(Refusal(message: "\(displayPath) would no longer read as a lesson; nothing was written"))
        }
        let changed = Set(results.map(\.item.name))
        for result in results {
            guard let example = current(result.item, in: after), OutputMatcher.normalize(example.expected.text) == acceptedText(result),
                  OutputMatcher.matches(expected: example.expected.text, actual: acceptedText(result), options: example.expected.options) else {
                return .failure(Refusal(message: "\(displayPath): the rewritten block would not read back as this output; nothing was written"))
            }
        }
        let untouched = { (lesson: Lesson) in
            CheckItem.items(for: lesson).filter { !changed.contains($0.name) }.map { [$0.example.code, $0.example.expected.text] }
        }
        guard untouched(before) == untouched(after), everyExample(before).count == everyExample(after).count else {
            return .failure(Refusal(message: "\(displayPath): rewriting would change other examples too; nothing was written"))
        }
        do {
            try write(edited, to: url.resolvingSymlinksInPath())
        } catch {
            return .failure(Refusal(message: "\(displayPath) could not be written: \(error.localizedDescription)"))
        }
        return .success(diffs)
    }

    /// Replaces the file in one step (a new file renamed over it), keeping its permissions, so an
    /// editor or a crash never sees half a lesson.
    static func write(_ text: String, to url: URL) throws {
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions]
        try Data(text.utf8).write(to: url, options: .atomic)
        if let permissions { try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path) }
    }

    /// Runs the accepted examples again, from the rewritten files: one whose output changes from
    /// run to run (a time, a temporary path, an address) fails here instead of passing once.
    public static func confirm(_ entries: [Entry], in opened: OpenedCourse, book: ProgressBook?, options: CourseCheck.Options) throws -> CourseCheck.Outcome {
        let names = Set(entries.filter(\.accepted).map(\.result.item.name))
        let items = try opened.checkItems(named: []).filter { names.contains($0.name) }
        var options = options
        options.ignoreCache = true
        return try CourseCheck(items: items, course: opened.outline, book: book, options: options).run()
    }
}
