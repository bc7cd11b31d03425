import Foundation

/// Rules that need every lesson at once: unique ids, and `requires` naming lessons that exist,
/// that come earlier in the course, and that do not form a cycle.
enum CourseRules {
    static func check(_ lessons: [LessonSummary], unreadable: UnreadableLessons = UnreadableLessons()) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byID: [String: LessonSummary] = [:]
        var position: [String: Int] = [:]
        for (index, lesson) in lessons.enumerated() {
            if let first = byID[lesson.id] {
                diagnostics.append(.error(lesson.location, "duplicate lesson id `\(lesson.id)`: also used by \(first.file)", id: "lesson.duplicate-id"))
            } else {
                byID[lesson.id] = lesson
                position[lesson.id] = index
            }
        }
        for lesson in lessons {
            for (index, required) in lesson.requires.enumerated() where LessonID.isValid(required) && required != lesson.id {
                let at = lesson.requiresEntryLocation(index)
                guard let other = byID[required] else {
                    // A lesson that could not be read has its own error; naming it is not a second one.
                    if unreadable.ids.contains(required) { continue }
                    var notes = unreadable.unidentified.map { "\($0) could not be read; if it is `\(required)`, fix that file first" }
                    if let renamed = lessons.first(where: { $0.formerIDs.contains(required) }) {
                        notes.insert("`\(required)` was renamed `\(renamed.id)` (its `former_ids` say so); require `\(renamed.id)`", at: 0)
                    }
                    diagnostics.append(.error(at, "`requires` names unknown lesson `\(required)`", id: "requires.unknown-lesson", notes: notes))
                    continue
                }
                if let mine = position[lesson.id], let theirs = position[required], theirs > mine, byID[lesson.id]?.file == lesson.file {
                    diagnostics.append(.warning(
                        at, "`requires` names `\(required)`, which comes later in the course (\(other.file)); learners following the course order meet this lesson first",
                        id: "requires.later-lesson"))
                }
            }
            if lesson.requires.contains(lesson.id) {
                let index = lesson.requires.firstIndex(of: lesson.id) ?? 0
                diagnostics.append(.error(lesson.requiresEntryLocation(index), "lesson `\(lesson.id)` requires itself", id: "requires.self"))
            }
        }
        diagnostics += cycles(lessons, byID: byID, position: position)
        diagnostics += formerIDs(lessons, byID: byID)
        return diagnostics
    }

    /// A former id is carried over to its lesson whenever a learner's progress is opened, so it
    /// must name no lesson of the course now and belong to one lesson only: otherwise one
    /// lesson's progress would be moved into another's.
    private static func formerIDs(_ lessons: [LessonSummary], byID: [String: LessonSummary]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var claimed: [String: LessonSummary] = [:]
        for lesson in lessons {
            for (former, at) in zip(lesson.formerIDs, lesson.formerIDLocations) {
                if let current = byID[former] {
                    let whose = current.file == lesson.file ? "this lesson's own id" : "the id of lesson \(current.file)"
                    diagnostics.append(.error(at, "`former_ids` lists `\(former)`, which is \(whose); learners' progress under it would be moved to `\(lesson.id)`. List only ids no lesson has now", id: "rename.former-id-in-use"))
                } else if let other = claimed[former], other.file != lesson.file {
                    diagnostics.append(.error(at, "`\(former)` is also a former id of `\(other.id)` (\(other.file)); progress stored under it can be carried to one lesson only", id: "rename.duplicate-former-id"))
                } else {
                    claimed[former] = lesson
                }
            }
        }
        return diagnostics
    }

    /// One error per group of lessons that require each other (a strongly connected component of
    /// the `requires` graph, found with Tarjan's algorithm), however many loops run through it:
    /// reported at the group's first lesson in course order, with one loop spelled out.
    private static func cycles(_ lessons: [LessonSummary], byID: [String: LessonSummary], position: [String: Int]) -> [Diagnostic] {
        func next(_ id: String) -> [String] { (byID[id]?.requires ?? []).filter { $0 != id && byID[$0] != nil } }
        var index = 0
        var indices: [String: Int] = [:]
        var lowLinks: [String: Int] = [:]
        var stack: [String] = []
        var onStack: Set<String> = []
        var groups: [[String]] = []

        // Iterative, so a long chain of lessons cannot exhaust the stack.
        for root in lessons.map(\.id) where indices[root] == nil {
            var work: [(id: String, edge: Int)] = [(root, 0)]
            indices[root] = index; lowLinks[root] = index; index += 1
            stack.append(root); onStack.insert(root)
            while let (id, edge) = work.last {
                let edges = next(id)
                if edge < edges.count {
                    work[work.count - 1].edge += 1
                    let target = edges[edge]
                    if indices[target] == nil {
                        indices[target] = index; lowLinks[target] = index; index += 1
                        stack.append(target); onStack.insert(target)
                        work.append((target, 0))
                    } else if onStack.contains(target) {
                        lowLinks[id] = min(lowLinks[id]!, indices[target]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.id { lowLinks[parent] = min(lowLinks[parent]!, lowLinks[id]!) }
                if lowLinks[id] == indices[id] {
                    var group: [String] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        group.append(member)
                        if member == id { break }
                    }
                    if group.count > 1 { groups.append(group) }
                }
            }
        }

        return groups.compactMap { group -> Diagnostic? in
            let members = Set(group)
            guard let start = group.min(by: { position[$0, default: 0] < position[$1, default: 0] }), let first = byID[start] else { return nil }
            let loop = shortestLoop(from: start, within: members, next: next)
            let entry = first.requires.firstIndex(of: loop.dropFirst().first ?? "") ?? 0
            let others = members.subtracting(loop)
            let also = others.isEmpty ? "" : " (also involved: \(others.sorted().joined(separator: ", ")))"
            return .error(first.requiresEntryLocation(entry), "`requires` forms a cycle: \(loop.joined(separator: " -> "))\(also)", id: "requires.cycle")
        }
    }

    /// The shortest way from `start` back to itself inside its group, by breadth-first search.
    private static func shortestLoop(from start: String, within members: Set<String>, next: (String) -> [String]) -> [String] {
        var previous: [String: String] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            for target in next(id) where members.contains(target) {
                if target == start {
                    var path = [id]
                    while let before = previous[path[0]] { path.insert(before, at: 0) }
                    return path + [start]
                }
                if previous[target] == nil && target != start {
                    previous[target] = id
                    queue.append(target)
                }
            }
        }
        return [start, start]
    }
}

/// Lessons that could not be read. When the broken front matter still shows `id:`, lessons that
/// require that id are not told it is unknown: the broken file has its own error.
struct UnreadableLessons {
    var ids: Set<String> = []
    /// Files whose id could not be made out.
    var unidentified: [String] = []

    /// The `id:` line of the front matter, read as plain text.
    static func salvageID(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return salvageID(data)
    }

    static func salvageID(_ data: Data) -> String? {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if index > 0 && trimmed == "---" { break }
            guard trimmed.hasPrefix("id:") else { continue }
            let value = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return LessonID.isValid(value) ? value : nil
        }
        return nil
    }
}
