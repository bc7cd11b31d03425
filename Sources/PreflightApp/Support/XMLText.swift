import PreflightCore

/// Text for XML attributes and elements (JUnit reports, Moodle XML). XML 1.0 cannot carry most
/// control characters at all, so they are shown (`^[`), not dropped, then the markup characters
/// are escaped.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in Visible.escape(text, keepNewlines: true).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func escape(_ text: CourseText) -> String { escape(text.unescaped) }
}
