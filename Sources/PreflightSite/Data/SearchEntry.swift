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
        t = lesson.title.siteText
        s = section
        a = anchor
        var seen: Set<Substring> = []
        var words: [Substring] = []
        let text = ((section.isEmpty ? [lesson.summary.siteText] : []) + blocks.compactMap { block -> String? in
            if case .codeBlock = block.kind { return nil }
            return block.plainText
        }).joined(separator: " ").lowercased()
        // Scalars, not Characters: the same words for lesson text, at a fraction of the cost.
        var word = String.UnicodeScalarView()
        func finish() {
            if word.count > 1 {
                let found = Substring(String(word))
                if seen.insert(found).inserted { words.append(found) }
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let isWordCharacter = scalar.isASCII
                ? ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordCharacter { word.append(scalar) } else { finish() }
        }
        finish()
        w = words.joined(separator: " ")
    }
}
