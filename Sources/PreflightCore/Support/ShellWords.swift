/// Splits a runner command into words the way a POSIX shell does, without expanding anything:
/// whitespace separates words; `'…'` keeps everything literally; `"…"` keeps everything but lets a
/// backslash escape `"`, `\`, `$` and `` ` ``; outside quotes a backslash keeps the next character.
/// So `python3 -X "dev mode" {file}` is four words, as the author means. `$`, `~` and globs stay
/// literal: runners are started directly, never through a shell.
public enum ShellWords {
    public struct Problem: Error, Equatable {
        public var message: String
    }

    public static func split(_ text: String) -> Result<[String], Problem> {
        var words: [String] = []
        var current = ""
        var inWord = false
        var characters = text.makeIterator()
        while let character = characters.next() {
            switch character {
            case "'":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "'" { closed = true; break }
                    current.append(next)
                }
                if !closed { return .failure(Problem(message: "a single quote (') is never closed")) }
            case "\"":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "\"" { closed = true; break }
                    if next == "\\" {
                        guard let escaped = characters.next() else { break }
                        if !["\"", "\\", "$", "`"].contains(escaped) { current.append("\\") }
                        current.append(escaped)
                        continue
                    }
                    current.append(next)
                }
                if !closed { return .failure(Problem(message: "a double quote (\") is never closed")) }
            case "\\":
                inWord = true
                guard let escaped = characters.next() else {
                    return .failure(Problem(message: "the command ends with a lone backslash"))
                }
                current.append(escaped)
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return .success(words)
    }
}
