import Foundation
import PreflightCore

/// The instructor's view from the same engine: every statement about the course read back from
/// the LRS (following `more` links), and one row per learner: lessons completed, the best quiz
/// score of each section, the best exam score and the exercises passed.
///
/// Statements are filtered here, by their activities, rather than by the LRS's `activity`
/// parameter: Ralph's file-system backend (5.1.0) compares that parameter as an object with
/// strings and so never matches, and some LRSs do not implement `related_activities`.
public struct Gradebook: Sendable {
    public struct Row: Sendable, Hashable {
        /// `mailto:…`, or `<home page>|<account>`: how the LRS knows the learner.
        public var learner: String
        public var name: String?
        public var lessonsCompleted: Set<String> = []
        /// Best scaled score (0…1) of any quiz attempt, per section id.
        public var bestQuiz: [String: Double] = [:]
        public var bestExam: Double?
        public var exercisesPassed: Set<String> = []
    }

    public let course: CourseOutline
    public private(set) var rows: [String: Row] = [:]
    /// Statements read that were about this course.
    public private(set) var statementsRead = 0

    public init(course: CourseOutline) { self.course = course }

    var base: String { course.config.activityIRI }

    /// Reads every page of statements from the LRS.
    public static func read(course: CourseOutline, connection: LRSConnection, environment: [String: String], pageSize: Int = 200) throws -> Gradebook {
        let transport = HTTPTransport(environment: environment)
        defer { transport.close() }
        let client = LRSClient(connection: connection, transport: transport, timeout: 30)
        var book = Gradebook(course: course)
        var next: String? = connection.statementsURL + "?limit=\(pageSize)"
        var seen: Set<String> = []
        while let url = next {
            guard seen.insert(url).inserted else { break }  // an LRS that links a page to itself
            switch client.get(url) {
            case .response(let status, _, _, let body) where status == 200:
                guard let page = JSONValue.parse(body), let statements = page["statements"]?.array else {
                    throw AppError(.failed, "the LRS answered something that is not a statements page: " + LRSClient.clip(body))
                }
                for statement in statements { book.add(statement) }
                let more = page["more"]?.string ?? ""
                next = more.isEmpty || statements.isEmpty ? nil : client.resolve(more: more)
            case .response(let status, let reason, _, let body) where status == 401 || status == 403:
                throw AppError(.failed, "the LRS at \(connection.endpoint) refused to let `\(connection.user)` read statements (HTTP \(status) \(reason)): " + LRSClient.reason(body))
            case .response(let status, let reason, _, let body):
                throw AppError(.failed, "the LRS at \(connection.endpoint) answered HTTP \(status) \(reason): " + LRSClient.reason(body))
            case .failure(let kind, let message):
                throw AppError(.failed, RecordSync.unreachable(kind: kind, message: message, endpoint: connection.endpoint).replacingOccurrences(of: "; the statements stay in the outbox", with: ""))
            }
        }
        return book
    }

    /// Counts one statement, if it is about this course.
    public mutating func add(_ statement: JSONValue) {
        guard let objectID = statement["object"]?["id"]?.string, relates(statement, objectID: objectID),
              let learner = Self.learnerKey(statement["actor"]) else { return }
        statementsRead += 1
        var row = rows[learner] ?? Row(learner: learner)
        if let name = statement["actor"]?["name"]?.string, !name.isEmpty { row.name = name }
        let verb = statement["verb"]?["id"]?.string ?? ""
        let path = objectID.hasPrefix(base + "/") ? String(objectID.dropFirst(base.count + 1)).split(separator: "/").map(String.init) : []
        switch verb {
        case "http://adlnet.gov/expapi/verbs/completed":
            if path.count == 2, path[0] == "lessons", course.lesson(id: path[1]) != nil {
                row.lessonsCompleted.insert(path[1])
            } else if path == ["exam"] {
                if let scaled = statement["result"]?["score"]?["scaled"]?.number { row.bestExam = max(row.bestExam ?? scaled, scaled) }
            } else if let sections = statement["result"]?["extensions"]?[StatementBuilder.sectionScoresExtension]?.object {
                for (sectionID, score) in sections where course.section(id: sectionID) != nil {
                    if let scaled = score["scaled"]?.number { row.bestQuiz[sectionID] = max(row.bestQuiz[sectionID] ?? scaled, scaled) }
                }
            }
        case "http://adlnet.gov/expapi/verbs/passed":
            if path.count == 2, path[0] == "exercises" { row.exercisesPassed.insert(path[1]) }
        default:
            break
        }
        rows[learner] = row
    }

    /// The course's own activity, or one under it, as the object or in the context.
    func relates(_ statement: JSONValue, objectID: String) -> Bool {
        if objectID == base || objectID.hasPrefix(base + "/") { return true }
        for (_, list) in statement["context"]?["contextActivities"]?.object ?? [:] {
            let activities = list.array ?? [list]
            if activities.contains(where: { $0["id"]?.string == base }) { return true }
        }
        return false
    }

    static func learnerKey(_ actor: JSONValue?) -> String? {
        guard let actor else { return nil }
        if let mbox = actor["mbox"]?.string { return mbox }
        if let home = actor["account"]?["homePage"]?.string, let name = actor["account"]?["name"]?.string { return home + "|" + name }
        if let sum = actor["mbox_sha1sum"]?.string { return "sha1:" + sum }
        return actor["openid"]?.string
    }

    /// CSV (RFC 4180), one row per learner sorted by learner: percentages as whole numbers, an
    /// empty cell where the learner has no attempt.
    public func csv() -> String {
        let sections = course.config.sections.map(\.id)
        var lines = [(["learner", "name", "lessons_completed", "lessons_total"] + sections.map { "quiz_" + $0 } + ["exam", "exercises_passed"]).map(Self.cell).joined(separator: ",")]
        for row in rows.values.sorted(by: { $0.learner < $1.learner }) {
            var cells = [row.learner, row.name ?? "", String(row.lessonsCompleted.count), String(course.lessons.count)]
            cells += sections.map { row.bestQuiz[$0].map(Self.percent) ?? "" }
            cells += [row.bestExam.map(Self.percent) ?? "", String(row.exercisesPassed.count)]
            lines.append(cells.map(Self.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func percent(_ scaled: Double) -> String { String(Int((scaled * 100).rounded())) }

    /// A field quoted when it must be. Text from learners' records is shown, never obeyed: a
    /// cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
    /// `'`, and control characters are made visible.
    static func cell(_ text: String) -> String {
        var value = Visible.escape(text)
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
