import PreflightCore

/// One searchable part of a lesson: its introduction or one H2 section. The text is kept as its
/// distinct words, lower-cased, which is all a word search needs and a fraction of the size.
/// Code blocks are left out; titles and headings weigh more than text when results are ranked.
struct SearchEntry: Encodable {
    /// Lesson id, lesson title, section title, fragment id, words.
    var l: String
    var t: String
    var s: String
    var a: String
    var w: String

    init(lesson: Lesson, section: String, anchor: String, blocks: [MarkdownNode]) {
        l = lesson.id
        t = lesson.title
        s = section
        a = anchor
        var seen: Set<Substring> = []
        var words: [Substring] = []
        let text = ((section.isEmpty ? [lesson.summary] : []) + blocks.compactMap { block -> String? in
            if case .codeBlock = block.kind { return nil }
            return block.plainText
        }).joined(separator: " ").lowercased()
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where word.count > 1 {
            if seen.insert(word).inserted { words.append(word) }
        }
        w = words.joined(separator: " ")
    }
}
