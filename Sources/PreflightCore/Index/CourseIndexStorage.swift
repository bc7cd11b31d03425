import Foundation

/// Where a course index keeps its records between runs. The index decides what a record says
/// and whether to believe it; a storage only keeps them, under the fingerprint of the course
/// and engine they were made for. PreflightStore keeps them in SQLite.
public protocol CourseIndexStorage: Sendable {
    /// Every record kept under `fingerprint`, without their check items; none when the records
    /// kept were made under another fingerprint.
    func records(fingerprint: String) throws -> [CourseIndexRecord]
    /// The check items of the records at `paths`, where kept.
    func items(fingerprint: String, paths: [String]) throws -> [String: Data]
    /// Keeps `records` (replacing those at the same paths) and forgets `removing`, in one
    /// transaction. Records kept under another fingerprint are forgotten first.
    func update(fingerprint: String, records: [CourseIndexRecord], removing: [String]) throws
}

/// One lesson file as the index last read it.
public struct CourseIndexRecord: Sendable {
    /// The file relative to the course folder: `01-basics/01-first.md`.
    public var path: String
    public var stamp: FileStamp
    /// `ContentHash` of the file's bytes; 0 for a file over the size limit, which is not read.
    public var contentHash: UInt64
    /// The file had been touched within the clock's tick of being read: the stamp alone cannot
    /// vouch for it next time.
    public var recent: Bool
    /// What reading the lesson found (`LessonFacts`), encoded with a digest.
    public var facts: Data
    /// Its check items, encoded with a digest; nil when not fetched.
    public var items: Data?

    public init(path: String, stamp: FileStamp, contentHash: UInt64, recent: Bool, facts: Data, items: Data?) {
        self.path = path
        self.stamp = stamp
        self.contentHash = contentHash
        self.recent = recent
        self.facts = facts
        self.items = items
    }
}

/// Checks run on every lesson beyond the core's own (the grader's answer-key check). Their
/// findings are kept in the index, so the name goes into its fingerprint: the same name must
/// always mean the same checks.
public struct LessonChecks: Sendable {
    public var name: String
    public var run: @Sendable (Lesson) -> [Diagnostic]

    public init(name: String, run: @escaping @Sendable (Lesson) -> [Diagnostic]) {
        self.name = name
        self.run = run
    }

    public static let none = LessonChecks(name: "none") { _ in [] }
}
