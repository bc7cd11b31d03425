import Foundation

/// What reading one lesson file found, as the course index keeps it: everything a command asks
/// of a lesson it does not open. Paths in it are relative to the course folder, so a record
/// holds whatever folder a command runs from; `relocated` turns them into the paths shown.
struct LessonFacts: Sendable, Codable {
    /// Nil when the file could not become a lesson.
    var summary: LessonSummary?
    /// The `id:` line of a file that could not become a lesson, read as plain text.
    var salvagedID: String?
    /// The loader's diagnostics, without the link check (which depends on other files).
    var diagnostics: [Diagnostic]
    var links: [LinkCheck.Target]
    var allowances: [LintAllowance]
    /// What `LessonChecks` found.
    var checks: [Diagnostic]

    /// Reads a lesson for the index: the file shown as `file.path`, relative to the course.
    static func read(_ contents: LessonFile, file: CourseScan.LessonFile, config: CourseConfig, checks: LessonChecks) -> (LessonFacts, [CheckItem]) {
        let (lesson, diagnostics) = CourseLoader.readLesson(contents, displayPath: file.path, config: config, sectionID: file.sectionID)
        guard let lesson else {
            let salvaged: String?
            if case .bytes(let bytes) = contents.contents { salvaged = UnreadableLessons.salvageID(Data(bytes)) } else { salvaged = UnreadableLessons.salvageID(file.url) }
            return (LessonFacts(summary: nil, salvagedID: salvaged, diagnostics: diagnostics, links: [], allowances: [], checks: []), [])
        }
        let facts = LessonFacts(
            summary: LessonSummary(lesson), salvagedID: nil, diagnostics: diagnostics, links: LinkCheck.targets(in: lesson.document),
            allowances: lesson.lintAllowances, checks: checks.run(lesson))
        return (facts, CheckItem.items(for: lesson))
    }

    func relocated(from path: String, to shown: String) -> LessonFacts {
        guard path != shown else { return self }
        var moved = self
        moved.summary = summary?.relocated(from: path, to: shown)
        moved.diagnostics = diagnostics.map { $0.relocated(from: path, to: shown) }
        moved.allowances = allowances.map { $0.relocated(from: path, to: shown) }
        moved.checks = checks.map { $0.relocated(from: path, to: shown) }
        return moved
    }
}

/// Encoded values with a digest in front, so a record damaged in storage is read again from its
/// file rather than believed.
enum Sealed {
    static func seal<Value: Encodable>(_ value: Value) -> Data {
        guard let body = try? JSONEncoder().encode(value) else { return Data() }
        var digest = ContentHash.of(body).littleEndian
        return withUnsafeBytes(of: &digest) { Data($0) } + body
    }

    static func open<Value: Decodable>(_ data: Data, as type: Value.Type) -> Value? {
        guard data.count > 8 else { return nil }
        let body = data.dropFirst(8)
        let stored = data.prefix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard ContentHash.of(Data(body)) == stored else { return nil }
        return try? JSONDecoder().decode(type, from: body)
    }
}

extension SourceLocation {
    func relocated(from path: String, to shown: String) -> SourceLocation {
        file == path ? SourceLocation(file: shown, line: line, column: column) : self
    }
}

extension Diagnostic {
    func relocated(from path: String, to shown: String) -> Diagnostic {
        var moved = self
        moved.location = location.relocated(from: path, to: shown)
        return moved
    }
}

extension LintAllowance {
    func relocated(from path: String, to shown: String) -> LintAllowance {
        var moved = self
        moved.location = location.relocated(from: path, to: shown)
        return moved
    }
}

extension LessonSummary {
    func relocated(from path: String, to shown: String) -> LessonSummary {
        var moved = self
        if file == path { moved.file = shown }
        moved.location = location.relocated(from: path, to: shown)
        moved.requiresLocation = requiresLocation.relocated(from: path, to: shown)
        moved.requiresLocations = requiresLocations.map { $0.relocated(from: path, to: shown) }
        moved.formerIDLocations = formerIDLocations.map { $0.relocated(from: path, to: shown) }
        return moved
    }
}

extension CheckItem {
    func relocated(from path: String, to shown: String) -> CheckItem {
        guard path != shown else { return self }
        var moved = self
        moved.example.location = example.location.relocated(from: path, to: shown)
        moved.example.expected.location = example.expected.location.relocated(from: path, to: shown)
        return moved
    }
}
