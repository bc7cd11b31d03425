import PreflightApp
import PreflightCore

/// The watch screen's state: which exercise is being watched, the last check's lines, the
/// hints shown, the list of exercises with its highlighted row and typed number. Pure;
/// `WatchLoop` feeds it events and carries out its effects. Where to go after a pass is the
/// application layer's rule.
public struct WatchState {
    public enum Mode: Equatable {
        case watching
        /// The list of exercises: the highlighted row, and digits typed so far.
        case list(selected: Int, typed: String)
        case help
    }

    public let exercises: [Exercise]
    public private(set) var index: Int
    public var statuses: [String: ExerciseStatus]
    public var hintsShown: [String: Int]
    /// The last check's lines (of every exercise passed on the way, then the current one's).
    public var resultLines: [String] = []
    public var message: String?
    public var mode: Mode = .watching
    public var checking = false
    /// The first body line on screen; a check scrolls to its result.
    public var scroll = 0
    /// Set after a check: the screen scrolls so the result is in view.
    public var revealResult = false
    /// Body rows the screen showed last, for paging.
    public var page = 10

    public init(exercises: [Exercise], index: Int, statuses: [String: ExerciseStatus], hintsShown: [String: Int]) {
        self.exercises = exercises
        self.index = max(0, min(index, exercises.count - 1))
        self.statuses = statuses
        self.hintsShown = hintsShown
    }

    public var current: Exercise { exercises[index] }
    public var doneCount: Int { exercises.filter { statuses[$0.id] == .done }.count }

    public enum Effect: Equatable { case quit, revealHint, check, edit, switchTo(Int) }

    public mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        switch mode {
        case .help:
            mode = .watching
            return key == .controlC ? [.quit] : []
        case .list(let selected, let typed):
            return handleList(key, selected: selected, typed: typed)
        case .watching:
            break
        }
        switch key {
        case .character("q"), .controlC, .controlD: return [.quit]
        case .character("h"): return [.revealHint]
        case .character("l"): mode = .list(selected: index, typed: "")
        case .character("c"), .enter: return [.check]
        case .character("e"): return [.edit]
        case .character("?"): mode = .help
        case .character("n"):
            guard index + 1 < exercises.count else { message = "This is the last exercise."; return [] }
            return [.switchTo(index + 1)]
        case .character("p"):
            guard index > 0 else { message = "This is the first exercise."; return [] }
            return [.switchTo(index - 1)]
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .pageDown, .character(" "): scroll += max(page - 1, 1)
        case .pageUp: scroll = max(0, scroll - max(page - 1, 1))
        case .home: scroll = 0
        case .end: scroll = Int.max / 2
        default: break
        }
        return []
    }

    /// ↑/↓ (or j/k) and Enter, or the exercise's number: a number that starts no other (with 11
    /// exercises, `2`, or `1` then `1`) opens at once; `1` waits for a second digit or Enter.
    private mutating func handleList(_ key: Key, selected: Int, typed: String) -> [Effect] {
        let last = exercises.count - 1
        switch key {
        case .up, .character("k"): mode = .list(selected: max(0, selected - 1), typed: "")
        case .down, .character("j"): mode = .list(selected: min(last, selected + 1), typed: "")
        case .home: mode = .list(selected: 0, typed: "")
        case .end: mode = .list(selected: last, typed: "")
        case .enter, .right:
            mode = .watching
            return selected == index ? [] : [.switchTo(selected)]
        case .backspace:
            mode = .list(selected: selected, typed: String(typed.dropLast()))
        case .character(let character) where character.isASCII && character.isWholeNumber:
            let digits = typed + String(character)
            guard let number = Int(digits), number >= 1, number <= exercises.count else {
                message = "There is no exercise \(digits); they are numbered 1 to \(exercises.count)."
                mode = .list(selected: selected, typed: "")
                return []
            }
            // Another exercise's number starts with these digits: wait for the next one, or Enter.
            if number * 10 <= exercises.count {
                mode = .list(selected: number - 1, typed: digits)
                return []
            }
            mode = .watching
            return number - 1 == index ? [] : [.switchTo(number - 1)]
        case .controlC: return [.quit]
        case .escape, .character("l"), .character("q"), .left: mode = .watching
        default: break
        }
        return []
    }

    /// After a passing check: the exercise is done; the application layer says where to go.
    public mutating func passed() -> [Effect] {
        statuses[current.id] = .done
        guard let next = ExerciseSession.next(after: index, in: exercises, statuses: statuses) else {
            message = "Every exercise passes. Well done!"
            return []
        }
        message = "Passed! Moving on to \u{201C}" + Visible.escape(exercises[next].title) + "\u{201D}."
        return [.switchTo(next)]
    }

    public mutating func switchTo(_ newIndex: Int) {
        index = max(0, min(newIndex, exercises.count - 1))
        resultLines = []
        scroll = 0
    }
}
