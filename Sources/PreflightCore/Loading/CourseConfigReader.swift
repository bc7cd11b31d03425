import Foundation
import Yams

/// Turns the text of `course.yaml` into a `CourseConfig`, reporting every problem it finds.
enum CourseConfigReader {
    static let knownKeys: Set<String> = ["id", "title", "sections", "runners", "timeout", "max_file_size", "environment", "exercises", "warm", "sandbox"]

    static func read(_ text: String, file: String) -> (CourseConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields.parse(text, file: file, lineOffset: 0, what: "course.yaml", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        for (key, location) in fields.keys where !knownKeys.contains(key) {
            fields.report(.warning(location, "unknown field `\(key)` in course.yaml (known: \(knownKeys.sorted().joined(separator: ", ")))"))
        }
        let id = fields.string("id", required: true, in: "course.yaml")
        let title = fields.string("title", required: true, in: "course.yaml")
        var config = CourseConfig(id: id ?? "course", title: title ?? "Untitled course")
        if let timeout = fields.number("timeout") { config.timeout = timeout }
        if let size = fields.integer("max_file_size") { config.maxFileSize = size }
        config.exercises = fields.string("exercises", required: false, in: "course.yaml")
        if let warm = fields.node("warm") {
            if let value = warm.bool { config.warm = value } else { fields.report(.error(fields.location(of: warm), "`warm` must be true or false")) }
        }
        if let sandbox = fields.node("sandbox") {
            switch sandbox.string?.lowercased() {
            case "on", "true", "yes": config.sandbox = true
            case "off", "false", "no": config.sandbox = false
            default: fields.report(.error(fields.location(of: sandbox), "`sandbox` must be `on` or `off`", id: "course.sandbox-value"))
            }
        }
        config.sections = readSections(&fields)
        config.runners = readRunners(&fields)
        config.environment = readEnvironment(&fields)
        diagnostics += fields.diagnostics
        return (diagnostics.hasErrors ? nil : config, diagnostics)
    }

    private static func readSections(_ fields: inout YAMLFields) -> [SectionConfig] {
        guard let node = fields.node("sections") else {
            fields.report(.error(fields.origin, "course.yaml is missing required field `sections`"))
            return []
        }
        guard let list = node.sequence, !list.isEmpty else {
            fields.report(.error(fields.location(of: node), "`sections` must be a non-empty list of sections"))
            return []
        }
        var sections: [SectionConfig] = []
        var seen: Set<String> = []
        for item in list {
            guard var section = fields.child(item) else { continue }
            let id = section.string("id", required: true, in: "section")
            let title = section.string("title", required: true, in: "section")
            let summary = section.string("summary", required: true, in: "section")
            fields.merge(section)
            guard let id, let title, let summary else { continue }
            let location = section.location(ofKey: "id")
            if !LessonID.isValid(id) {
                fields.report(.error(location, "section id `\(id)` must be kebab-case (lower-case letters, digits and single hyphens)"))
            }
            if !seen.insert(id).inserted {
                fields.report(.error(location, "duplicate section id `\(id)`"))
                continue
            }
            sections.append(SectionConfig(id: id, title: title, summary: summary, location: location))
        }
        return sections
    }

    private static func readRunners(_ fields: inout YAMLFields) -> [String: RunnerConfig] {
        guard let node = fields.node("runners") else { return [:] }
        guard let mapping = node.mapping else {
            fields.report(.error(fields.location(of: node), "`runners` must map a code-fence language to a command, e.g. `python: python3 {file}`"))
            return [:]
        }
        var runners: [String: RunnerConfig] = [:]
        for (keyNode, value) in mapping {
            guard let language = keyNode.string?.lowercased() else { continue }
            var commandText = value.string
            var fileExtension = RunnerConfig.knownExtensions[language]
            if let runner = value.mapping {
                commandText = runner["command"]?.string
                fileExtension = runner["extension"]?.string ?? fileExtension
            }
            let words = (commandText ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty else {
                fields.report(.error(fields.location(of: value), "runner for `\(language)` needs a command, e.g. `\(language): python3 {file}`"))
                continue
            }
            runners[language] = RunnerConfig(command: words, fileExtension: fileExtension ?? "txt")
        }
        return runners
    }

    private static func readEnvironment(_ fields: inout YAMLFields) -> [String: String] {
        guard let node = fields.node("environment") else { return [:] }
        guard let mapping = node.mapping else {
            fields.report(.error(fields.location(of: node), "`environment` must map variable names to values"))
            return [:]
        }
        var environment: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let text = value.string else {
                fields.report(.error(fields.location(of: value), "environment values must be text"))
                continue
            }
            environment[name] = text
        }
        return environment
    }
}
