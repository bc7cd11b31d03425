import Foundation
import Yams

/// Turns the YAML parser's errors into diagnostics an instructor can act on: a plain sentence
/// first ("a tab is used for indentation; use spaces"), the parser's own words kept short after
/// it, and a duplicate key reported at the duplicate's own line rather than at the document's
/// start followed by the whole document.
enum YAMLProblem {
    static func diagnostics(for error: YamlError, text: String, file: String, lineOffset: Int, fallback: SourceLocation, what: String) -> [Diagnostic] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let at = YAMLFields.locate(mark, file: file, lineOffset: lineOffset, fallback: fallback)
            let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
            // The parser's own words stay, short, after the plain sentence: they help a search.
            let parser = explain(problem, context: context?.text ?? "", line: line, column: mark.column) == nil
                ? [context?.text, problem].compactMap { $0 }.joined(separator: ": ") : problem
            let message: String
            if let plain = explain(problem, context: context?.text ?? "", line: line, column: mark.column) {
                message = "\(what) is not valid YAML: \(plain) (YAML parser: \(parser))"
            } else {
                message = "\(what) is not valid YAML: \(parser)"
            }
            return [.error(at, message, id: "yaml.syntax")]
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = YAMLFields.locate(context.mark, file: file, lineOffset: lineOffset, fallback: fallback)
            let found = duplicates.flatMap { key in
                repeatedKeys(key, in: lines).map { repeat_ in
                    Diagnostic.error(
                        SourceLocation(file: file, line: repeat_.line + lineOffset, column: repeat_.column),
                        "duplicate key `\(key)` in \(what) (first at line \(repeat_.firstLine + lineOffset)): YAML would keep only one of the values; remove or rename one",
                        id: "yaml.duplicate-key")
                }
            }
            if !found.isEmpty { return found }
            // Flow mappings (`{a: 1, a: 2}`) are not found line by line: name the keys at the first.
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return [.error(first, "duplicate key \(names) in \(what): YAML would keep only one of the values; remove or rename one", id: "yaml.duplicate-key")]
        default:
            return [.error(fallback, "\(what) is not valid YAML", id: "yaml.syntax")]
        }
    }

    /// What the author most likely did, for the parser messages authors actually meet.
    static func explain(_ problem: String, context: String, line: String, column: Int) -> String? {
        let before = String(line.prefix(max(column - 1, 0)))
        let atMark = line.dropFirst(max(column - 1, 0)).first
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        switch problem {
        case "found a tab character that violates indentation":
            return "a tab is used for indentation; use spaces"
        case "found character that cannot start any token":
            if atMark == "\t" || indentation.contains("\t") { return "a tab is used for indentation; use spaces" }
            if let atMark { return "a value cannot start with `\(atMark)` unquoted; put the value in quotes" }
            return "a value starts with a character YAML reserves; put the value in quotes"
        case "mapping values are not allowed in this context":
            if before.contains(": ") || before.trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
                return "quote a value that contains `: ` (for example `title: \"Rollback: the plan\"`)"
            }
            return "this line is indented more than the key above it; keys of one mapping start in the same column"
        case "did not find expected ',' or ']'":
            return "a value that starts with `[` is read as a list, and this list is not closed; close it with `]` or put the value in quotes"
        case "did not find expected ',' or '}'":
            return "a value that starts with `{` is read as a mapping, and it is not closed; close it with `}` or put the value in quotes"
        case "found unexpected end of stream" where context.contains("quoted"):
            return "a quoted value is never closed; add the closing quote"
        case "found unknown escape character":
            return "a double-quoted value holds a backslash escape YAML does not know; use single quotes, or write `\\\\` for a backslash"
        case "did not find expected key":
            return "a line does not line up with the keys around it, or text follows a quoted value; check the indentation, and quote the whole value"
        case "block sequence entries are not allowed in this context":
            return "a `- ` list item cannot start on its key's line; put each `- item` on its own line under the key, or write `[a, b]`"
        case "did not find expected alphabetic or numeric character", "found undefined alias":
            return "a value that starts with `*` or `&` is read as a YAML alias or anchor; put the value in quotes"
        case "could not find expected ':'":
            return "a line has no `key: value` colon; a value continued on the next line must be indented under its key, or quoted"
        case "did not find expected '-' indicator":
            return "the `- ` items of a list do not line up; start every item in the same column"
        case "did not find expected node content":
            return "a value is missing, or starts with a character YAML reserves; put the value in quotes"
        case "found undefined tag handle":
            return "a value that starts with `!` is read as a YAML tag; put the value in quotes"
        default:
            return nil
        }
    }

    /// Every repetition of `key` within one block mapping, with where its first use is. A
    /// mapping is told apart from its siblings by indentation and `- ` list items, so the `id:` of
    /// two list entries is not mistaken for a duplicate.
    static func repeatedKeys(_ key: String, in lines: [String]) -> [(line: Int, column: Int, firstLine: Int)] {
        var result: [(line: Int, column: Int, firstLine: Int)] = []
        // Open mappings: the column their keys start in, and where each key was first seen.
        var open: [(column: Int, seen: [String: Int])] = []
        for (index, line) in lines.enumerated() {
            let stripped = line.drop { $0 == " " }
            guard !stripped.isEmpty, !stripped.hasPrefix("#") else { continue }
            var column = line.count - stripped.count + 1
            var rest = Substring(stripped)
            var startsItem = false
            while rest.hasPrefix("- ") || rest == "-" {
                startsItem = true
                let afterDash = rest.dropFirst(1).drop { $0 == " " }
                column += rest.count - afterDash.count
                rest = afterDash
            }
            // Lines at or left of a mapping's column close the deeper mappings; a new list item
            // at a mapping's column starts a sibling mapping.
            while let last = open.last, last.column > column || (startsItem && last.column == column) { open.removeLast() }
            guard let name = keyName(rest) else { continue }
            if open.last?.column != column { open.append((column, [:])) }
            let lineNumber = index + 1
            if name == key, let first = open[open.count - 1].seen[name] {
                result.append((lineNumber, column, first))
            } else if open[open.count - 1].seen[name] == nil {
                open[open.count - 1].seen[name] = lineNumber
            }
        }
        return result
    }

    /// `key` in `key: value`, `key:`, `"key": value` or `'key': value`.
    private static func keyName(_ text: Substring) -> String? {
        var name: Substring
        var rest: Substring
        if let quote = text.first, quote == "\"" || quote == "'" {
            guard let close = text.dropFirst().firstIndex(of: quote) else { return nil }
            name = text[text.index(after: text.startIndex)..<close]
            rest = text[text.index(after: close)...]
        } else {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            name = text[..<colon]
            rest = text[colon...]
            if name.contains(" #") || name.hasPrefix("[") || name.hasPrefix("{") { return nil }
        }
        rest = rest.drop { $0 == " " }
        guard rest.hasPrefix(":") else { return nil }
        let afterColon = rest.dropFirst()
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        return String(name).trimmingCharacters(in: .whitespaces)
    }
}
