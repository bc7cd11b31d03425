import Foundation

/// The course as commands need it without reading every lesson: the outline, every diagnostic
/// the loader would report, and each lesson's allowances, link targets and check items, kept
/// in a `CourseIndexStorage` between runs and refreshed file by file.
///
/// Every open scans course.yaml and the folders and compares each lesson file's stamp with the
/// record kept for it. A file whose stamp changed (or was recent when last read) is read again;
/// when its contents hash as before, its record stands; otherwise it is parsed. A record that
/// does not decode or whose digest does not match is parsed again, and records made for
/// another engine, another set of lesson checks, another folder or another course.yaml are not
/// used at all. So what the index reports is what reading every file now would report.
public struct CourseIndex: Sendable {
    /// How an open went: how many lessons were parsed, taken from the index by their stamp,
    /// or re-read and found unchanged, and whether the index could be kept.
    public struct Refresh: Sendable, Equatable {
        public var parsed = 0
        public var reused = 0
        public var rehashed = 0
        public var removed = 0
        /// False when the storage could not be read or written (the course was still read).
        public var stored = true
    }

    public let outline: CourseOutline
    /// Exactly what `CourseLoader.load` reports for this course.
    public let diagnostics: [Diagnostic]
    /// course.yaml's and the lessons' `preflight-lint: allow` comments.
    public let lintAllowances: [LintAllowance]
    /// What the `LessonChecks` found, lesson by lesson in course order.
    public let lessonCheckDiagnostics: [Diagnostic]
    public let refresh: Refresh
    /// Every file read or refused as a lesson, in course order, as `CourseLoader.load` lists them.
    public let lessonFiles: [CourseLoadResult.LessonFile]

    /// Each lesson's file, parallel to `outline.lessons`.
    private let files: [CourseScan.LessonFile]
    private let storage: CourseIndexStorage?
    private let fingerprint: String
    /// Check items of the lessons parsed by this open, by path.
    private let freshItems: [String: Data]
    /// Position in `outline.lessons` by the file as shown.
    private let positions: [String: Int]

    /// Where a command keeps the index: the engine reading the course (records made by another
    /// are not used), and the storage for a course, given its configuration.
    public struct Options {
        public var engine: String
        public var storage: (CourseConfig) -> CourseIndexStorage?

        public init(engine: String, storage: @escaping (CourseConfig) -> CourseIndexStorage?) {
            self.engine = engine
            self.storage = storage
        }
    }

    public struct Result: Sendable {
        /// Nil when course.yaml cannot be used.
        public var index: CourseIndex?
        public var diagnostics: [Diagnostic]
        public var lintAllowances: [LintAllowance]
    }

    /// Format of the records: part of the fingerprint, so a new format never reads an old one.
    static let format = "course-index-2"

    /// - Parameters:
    ///   - engine: names the program and version reading the course; records made by another
    ///     are not used (a new release may read lessons differently).
    ///   - storage: where the records are kept, given the course's configuration (its id names
    ///     the file); nil to read every lesson and keep nothing.
    public static func open(
        _ root: URL, displayPath: (URL) -> String = { $0.path }, checks: LessonChecks = .none, engine: String,
        storage: (CourseConfig) -> CourseIndexStorage?
    ) -> Result {
        let scan = CourseScan.read(root, displayPath: displayPath)
        guard let config = scan.config, let configBytes = scan.configBytes else {
            return Result(index: nil, diagnostics: scan.configDiagnostics, lintAllowances: scan.configAllowances)
        }
        let fingerprint = StableHash.hex(
            [format, engine, checks.name, root.standardizedFileURL.path, String(ContentHash.of(configBytes), radix: 16)].joined(separator: "\u{1F}"))
        let storage = storage(config)
        var refresh = Refresh()
        var kept: [String: CourseIndexRecord] = [:]
        if let storage {
            do {
                for record in try storage.records(fingerprint: fingerprint) { kept[record.path] = record }
            } catch {
                refresh.stored = false
            }
        }

        let files = scan.files
        let previous = kept
        let outcomes = ParallelWork.map(files.count) { index in
            Self.refresh(files[index], kept: previous[files[index].path], config: config, checks: checks)
        }

        let changed = outcomes.compactMap { $0.changed ? $0.record : nil }
        let present = Set(files.map(\.path))
        let removing = kept.keys.filter { !present.contains($0) }.sorted()
        if let storage, refresh.stored, !changed.isEmpty || !removing.isEmpty {
            do { try storage.update(fingerprint: fingerprint, records: changed, removing: removing) } catch { refresh.stored = false }
        }
        refresh.removed = removing.count
        for outcome in outcomes {
            switch outcome.kind {
            case .parsed: refresh.parsed += 1
            case .reused: refresh.reused += 1
            case .rehashed: refresh.rehashed += 1
            }
        }

        // The same assembly as `CourseLoader.load`, from the records.
        let shown = files.map { displayPath($0.url) }
        let facts = outcomes.indices.map { outcomes[$0].facts.relocated(from: files[$0].path, to: shown[$0]) }
        var unreadable = UnreadableLessons()
        var lessons: [LessonSummary] = []
        var lessonFiles: [CourseScan.LessonFile] = []
        var allowances = scan.configAllowances
        var lessonChecks: [Diagnostic] = []
        for (index, fact) in facts.enumerated() {
            guard let summary = fact.summary else {
                if let id = fact.salvagedID { unreadable.ids.insert(id) } else { unreadable.unidentified.append(shown[index]) }
                continue
            }
            lessons.append(summary)
            lessonFiles.append(files[index])
            allowances += fact.allowances
            lessonChecks += fact.checks
        }
        let perFile = facts.indices.map { index in
            facts[index].diagnostics + LinkCheck.diagnostics(for: facts[index].links, file: files[index].url, displayPath: shown[index])
        }
        let diagnostics = scan.diagnostics(perFile: perFile, rules: CourseRules.check(lessons, unreadable: unreadable))
        var freshItems: [String: Data] = [:]
        for outcome in outcomes where outcome.kind == .parsed { freshItems[outcome.record.path] = outcome.record.items }
        var positions: [String: Int] = [:]
        for (position, lesson) in lessons.enumerated() where positions[lesson.file] == nil { positions[lesson.file] = position }
        let index = CourseIndex(
            outline: CourseOutline(root: root, config: config, lessons: lessons), diagnostics: diagnostics, lintAllowances: allowances,
            lessonCheckDiagnostics: lessonChecks, refresh: refresh,
            lessonFiles: scan.lessonFileList(ids: facts.map { $0.summary?.id ?? $0.salvagedID }, loaded: facts.map { $0.summary != nil }, displayPath: displayPath),
            files: lessonFiles, storage: storage,
            fingerprint: fingerprint, freshItems: freshItems, positions: positions)
        return Result(index: index, diagnostics: diagnostics, lintAllowances: allowances)
    }

