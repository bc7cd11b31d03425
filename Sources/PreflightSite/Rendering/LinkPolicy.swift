/// Which link targets a lesson may put in a page. Web links (`http`, `https`, `mailto`) and
/// relative paths are kept; any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`…) is
/// made inert: its text is shown, with the target beside it as text.
public enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme a browser would see, lower-cased, or nil for a relative reference. Browsers
    /// drop tabs and newlines inside URLs and leading spaces and controls before the scheme,
    /// so `java\tscript:` is still `javascript:`; the same is done here before looking.
    static func scheme(of destination: String) -> String? {
        let cleaned = destination.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        var scheme = ""
        for scalar in cleaned {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// True when the page may link to `destination` as written.
    public static func isSafe(_ destination: String) -> Bool {
        guard let scheme = scheme(of: destination) else { return true }
        return allowedSchemes.contains(scheme)
    }
}
