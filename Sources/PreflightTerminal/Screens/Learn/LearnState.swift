import Foundation
import PreflightApp
import PreflightCore

/// Everything the learn screen shows, and how keys change it. Pure apart from the clock: no
/// terminal, no store, no processes. Keys produce `LearnEffect`s that the event loop carries
/// out. The rules it follows (where a lesson opens, where the examples are, when a lesson is
/// complete) are the application layer's.
public struct LearnState {
    public enum Mode: Equatable {
        case reading
        case lessonList(LessonPicker)
        /// Lines to show (an example's result, the keys) until a key other than scrolling.
        case panel(title: String, lines: [String])
    }

    /// The course's outline; its lessons are read from `lessons` as the learner reaches them.
    public let course: CourseOutline
    public let lessons: LessonShelf
    public private(set) var lessonIndex: Int
    /// The lesson at `lessonIndex`, read.
    public private(set) var lesson: Lesson
    /// The part of the lesson being read (its H2 sections), 0-based.
    public private(set) var partIndex: Int
    public var scroll = 0
    public var panelScroll = 0
    public var mode: Mode = .reading
    public var message: String?
    public private(set) var progress: CourseProgress
    public var examplesRun: Set<Int>
    /// The lesson list's rows, unavailable lessons included.
    public let pickerRows: [LessonPicker.Row]
    /// Exercises named at the end of each lesson, by lesson id: (number in the list, exercise).
    public let practice: [String: [(number: Int, exercise: Exercise)]]
    /// Body rows the screen showed last, for paging.
    public var page = 10
    /// Draws the lessons' quizzes in a repeatable order (for transcripts); nil draws afresh.
    public var quizSeed: UInt64?

    /// - Parameter lesson: the lesson at `lessonIndex` of the outline, already read.
    public init(course: CourseOutline, lessons: LessonShelf, lessonIndex: Int, lesson: Lesson, partIndex: Int, progress: CourseProgress,
                examplesRun: Set<Int>, entries: [OpenedCourse.Entry] = [], exercises: [Exercise] = []) {
        self.course = course
        self.lessons = lessons
        self.lessonIndex = min(max(lessonIndex, 0), max(course.lessons.count - 1, 0))
        self.lesson = lesson
        lessons.keep(lesson, at: self.lessonIndex)
        self.progress = progress
        self.examplesRun = examplesRun
        self.partIndex = 0
        pickerRows = LessonPicker.rows(course: course, entries: entries)
        var practice: [String: [(number: Int, exercise: Exercise)]] = [:]
        for (offset, exercise) in exercises.enumerated() { practice[exercise.lessonID, default: []].append((offset + 1, exercise)) }
        self.practice = practice
        self.partIndex = min(max(partIndex, 0), max(lesson.sections.count - 1, 0))
    }

    public var part: LessonSection { lesson.sections[partIndex] }
    public var parts: LessonParts { LessonParts(lesson) }
    public var isLastPart: Bool { partIndex == lesson.sections.count - 1 }
    public var statuses: [String: LessonStatus] { progress.records.mapValues(\.status) }

    public func status(_ lesson: Lesson) -> LessonStatus { progress.status(id: lesson.id) }

    /// Examples whose code or expected output stands in the current part.
    public var partExamples: [Example] { parts.examples(inPart: partIndex) }

    public var completionEarned: Bool {
        LessonCompletion.isEarned(lesson, part: partIndex, examplesRun: examplesRun)
    }

    public var percentOfCourse: Int { progress.percent }

    public mutating func handle(_ key: Key) -> [LearnEffect] {
        message = nil
        switch mode {
        case .panel:
            switch key {
            case .down, .character("j"): panelScroll += 1
            case .up, .character("k"): panelScroll = max(0, panelScroll - 1)
            case .pageDown, .character(" "): panelScroll += max(page - 1, 1)
            case .pageUp: panelScroll = max(0, panelScroll - max(page - 1, 1))
            case .home: panelScroll = 0
            case .controlC: return [.quit]
            default: mode = .reading
            }
            return []
        case .lessonList(var picker):
            let outcome = picker.handle(key)
            mode = .lessonList(picker)
            switch outcome {
            case .stay: return []
            case .close: mode = .reading; return []
            case .quit: return [.quit]
            case .open(let row):
                guard let index = row.lessonIndex else {
                    message = "\u{201C}" + Visible.escape(row.title ?? CourseText(row.file)) + "\u{201D} cannot be opened: " + Visible.escape(row.problem ?? "it has errors")
                    return []
                }
                return openLesson(index)
            }
        case .reading:
            return handleReading(key)
        }
    }

