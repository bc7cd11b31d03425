import PreflightCore
import PreflightStore

/// Everything the learn screen shows, and how keys change it. Pure: no terminal, no store, no
/// processes. Keys produce `LearnEffect`s that the event loop carries out.
public struct LearnState {
    public enum Mode: Equatable {
        case reading
        /// The lesson list, with the highlighted row.
        case lessonList(selected: Int)
        /// Lines to show (an example's result) until a key is pressed.
        case panel(title: String, lines: [String])
        case help
    }

    /// The course's outline; its lessons are read from `lessons` as the learner reaches them.
    public let course: CourseOutline
    public let lessons: LessonShelf
    public private(set) var lessonIndex: Int
    /// The lesson at `lessonIndex`, read.
    public private(set) var lesson: Lesson
    public private(set) var sectionIndex: Int
    public var scroll = 0
    public var mode: Mode = .reading
    public var message: String?
    public var statuses: [String: LessonProgress.Status]
    public var examplesRun: Set<Int>

    /// - Parameter lesson: the lesson at `lessonIndex` of the outline, already read.
    public init(
        course: CourseOutline, lessons: LessonShelf, lessonIndex: Int, lesson: Lesson, sectionIndex: Int,
        statuses: [String: LessonProgress.Status], examplesRun: Set<Int>
    ) {
        self.course = course
        self.lessons = lessons
        self.lessonIndex = min(max(lessonIndex, 0), max(course.lessons.count - 1, 0))
        self.lesson = lesson
        lessons.keep(lesson, at: self.lessonIndex)
        self.statuses = statuses
        self.examplesRun = examplesRun
        self.sectionIndex = min(max(sectionIndex, 0), max(lesson.sections.count - 1, 0))
    }
    public var section: LessonSection { lesson.sections[sectionIndex] }
    public var isLastSection: Bool { sectionIndex == lesson.sections.count - 1 }

    /// Examples whose code or expected output stands in the current section.
    public var sectionExamples: [Example] {
        let range = lineRange(of: sectionIndex)
        return lesson.examples.filter { range.contains($0.location.line) || range.contains($0.expected.location.line) }
    }

    func lineRange(of index: Int) -> Range<Int> {
        let start = lesson.sections[index].location.line
        let end = index + 1 < lesson.sections.count ? lesson.sections[index + 1].location.line : Int.max
        return start..<end
    }

    /// A lesson is complete once its last section was reached and every example was run.
    public var completionEarned: Bool {
        isLastSection && Set(lesson.examples.map(\.index)).isSubset(of: examplesRun)
    }

    public var percentOfCourse: Int {
        course.lessons.isEmpty ? 0 : course.lessons.filter { statuses[$0.id] == .done }.count * 100 / course.lessons.count
    }

    public mutating func handle(_ key: Key) -> [LearnEffect] {
        message = nil
        switch mode {
        case .panel, .help:
            mode = .reading
            return key == .controlC ? [.quit] : []
        case .lessonList(let selected):
            return handleList(key, selected: selected)
        case .reading:
            return handleReading(key)
        }
    }

    private mutating func handleReading(_ key: Key) -> [LearnEffect] {
        switch key {
        case .character("q"), .controlC, .controlD: return [.quit]
        case .right, .character("n"), .character(" "), .enter: return moveSection(by: 1)
        case .left, .character("p"), .backspace: return moveSection(by: -1)
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(0, scroll - 10)
        case .home: scroll = 0
        case .character("r"):
            let examples = sectionExamples
            guard !examples.isEmpty else {
                let place = lesson.sections.firstIndex { section in lesson.examples.contains { $0.location.line >= section.location.line } }
                message = place == nil ? "This lesson has no runnable examples." : "No example in this section; the examples are under \u{201C}\(lesson.sections[place!].title)\u{201D}."
                return []
            }
            return [.runExamples(examples)]
        case .character("t"): return [.takeQuiz(lesson)]
        case .character("l"): mode = .lessonList(selected: lessonIndex)
        case .character("m"):
            statuses[lesson.id] = .done
            message = "Marked \u{201C}\(lesson.title)\u{201D} as done."
            return [.markDone(lesson.id)]
        case .character("?"), .character("h"): mode = .help
        default: break
        }
        return []
    }

    private mutating func handleList(_ key: Key, selected: Int) -> [LearnEffect] {
        let count = course.lessons.count
        switch key {
        case .up, .character("k"): mode = .lessonList(selected: max(0, selected - 1))
        case .down, .character("j"): mode = .lessonList(selected: min(count - 1, selected + 1))
        case .enter, .right:
            return open(lessonAt: selected, section: 0)
        case .escape, .character("l"), .left: mode = .reading
        case .character("q"), .controlC, .controlD: return [.quit]
        default: break
        }
        return []
    }

    public mutating func moveSection(by step: Int) -> [LearnEffect] {
        let target = sectionIndex + step
        if target < 0 {
            guard lessonIndex > 0 else { message = "This is the start of the course."; return [] }
            return open(lessonAt: lessonIndex - 1, section: (lessons.lesson(at: lessonIndex - 1)?.sections.count ?? 1) - 1)
        }
        if target >= lesson.sections.count {
            guard lessonIndex + 1 < course.lessons.count else { message = "This is the end of the course."; return [] }
            return open(lessonAt: lessonIndex + 1, section: 0)
        }
        sectionIndex = target
        scroll = 0
        return positionEffects()
    }

    /// Switches lesson; the loop answers with `lessonOpened` once it has that lesson's runs.
    public mutating func open(lessonAt index: Int, section: Int) -> [LearnEffect] {
        guard let next = lessons.lesson(at: index) else {
            message = "\u{201C}\(course.lessons[index].title)\u{201D} cannot be read now; run `preflight lint` to see why."
            return []
        }
        lessonIndex = index
        lesson = next
        sectionIndex = max(0, min(section, lesson.sections.count - 1))
        scroll = 0
        mode = .reading
        return [.loadLesson(lesson.id)] + positionEffects()
    }

    public mutating func lessonOpened(examplesRun: Set<Int>) {
        self.examplesRun = examplesRun
    }

    public mutating func examplesFinished(_ results: [(Example, Bool)], panel: [String]) -> [LearnEffect] {
        for (example, _) in results { examplesRun.insert(example.index) }
        let passed = results.filter(\.1).count
        message = nil
        mode = .panel(title: "\(passed) of \(results.count) example\(results.count == 1 ? "" : "s") passed", lines: panel)
        return completionEffects()
    }

    private mutating func positionEffects() -> [LearnEffect] {
        if statuses[lesson.id] == nil || statuses[lesson.id] == .notStarted { statuses[lesson.id] = .inProgress }
        return [.savePosition(lesson.id, sectionIndex)] + completionEffects()
    }

    private mutating func completionEffects() -> [LearnEffect] {
        guard completionEarned, statuses[lesson.id] != .done else { return [] }
        statuses[lesson.id] = .done
        message = "Lesson complete: \u{201C}\(lesson.title)\u{201D}."
        return [.markDone(lesson.id)]
    }
}

/// What the event loop must do after a key.
public enum LearnEffect {
    case quit
    case savePosition(String, Int)
    case markDone(String)
    case runExamples([Example])
    case takeQuiz(Lesson)
    case loadLesson(String)
}
