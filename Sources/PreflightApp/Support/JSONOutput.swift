import Foundation

/// Every JSON document Preflight prints: pretty, keys sorted and in snake_case, and no character
/// a terminal could obey. JSONEncoder already escapes C0 controls; C1 controls, DEL, line and
/// paragraph separators and bidirectional overrides come out as `\uXXXX` too, so a course's text
/// piped to a terminal (`preflight list --json | less`) cannot move the cursor or reorder a line.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return escapeInvisible(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// One line, keys sorted and exactly as the value names them: for documents whose keys a
    /// standard fixes (xAPI's `objectType`, `contextActivities`), sent over the wire or stored.
    public static func encodeLine<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return escapeInvisible(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Outside strings JSON holds only ASCII punctuation, digits, letters and spaces, so every
    /// scalar replaced here sits inside a string, where `\uXXXX` means the same character.
    static func escapeInvisible(_ json: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(json.unicodeScalars.count)
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
