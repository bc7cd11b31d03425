/// Applies styles when colour is on, and nothing at all when it is off, so piped output and
/// `NO_COLOR` output are plain text.
public struct Styler: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour only on a terminal, and never with `--no-color`, `NO_COLOR` (any value) or `TERM=dumb`.
    public static func decide(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> Styler {
        let disabled = noColorFlag || environment["NO_COLOR"] != nil || environment["TERM"] == "dumb"
        return Styler(enabled: isTerminal && !disabled)
    }

    public func apply(_ styles: [ANSI.SGR], _ text: String) -> String {
        guard enabled, !styles.isEmpty, !text.isEmpty else { return text }
        return ANSI.sgr(styles) + text + ANSI.reset
    }
}

/// Accessible mode: `--plain`, `PREFLIGHT_PLAIN` (any value but empty or `0`), or a terminal
/// that cannot take control codes (`TERM=dumb`).
public enum PlainMode {
    public static func requested(flag: Bool, environment: [String: String]) -> Bool {
        if flag || environment["TERM"] == "dumb" { return true }
        guard let value = environment["PREFLIGHT_PLAIN"] else { return false }
        return !value.isEmpty && value != "0"
    }
}
