/// Reads a lesson's YAML front matter into the fields of `Lesson`.
struct FrontMatter {
    var id: String
    var title: String
    var summary: String
    var minutes: Int?
    var requires: [(String, SourceLocation)]
    /// Ids the lesson had before it was renamed, each where it is written.
    var formerIDs: [(String, SourceLocation)]
    var tags: [String]
    var sources: [LessonSource]
    var idLocation: SourceLocation
    var requiresLocation: SourceLocation
    var titleLocation: SourceLocation

    static let knownKeys: Set<String> = ["id", "title", "summary", "minutes", "requires", "former_ids", "tags", "sources"]

    static func read(_ text: LessonText, file: String) -> (FrontMatter?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let offset = text.frontMatterFirstLine - 1
        guard var fields = YAMLFields.parse(text.frontMatter, file: file, lineOffset: offset, what: "front matter", area: "frontmatter", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        for (key, location) in fields.keys where !knownKeys.contains(key) {
            fields.report(.warning(location, "unknown front matter field `\(key)` (known: \(knownKeys.sorted().joined(separator: ", ")))", id: "frontmatter.unknown-field"))
        }
        let id = fields.string("id", required: true, in: "front matter")
        let title = fields.string("title", required: true, in: "front matter")
        let summary = fields.string("summary", required: true, in: "front matter")
        if let id, !LessonID.isValid(id) {
            fields.report(.error(fields.location(of: fields.node("id")), "lesson id `\(id)` must be kebab-case (lower-case letters, digits and single hyphens)", id: "frontmatter.id-not-kebab"))
        }
        let minutes = fields.integer("minutes")
        let requires = fields.strings("requires")
        let formerIDs = fields.strings("former_ids")
        for (former, location) in formerIDs where !LessonID.isValid(former) {
            fields.report(.error(location, "`former_ids` entry `\(former)` is not a lesson id (kebab-case); list the ids this lesson had before it was renamed", id: "rename.bad-former-id"))
        }
        let tags = fields.strings("tags").map(\.0)
        let sources = readSources(&fields)
        diagnostics += fields.diagnostics
        guard let id, let title, let summary else { return (nil, diagnostics) }
        let matter = FrontMatter(
            id: id, title: title, summary: summary, minutes: minutes, requires: requires,
            formerIDs: formerIDs.filter { LessonID.isValid($0.0) }, tags: tags, sources: sources,
            idLocation: fields.location(ofKey: "id"), requiresLocation: fields.location(ofKey: "requires"),
            titleLocation: fields.location(ofKey: "title"))
        return (matter, diagnostics)
    }

    private static func readSources(_ fields: inout YAMLFields) -> [LessonSource] {
        guard let node = fields.node("sources") else { return [] }
        guard let list = node.sequence else {
            fields.report(.error(fields.location(of: node), "`sources` must be a list of entries with `title` and `url`", id: "frontmatter.bad-value"))
            return []
        }
        var sources: [LessonSource] = []
        for item in list {
            guard var entry = fields.child(item) else { continue }
            let title = entry.string("title", required: true, in: "source")
            let url = entry.string("url", required: true, in: "source")
            fields.merge(entry)
            if let title, let url { sources.append(LessonSource(title: title, url: url)) }
        }
        return sources
    }
}