    private mutating func handleReading(_ key: Key) -> [LearnEffect] {
        switch key {
        case .character("q"), .controlC, .controlD: return [.quit]
        case .right, .character("n"), .character(" "), .enter: return movePart(by: 1)
        case .left, .character("p"), .backspace: return movePart(by: -1)
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .pageDown: scroll += max(page - 1, 1)
        case .pageUp: scroll = max(0, scroll - max(page - 1, 1))
        case .home: scroll = 0
        case .end: scroll = Int.max / 2
        case .character("r"):
            let examples = partExamples
            guard !examples.isEmpty else {
                message = noExampleMessage()
                return []
            }
            return [.runExamples(examples)]
        case .character("t"): return [.takeQuiz(lesson)]
        case .character("l"): showLessonList()
        case .character("m"):
            progress.markDone(lesson.id, at: Date().timeIntervalSince1970)
            message = "Marked \u{201C}" + Visible.escape(lesson.title) + "\u{201D} as done."
            return [.markDone(lesson.id)]
        case .character("?"), .character("h"): showHelp()
        default: break
        }
        return []
    }

    /// Says where the examples are when the current part has none.
    func noExampleMessage() -> String {
        let places = parts.partsWithExamples
        guard !places.isEmpty else { return "This lesson has no runnable examples." }
        let named = places.map { "part \($0 + 1) (\u{201C}" + Visible.escape(lesson.sections[$0].title) + "\u{201D})" }
        let list = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + named.last!
        return "No example in this part; run \(places.count == 1 ? "it" : "them") from \(list)."
    }

    public mutating func showLessonList() {
        mode = .lessonList(LessonPicker(rows: pickerRows, selectedLesson: lessonIndex))
    }

    public mutating func showHelp() {
        panelScroll = 0
        mode = .panel(title: "Keys", lines: Self.helpLines)
    }

    public static let helpLines = [
        "→ n Space Enter: the next part (after the last, the next lesson)",
        "← p Backspace: the previous part",
        "↓ j, ↑ k, PgDn, PgUp, Home, End: scroll this part",
        "r: run the example in this part and compare its output with the lesson's",
        "t: take this lesson's quiz",
        "l: the list of lessons (↑ ↓ PgUp PgDn Home End to move, / to filter by title or id, Enter to open)",
        "m: mark this lesson done",
        "? h: these keys",
        "q Ctrl-C: quit (your place is saved)",
        "",
        "A lesson is done once you reach its last part and have run its examples.",
    ]

    public mutating func movePart(by step: Int) -> [LearnEffect] {
        let target = partIndex + step
        if target < 0 {
            guard lessonIndex > 0 else { message = "This is the start of the course."; return [] }
            return open(lessonAt: lessonIndex - 1, part: course.lessons[lessonIndex - 1].partCount - 1)
        }
        if target >= lesson.sections.count {
            guard lessonIndex + 1 < course.lessons.count else { message = "This is the end of the course."; return [] }
            return open(lessonAt: lessonIndex + 1, part: 0)
        }
        partIndex = target
        scroll = 0
        return positionEffects()
    }

    /// Opens a lesson the learner picked: the one being read keeps its place; another opens
    /// where the learner left it (the application layer's rule).
    public mutating func openLesson(_ index: Int) -> [LearnEffect] {
        guard course.lessons.indices.contains(index) else { return [] }
        if index == lessonIndex {
            mode = .reading
            return []
        }
        return open(lessonAt: index, part: progress.part(of: course.lessons[index]))
    }

    /// Switches lesson; the loop answers with `lessonOpened` once it has that lesson's runs.
    mutating func open(lessonAt index: Int, part: Int) -> [LearnEffect] {
        // Read when first reached: a file broken since the course opened is reported, not shown.
        guard let next = lessons.lesson(at: index) else {
            mode = .reading
            message = "\u{201C}" + Visible.escape(course.lessons[index].title) + "\u{201D} cannot be read now; run `preflight lint` to see why."
            return []
        }
        lessonIndex = index
        lesson = next
        partIndex = max(0, min(part, lesson.sections.count - 1))
        scroll = 0
        mode = .reading
        examplesRun = []
        return [.loadLesson(lesson.id)] + positionEffects()
    }

    /// Saves the place the state opened at (when the course starts).
    public mutating func start() -> [LearnEffect] { positionEffects() }

    public mutating func lessonOpened(examplesRun: Set<Int>) {
        self.examplesRun = examplesRun
    }

    public mutating func examplesFinished(_ results: [(Example, Bool)], panel: [String]) -> [LearnEffect] {
        for (example, _) in results { examplesRun.insert(example.index) }
        let passed = results.filter(\.1).count
        message = nil
        panelScroll = 0
        mode = .panel(title: "\(passed) of \(results.count) example\(results.count == 1 ? "" : "s") passed", lines: panel)
        return completionEffects()
    }

    private mutating func positionEffects() -> [LearnEffect] {
        progress.read(lesson.id, part: partIndex, at: Date().timeIntervalSince1970)
        return [.savePosition(lesson.id, partIndex)] + completionEffects()
    }

    private mutating func completionEffects() -> [LearnEffect] {
        guard completionEarned, progress.status(id: lesson.id) != .done else { return [] }
        progress.markDone(lesson.id, at: Date().timeIntervalSince1970)
        message = "Lesson complete: \u{201C}" + Visible.escape(lesson.title) + "\u{201D}."
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
