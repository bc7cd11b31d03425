import Foundation
import Yams

/// Turns the text of `course.yaml` into a `CourseConfig`, reporting every problem it finds.
enum CourseConfigReader {
    static let knownKeys: Set<String> = ["id", "title", "sections", "runners", "timeout", "max_file_size", "environment", "exercises", "warm", "sandbox", "html", "iri"]

    static func read(_ text: String, file: String) -> (CourseConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields.parse(text, file: file, lineOffset: 0, what: "course.yaml", area: "course", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        for (key, location) in fields.keys where !knownKeys.contains(key) {
            fields.report(.warning(location, "unknown field `\(key)` in course.yaml (known: \(knownKeys.sorted().joined(separator: ", ")))", id: "course.unknown-field"))
        }
        let id = fields.string("id", required: true, in: "course.yaml")
        let title = fields.string("title", required: true, in: "course.yaml")
        if let id, !LessonID.isValid(id) {
            // The id names the progress database file: nothing but kebab-case may reach a path.
            fields.report(.error(fields.location(of: fields.node("id")), "course id `\(id)` must be kebab-case (lower-case letters, digits and single hyphens); it names the learners' progress file", id: "course.id-not-kebab"))
        }
        var config = CourseConfig(id: id ?? "course", title: CourseText(title ?? "Untitled course"))
        if let timeout = fields.timeout("timeout") { config.timeout = timeout }
        if let size = fields.integer("max_file_size") { config.maxFileSize = size }
        config.exercises = fields.string("exercises", required: false, in: "course.yaml")
        if let iri = fields.string("iri", required: false, in: "course.yaml") {
            if CourseConfig.isUsableIRI(iri) {
                config.iri = iri
            } else {
                fields.report(.error(fields.location(of: fields.node("iri")), "`iri` must be an absolute IRI such as `https://courses.example.org/ml-deployment-checks` (a scheme, no spaces, no trailing `/`); learning records name the course's lessons under it", id: "course.bad-iri"))
            }
        }
        for (key, location) in fields.keys { config.fieldLocations[key] = location }
        if let warm = fields.node("warm") {
            if let value = warm.bool { config.warm = value } else { fields.report(.error(fields.location(of: warm), "`warm` must be true or false", id: "course.bad-value")) }
        }
        if let sandbox = fields.node("sandbox") {
            switch sandbox.string?.lowercased() {
            case "on", "true", "yes": config.sandbox = true
            case "off", "false", "no": config.sandbox = false
            default: fields.report(.error(fields.location(of: sandbox), "`sandbox` must be `on` or `off`", id: "course.sandbox-value"))
            }
        }
        if let html = fields.node("html") {
            if let value = html.scalar?.string, let policy = HTMLPolicy(rawValue: value) {
                config.html = policy
            } else {
                fields.report(.error(fields.location(of: html), "`html` must be `allow` (raw HTML in lessons reaches web pages as HTML) or `escape` (shown as text, the default)", id: "course.bad-value"))
            }
        }
        config.sections = readSections(&fields)
        (config.runners, config.fieldLocations) = readRunners(&fields, locations: config.fieldLocations)
        config.environment = readEnvironment(&fields)
        diagnostics += fields.diagnostics
        return (diagnostics.hasErrors ? nil : config, diagnostics)
    }

    private static func readSections(_ fields: inout YAMLFields) -> [SectionConfig] {
        guard let node = fields.node("sections") else {
            fields.report(.error(fields.origin, "course.yaml is missing required field `sections`", id: "course.missing-field"))
            return []
        }
        guard let list = node.sequence, !list.isEmpty else {
            fields.report(.error(fields.location(of: node), "`sections` must be a non-empty list of sections", id: "course.bad-value"))
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
                fields.report(.error(location, "section id `\(id)` must be kebab-case (lower-case letters, digits and single hyphens)", id: "course.section-id-not-kebab"))
            }
            if !seen.insert(id).inserted {
                fields.report(.error(location, "duplicate section id `\(id)`", id: "course.duplicate-section"))
                continue
            }
            sections.append(SectionConfig(id: id, title: CourseText(title), summary: CourseText(summary), location: location))
        }
        return sections
    }

    /// Each command is split into words by shell quoting rules (`python3 -X "dev mode" {file}` is
    /// four words) and must say where the example's file goes with `{file}`.
    private static func readRunners(_ fields: inout YAMLFields, locations: [String: SourceLocation]) -> ([String: RunnerConfig], [String: SourceLocation]) {
        var locations = locations
        guard let node = fields.node("runners") else { return ([:], locations) }
        guard let mapping = node.mapping else {
            fields.report(.error(fields.location(of: node), "`runners` must map a code-fence language to a command, e.g. `python: python3 {file}`", id: "course.bad-value"))
            return ([:], locations)
        }
        var runners: [String: RunnerConfig] = [:]
        for (keyNode, value) in mapping {
            guard let language = keyNode.string?.lowercased() else { continue }
            var commandNode = value
            var fileExtension = RunnerConfig.knownExtensions[language]
            if let runner = value.mapping {
                commandNode = runner["command"] ?? value
                fileExtension = runner["extension"]?.string ?? fileExtension
            }
            let at = fields.location(of: commandNode)
            let commandText = commandNode.scalar?.string ?? ""
            let words: [String]
            switch ShellWords.split(commandText) {
            case .success(let split): words = split
            case .failure(let problem):
                fields.report(.error(at, "runner command for `\(language)` cannot be split into words: \(problem.message)", id: "runner.bad-quoting"))
                continue
            }
            guard !words.isEmpty else {
                fields.report(.error(at, "runner for `\(language)` needs a command, e.g. `\(language): python3 {file}`", id: "runner.no-command"))
                continue
            }
            guard words.contains(where: { $0.contains("{file}") }) else {
                fields.report(.error(at, "runner command for `\(language)` has no `{file}`; write where the example's file goes, e.g. `\(words[0]) {file}`", id: "runner.no-file-placeholder"))
                continue
            }
            locations["runners.\(language)"] = at
            runners[language] = RunnerConfig(command: words, fileExtension: fileExtension ?? "txt")
        }
        return (runners, locations)
    }

    private static func readEnvironment(_ fields: inout YAMLFields) -> [String: String] {
        guard let node = fields.node("environment") else { return [:] }
        guard let mapping = node.mapping else {
            fields.report(.error(fields.location(of: node), "`environment` must map variable names to values", id: "course.bad-value"))
            return [:]
        }
        var environment: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let text = value.string else {
                fields.report(.error(fields.location(of: value), "environment values must be text", id: "course.bad-value"))
                continue
            }
            environment[name] = text
        }
        return environment
    }
}
