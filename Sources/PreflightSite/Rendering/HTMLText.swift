import PreflightCore

/// Escaping for everything that comes from a lesson: text, attribute values and code. Control
/// characters and bidirectional overrides are made visible first (as in the terminal), so a
/// lesson can neither add markup nor reorder what a reader sees.
public enum HTMLText {
    /// Text content and attribute values (double-quoted) alike.
    public static func escape(_ text: String) -> String {
        let visible = needsVisible(text) ? Visible.escape(text, keepNewlines: true) : text
        var bytes: [UInt8] = []
        var changed = false
        for byte in visible.utf8 {
            let replacement: StaticString?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                if !changed {
                    changed = true
                    bytes.reserveCapacity(visible.utf8.count + 16)
                    bytes.append(contentsOf: visible.utf8.prefix(while: { $0 != byte }))
                }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else if changed {
                bytes.append(byte)
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : visible
    }

    /// Whether `Visible.escape` would change anything: a control character other than newline
    /// and tab, DEL, a C1 control, or a bidirectional mark or override (read from the UTF-8
    /// bytes, so ordinary text skips the slower scalar-by-scalar pass).
    static func needsVisible(_ text: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = iterator.next() {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F { return true }
            if previous.1 == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if previous.1 == 0xD8 && byte == 0x9C { return true }
            if previous == (0xE2, 0x80) && (byte == 0x8E || byte == 0x8F || (0xAA...0xAE).contains(byte)) { return true }
            if previous == (0xE2, 0x81) && (0xA6...0xA9).contains(byte) { return true }
            previous = (previous.1, byte)
        }
        return false
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
