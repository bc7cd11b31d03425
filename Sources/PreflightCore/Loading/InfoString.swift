/// The words after a code fence: the language first, then options such as `norun`,
/// `timeout=5`, `ellipsis` or `exit=1`.
struct InfoString {
    var language: String
    var flags: Set<String>
    var values: [String: String]
    var words: [String]

    init(_ info: String) {
        let parts = info.split(whereSeparator: \.isWhitespace).map(String.init)
        language = parts.first?.lowercased() ?? ""
        words = Array(parts.dropFirst())
        var flags: Set<String> = []
        var values: [String: String] = [:]
        for word in words {
            if let equals = word.firstIndex(of: "=") {
                values[String(word[..<equals]).lowercased()] = String(word[word.index(after: equals)...])
            } else {
                flags.insert(word.lowercased())
            }
        }
        self.flags = flags
        self.values = values
    }

    var isOutput: Bool { language == "output" }
    var isNoRun: Bool { flags.contains("norun") || flags.contains("no-run") }
}