    private struct Outcome: Sendable {
        enum Kind: Sendable { case parsed, reused, rehashed }
        var kind: Kind
        var record: CourseIndexRecord
        var facts: LessonFacts
        /// The record must be written back.
        var changed: Bool
    }

    /// One file: its kept record when the stamp vouches for it, else the file read again.
    private static func refresh(_ file: CourseScan.LessonFile, kept: CourseIndexRecord?, config: CourseConfig, checks: LessonChecks) -> Outcome {
        if let kept, !kept.recent, FileStamp.of(file.url) == kept.stamp, let facts = Sealed.open(kept.facts, as: LessonFacts.self) {
            return Outcome(kind: .reused, record: kept, facts: facts, changed: false)
        }
        let contents = LessonFile.read(file.url, maxSize: config.maxFileSize)
        let hash: UInt64
        if case .bytes(let bytes) = contents.contents { hash = ContentHash.of(bytes) } else { hash = 0 }
        let stamp = contents.stamp ?? FileStamp(size: -1, modified: 0, changed: 0, inode: 0, device: 0)
        let recent = contents.stamp.map { $0.isRecent(at: contents.readAt) } ?? true
        if let kept, hash != 0, kept.contentHash == hash, let facts = Sealed.open(kept.facts, as: LessonFacts.self) {
            var record = kept
            record.stamp = stamp
            record.recent = recent
            record.items = nil
            let unchanged = kept.stamp == stamp && kept.recent == recent
            return Outcome(kind: .rehashed, record: record, facts: facts, changed: !unchanged)
        }
        let (facts, items) = LessonFacts.read(contents, file: file, config: config, checks: checks)
        let record = CourseIndexRecord(
            path: file.path, stamp: stamp, contentHash: hash, recent: recent, facts: Sealed.seal(facts), items: Sealed.seal(items))
        return Outcome(kind: .parsed, record: record, facts: facts, changed: true)
    }

    // MARK: - Lessons on demand

    /// Reads one lesson in full, as `CourseLoader.loadLesson` does (links checked).
    public func load(_ lesson: LessonSummary) -> (Lesson?, [Diagnostic]) {
        guard let file = file(of: lesson) else { return (nil, []) }
        return CourseLoader.loadLesson(file.url, displayPath: lesson.file, config: outline.config, sectionID: file.sectionID)
    }

    /// Reads the lessons in full on every core, each with what reading it found.
    public func loadEach(_ lessons: [LessonSummary]) -> [(Lesson?, [Diagnostic])] {
        ParallelWork.map(lessons.count) { self.load(lessons[$0]) }
    }

    /// The lessons' examples and predict-the-output questions, in course order, from the index
    /// where it holds them for the file as it is, read from the lesson otherwise.
    public func checkItems(for lessons: [LessonSummary]) -> [CheckItem] {
        let wanted = lessons.compactMap { lesson in file(of: lesson).map { (lesson, $0) } }
        let missing = wanted.map(\.1.path).filter { freshItems[$0] == nil }
        let stored = storage.flatMap { storage in missing.isEmpty ? nil : try? storage.items(fingerprint: fingerprint, paths: missing) } ?? [:]
        let perLesson = ParallelWork.map(wanted.count) { index -> [CheckItem] in
            let (lesson, file) = wanted[index]
            if let data = freshItems[file.path] ?? stored[file.path], let items = Sealed.open(data, as: [CheckItem].self) {
                return items.map { $0.relocated(from: file.path, to: lesson.file) }
            }
            return load(lesson).0.map(CheckItem.items(for:)) ?? []
        }
        return perLesson.flatMap { $0 }
    }

    private func file(of lesson: LessonSummary) -> CourseScan.LessonFile? {
        positions[lesson.file].map { files[$0] }
    }
}
