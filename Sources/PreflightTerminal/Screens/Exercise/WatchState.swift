import PreflightApp
import PreflightCore

/// The watch screen's state: which exercise is being watched, the last check's lines, the
/// hints shown. Pure; `WatchLoop` feeds it events and carries out its effects.
public struct WatchState {
    public enum Mode: Equatable { case watching, list }

    public let exercises: [Exercise]
    public private(set) var index: Int
    public var statuses: [String: ExerciseStatus]
    public var hintsShown: [String: Int]
    public var resultLines: [String] = []
    public var message: String?
    public var mode: Mode = .watching
    public var checking = false

    public init(exercises: [Exercise], index: Int, statuses: [String: ExerciseStatus], hintsShown: [String: Int]) {
        self.exercises = exercises
        self.index = max(0, min(index, exercises.count - 1))
        self.statuses = statuses
        self.hintsShown = hintsShown
    }

    public var current: Exercise { exercises[index] }

    public enum Effect: Equatable { case quit, revealHint, check, switchTo(Int) }

    public mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        if mode == .list {
            mode = .watching
            if case .character(let c) = key, let number = c.wholeNumberValue, number >= 1, number <= exercises.count {
                return [.switchTo(number - 1)]
            }
            return key == .controlC || key == .character("q") ? [.quit] : []
        }
        switch key {
        case .character("q"), .controlC, .controlD: return [.quit]
        case .character("h"): return [.revealHint]
        case .character("l"): mode = .list
        case .character("c"), .enter: return [.check]
        case .character("n"):
            guard index + 1 < exercises.count else { message = "This is the last exercise."; return [] }
            return [.switchTo(index + 1)]
        default: break
        }
        return []
    }

    /// After a passing check the watch moves on (the application layer's rule says where).
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
    }
}
