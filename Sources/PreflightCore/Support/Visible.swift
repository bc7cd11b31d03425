/// Makes control characters in untrusted text (lesson files, example output) visible instead of
/// letting the terminal obey them: ESC becomes `^[`, BEL `^G`, C1 controls and bidirectional
/// overrides become `<U+XXXX>`. Nothing that passes through here can move the cursor, retitle
/// the window or write the clipboard.
public enum Visible {
    public static func escape(_ text: String, keepNewlines: Bool = false, keepTabs: Bool = true) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines: result.unicodeScalars.append(scalar)
            case 0x09 where keepTabs: result.unicodeScalars.append(scalar)
            case 0x0A: result += "\\n"
            case 0x00...0x1F: result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: result += "^?"
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                result += "<U+" + hex(scalar.value) + ">"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
