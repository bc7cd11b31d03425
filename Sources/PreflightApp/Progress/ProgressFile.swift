import Foundation

/// The progress file that moves a learner's progress between the terminal and the website, in
/// either direction (docs/progress-format.md). The site keeps the same document in the browser's
/// local storage, so its export button writes it as is and its import button merges one in.
public struct ProgressFile: Codable, Sendable, Equatable {
    public static let formatName = "preflight-progress"
    public static let currentVersion = 1

    public struct LessonEntry: Codable, Sendable, Equatable {
        /// `done` or `in-progress`.
        public var status: String
        public var updatedAt: String?

        public init(status: String, updatedAt: String?) {
            self.status = status
            self.updatedAt = updatedAt
        }

        enum CodingKeys: String, CodingKey { case status, updatedAt = "updated_at" }
    }

    public struct QuestionEntry: Codable, Sendable, Equatable {
        public var lesson: String
        /// The answer as the learner gave it (`B (p99)`, free text).
        public var answer: String
        public var correct: Bool
        /// 0…1, with partial credit.
        public var score: Double
        public var answeredAt: String

        public init(lesson: String, answer: String, correct: Bool, score: Double, answeredAt: String) {
            self.lesson = lesson
            self.answer = answer
            self.correct = correct
            self.score = score
            self.answeredAt = answeredAt
        }

        enum CodingKeys: String, CodingKey { case lesson, answer, correct, score, answeredAt = "answered_at" }
    }

    public struct FlashcardEntry: Codable, Sendable, Equatable {
        /// `again` or `good`.
        public var rating: String
        public var reviewedAt: String

        public init(rating: String, reviewedAt: String) {
            self.rating = rating
            self.reviewedAt = reviewedAt
        }

        enum CodingKeys: String, CodingKey { case rating, reviewedAt = "reviewed_at" }
    }

    public var format: String
    public var version: Int
    public var course: String
    public var exportedAt: String?
    public var lessons: [String: LessonEntry]
    public var questions: [String: QuestionEntry]
    public var flashcards: [String: FlashcardEntry]

    public init(course: String, exportedAt: Date, lessons: [String: LessonEntry] = [:], questions: [String: QuestionEntry] = [:], flashcards: [String: FlashcardEntry] = [:]) {
        format = Self.formatName
        version = Self.currentVersion
        self.course = course
        self.exportedAt = Self.timestamp(exportedAt)
        self.lessons = lessons
        self.questions = questions
        self.flashcards = flashcards
    }

    enum CodingKeys: String, CodingKey { case format, version, course, exportedAt = "exported_at", lessons, questions, flashcards }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        course = try container.decode(String.self, forKey: .course)
        exportedAt = try container.decodeIfPresent(String.self, forKey: .exportedAt)
        lessons = try container.decodeIfPresent([String: LessonEntry].self, forKey: .lessons) ?? [:]
        questions = try container.decodeIfPresent([String: QuestionEntry].self, forKey: .questions) ?? [:]
        flashcards = try container.decodeIfPresent([String: FlashcardEntry].self, forKey: .flashcards) ?? [:]
    }

    public enum ReadError: Error, CustomStringConvertible {
        case notJSON(String)
        case wrongFormat(String)
        case newerVersion(Int)

        public var description: String {
            switch self {
            case .notJSON(let detail): return "not a progress file (JSON could not be read: \(detail))"
            case .wrongFormat(let found): return "not a Preflight progress file (`format` is \"\(found)\", expected \"\(ProgressFile.formatName)\")"
            case .newerVersion(let version): return "progress file version \(version) is newer than this preflight understands (\(ProgressFile.currentVersion)); update preflight"
            }
        }
    }

    public static func read(_ data: Data) throws -> ProgressFile {
        if let probe = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let format = probe["format"] as? String, format != formatName {
            throw ReadError.wrongFormat(format)
        }
        let file: ProgressFile
        do { file = try JSONDecoder().decode(ProgressFile.self, from: data) } catch let error as DecodingError {
            throw ReadError.notJSON(Self.describe(error))
        } catch {
            throw ReadError.notJSON("\(error)")
        }
        if file.format != formatName { throw ReadError.wrongFormat(file.format) }
        if file.version > currentVersion { throw ReadError.newerVersion(file.version) }
        return file
    }

    /// The document as `preflight export progress` writes it (through `JSONOutput`, so an answer
    /// holding escape sequences cannot act on the terminal it is printed to).
    public func json() throws -> String { try JSONOutput.encode(self) }

    /// ISO 8601 in UTC with milliseconds, as JavaScript's `Date.toISOString()` writes it.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Reads timestamps with or without fractional seconds.
    public static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing `\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type"
        case .dataCorrupted(let context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
