/// Every escape sequence Preflight writes lives here. Text from lessons and examples never
/// reaches the terminal without `Visible.escape`, so these are the only sequences it obeys.
public enum ANSI {
    public static let esc = "\u{1B}["
    public static let reset = esc + "0m"
    public static let clearScreen = esc + "2J" + esc + "H"
    public static let clearLine = esc + "2K"
    public static let clearLineToEnd = esc + "K"
    public static let clearToEnd = esc + "J"
    public static let hideCursor = esc + "?25l"
    public static let showCursor = esc + "?25h"
    public static let enterAlternateScreen = esc + "?1049h"
    public static let leaveAlternateScreen = esc + "?1049l"

    public static func moveTo(row: Int, column: Int) -> String { esc + "\(row);\(column)H" }

    /// SGR codes for the styles the renderer uses.
    public enum SGR: String, Sendable {
        case bold = "1", dim = "2", italic = "3", underline = "4", inverse = "7"
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    public static func sgr(_ codes: [SGR]) -> String { esc + codes.map(\.rawValue).joined(separator: ";") + "m" }
}
