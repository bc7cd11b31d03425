import Foundation

/// Reads the exercises folder: one `NN-<slug>/` folder per exercise, each with a README.md whose
/// front matter names the lesson, the file to edit, the check and the solution, and whose
/// `## Hints` section holds one H3 per hint. Problems are collected, like the lesson loader's.
public enum ExerciseLoader {
    public static func load(_ folder: URL, lessonIDs: Set<String>?, displayPath: (URL) -> String = { $0.path }) -> ([Exercise], [Diagnostic]) {
        var exercises: [Exercise] = []
        var diagnostics: [Diagnostic] = []
        let entries = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])) ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .compactMap { url in CourseLoader.numbered(url.lastPathComponent).map { (number: $0.0, slug: $0.1, url: url) } }
            .sorted { ($0.number, $0.slug) < ($1.number, $1.slug) }
        var seen: Set<String> = []
        for entry in entries {
            let readme = entry.url.appendingPathComponent("README.md")
            let shown = displayPath(readme)
            let (exercise, found) = loadOne(entry.url, slug: entry.slug, readme: readme, shown: shown, lessonIDs: lessonIDs)
            diagnostics += found
            guard let exercise else { continue }
            if !seen.insert(exercise.id).inserted {
                diagnostics.append(.error(exercise.location, "duplicate exercise name `\(exercise.id)`"))
                continue
            }
            exercises.append(exercise)
        }
        return (exercises, diagnostics)
    }

    static func loadOne(_ folder: URL, slug: String, readme: URL, shown: String, lessonIDs: Set<String>?) -> (Exercise?, [Diagnostic]) {
        let (text, problems) = LessonText.read(readme, displayPath: shown, maxSize: CourseConfig.defaultMaxFileSize)
        guard let text else { return (nil, problems) }
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields.parse(text.frontMatter, file: shown, lineOffset: text.frontMatterFirstLine - 1, what: "front matter", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let title = fields.string("title", required: true, in: "exercise front matter")
        let lesson = fields.string("lesson", required: true, in: "exercise front matter")
        let file = fields.string("file", required: true, in: "exercise front matter")
        let check = fields.string("check", required: false, in: "exercise front matter") ?? "check.py"
        let solution = fields.string("solution", required: false, in: "exercise front matter") ?? "solution/\(file ?? "")"
        let timeout = fields.number("timeout")
        diagnostics += fields.diagnostics
        guard let title, let lesson, let file else { return (nil, diagnostics) }
        let here = fields.location(ofKey: "lesson")
        if let lessonIDs, !lessonIDs.contains(lesson) {
            diagnostics.append(.error(here, "exercise names unknown lesson `\(lesson)`"))
        }
        for (label, path) in [("starter", "starter/\(file)"), ("check", check), ("solution", solution)]
        where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) {
            diagnostics.append(.error(fields.location(ofKey: label == "starter" ? "file" : label), "the \(label) file `\(path)` does not exist in \(folder.lastPathComponent)/"))
        }
        let parsed = CommonMarkParser.parse(text.body)
        let document = parsed.document
        if let deep = parsed.depthLimitReached {
            diagnostics.append(.error(SourceLocation(file: shown, line: deep.line, column: deep.column), CommonMarkParser.depthMessage))
        }
        var task: [MarkdownNode] = []
        var hints: [[MarkdownNode]] = []
        var inHints = false
        for block in document.children {
            if block.headingLevel == 1 { continue }
            if block.headingLevel == 2 {
                inHints = SectionRole(heading: block.plainText) == nil && block.plainText.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("hint")
                if inHints { continue }
            }
            if inHints {
                if block.headingLevel == 3 { hints.append([]) } else if !hints.isEmpty { hints[hints.count - 1].append(block) }
            } else {
                task.append(block)
            }
        }
        if hints.isEmpty || hints.contains(where: \.isEmpty) {
            diagnostics.append(.warning(SourceLocation(file: shown, line: 1, column: 1), "an exercise should have hints: a `## Hints` section with one `### Hint` heading per hint, each followed by its text"))
        }
        let exercise = Exercise(
            id: slug, title: title, lessonID: lesson, folder: folder.path, file: file, check: check, solution: solution,
            timeout: timeout, task: task, hints: hints.filter { !$0.isEmpty }, location: here)
        return (exercise, diagnostics)
    }
}
