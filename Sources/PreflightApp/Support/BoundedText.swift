/// Failure output as every report carries it: a diff, stderr or a check's output is cut to a few
/// KiB per example, and each line to a length a reader (and a CI page) can take, with a marker
/// saying how much was cut. One example that floods stderr, or a mismatch of megabytes, must not
/// turn a report into megabytes: what is kept is enough to see what went wrong.
public enum BoundedText {
    /// Bytes of failure output kept per example and per kind (diff, stderr, check output).
    public static let maximumBytes = 4096
    /// Bytes kept of one line; the rest of the line is replaced by a marker.
    public static let maximumLineBytes = 300

    /// `text` with every line longer than `lineBytes` cut, and the lines after the first
    /// `maxBytes` dropped; each cut says what it removed. Cuts fall between Unicode scalars.
    public static func bound(_ text: String, maxBytes: Int = maximumBytes, lineBytes: Int = maximumLineBytes) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > lineBytes else { return text }
        let newline = UInt8(ascii: "\n")
        var kept: [String] = []
        var used = 0
        var lineStart = 0
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            let length = lineEnd - lineStart
            var line: String
            if length > lineBytes {
                var cut = lineStart + lineBytes
                // Back to the start of a scalar: continuation bytes are 0b10xxxxxx.
                while cut > lineStart, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                line = String(decoding: bytes[lineStart..<cut], as: UTF8.self) + " [… \(grouped(lineEnd - cut)) more bytes on this line cut]"
            } else {
                line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            }
            if used + line.utf8.count > maxBytes && !kept.isEmpty {
                let rest = bytes[lineStart...]
                let lines = rest.reduce(0) { $0 + ($1 == newline ? 1 : 0) } + (rest.last == newline ? 0 : 1)
                kept.append("[… \(grouped(lines)) more line\(lines == 1 ? "" : "s") (\(grouped(rest.count)) bytes) cut]")
                break
            }
            kept.append(line)
            used += line.utf8.count + 1
            if lineEnd == bytes.count { break }
            lineStart = lineEnd + 1
            if lineStart == bytes.count { kept.append(""); break }
        }
        return kept.joined(separator: "\n")
    }

    /// 4193904 → "4,193,904".
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
