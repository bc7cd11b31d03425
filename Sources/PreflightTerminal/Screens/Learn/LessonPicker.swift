import PreflightApp
import PreflightCore

/// The lesson list's state: every lesson of the course (unavailable ones too) under its
/// section, the highlighted one, what the learner typed after `/` to narrow the list, and how
/// far the list is scrolled. Pure: `LearnState` feeds it keys.
public struct LessonPicker: Equatable {
    public struct Row: Equatable {
        /// Index into the course's lessons; nil for an unavailable lesson.
        public var lessonIndex: Int?
        public var id: String?
        public var title: CourseText?
        public var sectionID: String
        /// For an unavailable lesson: its file and first error.
        public var file: String
        public var problem: String?
    }

    public let rows: [Row]
    /// Index into `visible`.
    public private(set) var selected: Int
    public private(set) var filter = ""
    /// True while the learner is typing a filter.
    public private(set) var typing = false
    /// The first list line on screen; the screen keeps the selected row in view.
    public var top = 0
    /// Rows the screen showed last, for paging.
    public var page = 10

    public init(rows: [Row], selectedLesson: Int) {
        self.rows = rows
        selected = rows.firstIndex { $0.lessonIndex == selectedLesson } ?? 0
    }

    /// The rows matching the filter, in course order.
    public var visible: [Row] {
        filter.isEmpty ? rows : rows.filter { LessonFilter.matches(filter, id: $0.id ?? $0.file, title: $0.title) }
    }

    public var selectedRow: Row? {
        let visible = visible
        return visible.indices.contains(selected) ? visible[selected] : nil
    }

    public enum Outcome: Equatable { case stay, close, open(Row), quit }

    public mutating func handle(_ key: Key) -> Outcome {
        let count = visible.count
        if typing {
            switch key {
            case .enter:
                typing = false
                return selectedRow.map(Outcome.open) ?? .stay
            case .escape:
                typing = false
                filter = ""
                selected = 0
            case .backspace:
                if filter.isEmpty { typing = false } else { filter.removeLast(); selected = 0 }
            case .up: selected = max(0, selected - 1)
            case .down: selected = min(max(count - 1, 0), selected + 1)
            case .controlC: return .quit
            case .character(let character):
                filter.append(character)
                selected = 0
            default: break
            }
            return .stay
        }
        switch key {
        case .up, .character("k"): selected = max(0, selected - 1)
        case .down, .character("j"): selected = min(max(count - 1, 0), selected + 1)
        case .pageUp: selected = max(0, selected - max(page - 1, 1))
        case .pageDown, .character(" "): selected = min(max(count - 1, 0), selected + max(page - 1, 1))
        case .home, .character("g"): selected = 0
        case .end, .character("G"): selected = max(count - 1, 0)
        case .character("/"):
            typing = true
        case .enter, .right:
            return selectedRow.map(Outcome.open) ?? .stay
        case .escape, .left, .character("l"):
            if !filter.isEmpty {
                filter = ""
                selected = 0
                return .stay
            }
            return .close
        case .character("q"), .controlC, .controlD: return .quit
        default: break
        }
        return .stay
    }

    /// Builds the rows from the course's entries, lessons and unavailable ones in course order.
    public static func rows(course: CourseOutline, entries: [OpenedCourse.Entry]) -> [Row] {
        let indexByID = Dictionary(course.lessons.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let listed = entries.isEmpty ? course.lessons.map(OpenedCourse.Entry.lesson) : entries
        return listed.map { entry in
            switch entry {
            case .lesson(let lesson):
                return Row(lessonIndex: indexByID[lesson.id], id: lesson.id, title: lesson.title, sectionID: lesson.sectionID, file: lesson.file, problem: nil)
            case .unavailable(let broken):
                let at = broken.problem.location
                return Row(lessonIndex: nil, id: broken.lessonID, title: broken.title, sectionID: broken.sectionID, file: broken.file,
                           problem: "\(at.file):\(at.line):\(at.column): \(broken.problem.message)")
            }
        }
    }
}
