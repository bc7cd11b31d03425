import Foundation

/// `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)` with the same
/// result, without the round trip through `NSString` that Foundation takes on Linux (a lesson
/// trims every heading, option and key it reads). ASCII is decided directly; any other scalar at
/// an edge is asked of the same `CharacterSet`.
extension StringProtocol {
    public func trimmingWhitespace() -> String { trimmed(newlines: false) }

    public func trimmingWhitespaceAndNewlines() -> String { trimmed(newlines: true) }

    private func trimmed(newlines: Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isTrimmed(scalars[start], newlines: newlines) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isTrimmed(scalars[before], newlines: newlines) else { break }
            end = before
        }
        // Scalar boundaries are UTF-8 boundaries: decoding the bytes between them is exact.
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D: return newlines
        case 0..<0x80: return false
        default: return (newlines ? CharacterSet.whitespacesAndNewlines : CharacterSet.whitespaces).contains(scalar)
        }
    }
}

extension String {
    /// The words (split where `Character.isWhitespace`), one space between each. Text that is
    /// all ASCII is split on its six whitespace bytes without asking Unicode about each character.
    public func collapsingWhitespace() -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
