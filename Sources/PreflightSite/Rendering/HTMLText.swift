import PreflightCore

/// Escaping for everything that comes from a lesson: text, attribute values and code. Control
/// characters and bidirectional overrides are made visible first (as in the terminal), so a
/// lesson can neither add markup nor reorder what a reader sees.
public enum HTMLText {
    /// Text content and attribute values (double-quoted) alike.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in Visible.escape(text, keepNewlines: true).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A fragment id from heading text: lower-case letters, digits and hyphens.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

/// Hands out unique fragment ids within one page.
struct AnchorNames {
    private var used: Set<String>

    init(reserved: Set<String> = []) { used = reserved }

    mutating func unique(_ text: String) -> String {
        let base = HTMLText.slug(text)
        var name = base
        var counter = 2
        while !used.insert(name).inserted {
            name = "\(base)-\(counter)"
            counter += 1
        }
        return name
    }
}
