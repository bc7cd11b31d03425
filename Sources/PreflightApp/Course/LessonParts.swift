import PreflightCore

/// A lesson read part by part (its H2 sections): which examples stand in each part, and which
/// parts have any, so the `r` key can run the right ones or say where they are.
public struct LessonParts: Sendable {
    public let lesson: Lesson

    public init(_ lesson: Lesson) { self.lesson = lesson }

    public var count: Int { lesson.sections.count }

    /// The source lines of part `index`: from its heading to the next part's.
    public func lines(of index: Int) -> Range<Int> {
        let start = index == 0 ? 1 : lesson.sections[index].location.line
        let end = index + 1 < lesson.sections.count ? lesson.sections[index + 1].location.line : Int.max
        return start..<max(start, end)
    }

    /// Examples whose code or expected output stands in part `index`.
    public func examples(inPart index: Int) -> [Example] {
        guard lesson.sections.indices.contains(index) else { return [] }
        let range = lines(of: index)
        return lesson.examples.filter { range.contains($0.location.line) || range.contains($0.expected.location.line) }
    }

    /// The parts holding at least one example, in order.
    public var partsWithExamples: [Int] {
        lesson.sections.indices.filter { !examples(inPart: $0).isEmpty }
    }
}

/// Narrowing the lesson list as the learner types: every word of the query must appear in the
/// lesson's id or title, ignoring case.
public enum LessonFilter {
    public static func matches(_ query: String, id: String, title: CourseText?) -> Bool {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack = id.lowercased() + " " + (title?.unescaped.lowercased() ?? "")
        return words.allSatisfy { haystack.contains($0) }
    }
}
