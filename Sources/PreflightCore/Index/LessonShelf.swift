import Synchronization

/// A course's lessons, each read the first time it is asked for and then kept: the learn screen
/// reads the lesson it opens, and the next one only when the learner moves there.
public final class LessonShelf: Sendable {
    private let kept: Mutex<[Int: Lesson]>
    private let read: @Sendable (Int) -> Lesson?

    /// - Parameter read: reads the lesson at a position of the course's outline; nil when it
    ///   cannot be read.
    public init(read: @escaping @Sendable (Int) -> Lesson?) {
        kept = Mutex([:])
        self.read = read
    }

    public func lesson(at index: Int) -> Lesson? {
        if let lesson = kept.withLock({ $0[index] }) { return lesson }
        guard let lesson = read(index) else { return nil }
        kept.withLock { $0[index] = lesson }
        return lesson
    }

    /// Whether the lesson at `index` has been read already.
    public func has(_ index: Int) -> Bool { kept.withLock { $0[index] != nil } }

    /// Keeps a lesson already read, so it is not read again.
    public func keep(_ lesson: Lesson, at index: Int) { kept.withLock { $0[index] = lesson } }
}
