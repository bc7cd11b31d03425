/// Rules that need every lesson at once: unique ids, and `requires` naming lessons that exist
/// without forming a cycle.
enum CourseRules {
    static func check(_ lessons: [Lesson]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byID: [String: Lesson] = [:]
        for lesson in lessons {
            if let first = byID[lesson.id] {
                diagnostics.append(.error(lesson.location, "duplicate lesson id `\(lesson.id)`: also used by \(first.file)"))
            } else {
                byID[lesson.id] = lesson
            }
        }
        for lesson in lessons {
            for (index, required) in lesson.requires.enumerated() where byID[required] == nil && LessonID.isValid(required) {
                let at = index < lesson.requiresLocations.count ? lesson.requiresLocations[index] : lesson.requiresLocation
                diagnostics.append(.error(at, "`requires` names unknown lesson `\(required)`"))
            }
            if lesson.requires.contains(lesson.id) {
                diagnostics.append(.error(lesson.requiresLocation, "lesson `\(lesson.id)` requires itself"))
            }
        }
        diagnostics += cycles(lessons, byID: byID)
        return diagnostics
    }

    /// Depth-first search; each cycle is reported once, at the first lesson of it in course order.
    private static func cycles(_ lessons: [Lesson], byID: [String: Lesson]) -> [Diagnostic] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var diagnostics: [Diagnostic] = []

        func visit(_ id: String, path: [String]) {
            if marks[id] == .done { return }
            if marks[id] == .visiting {
                guard let start = path.firstIndex(of: id), path.count - start > 1, let lesson = byID[path[start]] else { return }
                let loop = (path[start...] + [id]).joined(separator: " -> ")
                diagnostics.append(.error(lesson.requiresLocation, "`requires` forms a cycle: \(loop)"))
                return
            }
            guard let lesson = byID[id] else { return }
            marks[id] = .visiting
            for next in lesson.requires where next != id { visit(next, path: path + [id]) }
            marks[id] = .done
        }

        for lesson in lessons { visit(lesson.id, path: []) }
        return diagnostics
    }
}
