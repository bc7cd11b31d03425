import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore

/// Turns a learner's events into xAPI 1.0.3 statements, one shape per event (docs/xapi.md shows
/// each). Verbs come from the ADL vocabulary; every activity is named under the course's IRI
/// with the stable lesson, question and exercise ids; every id is a v5 UUID of the learner, the
/// course and the event, so sending a statement again can never make a second record.
public struct StatementBuilder: Sendable {
    public let agent: LearnerAgent
    public let course: CourseOutline

    public init(agent: LearnerAgent, course: CourseOutline) {
        self.agent = agent
        self.course = course
    }

    // MARK: - Vocabulary

    enum Verb: String {
        case experienced, completed, interacted, answered, passed, attempted

        var json: JSONValue {
            ["id": .string("http://adlnet.gov/expapi/verbs/\(rawValue)"), "display": ["en-US": .string(rawValue)]]
        }
    }

    static let activityType = "http://adlnet.gov/expapi/activities/"
    /// Preflight's own extension keys (IRIs, as xAPI requires).
    public static let sectionScoresExtension = "urn:preflight:xapi:section-scores"
    public static let verdictExtension = "urn:preflight:xapi:verdict"
    public static let nextReviewExtension = "urn:preflight:xapi:next-review"
    public static let quizKindExtension = "urn:preflight:xapi:quiz-kind"

    var base: String { course.config.activityIRI }

    // MARK: - Activities

    func activity(_ id: String, type: String, name: String?, extra: [String: JSONValue] = [:]) -> JSONValue {
        var definition: [String: JSONValue] = ["type": .string(Self.activityType + type)]
        // xAPI language maps hold non-empty strings; the course's language is not declared.
        if let name, !name.isEmpty { definition["name"] = ["und": .string(name)] }
        for (key, value) in extra { definition[key] = value }
        return ["objectType": "Activity", "id": .string(id), "definition": .object(definition)]
    }

    var courseActivity: JSONValue { activity(base, type: "course", name: course.config.title.unescaped) }

    func lessonActivity(_ lessonID: String) -> JSONValue {
        activity(lessonIRI(lessonID), type: "lesson", name: course.lesson(id: lessonID)?.title.unescaped)
    }

    func lessonIRI(_ lessonID: String) -> String { "\(base)/lessons/\(lessonID)" }

    func sectionActivity(ofLesson lessonID: String) -> JSONValue? {
        guard let sectionID = course.lesson(id: lessonID)?.sectionID, let section = course.section(id: sectionID) else { return nil }
        return activity("\(base)/sections/\(sectionID)", type: "module", name: section.title.unescaped)
    }

    /// `<course>/lessons/<lesson>/questions/q-…` (the question id's last part after the lesson).
    public func questionIRI(_ question: QuizQuestion) -> String {
        "\(lessonIRI(question.lessonID))/questions/\(Self.local(question.id, in: question.lessonID))"
    }

    /// `q-1a2b3c4d` from `<lesson>/q-1a2b3c4d`: ids already carry their lesson, the IRI too.
    static func local(_ id: String, in lessonID: String) -> String {
        id.hasPrefix(lessonID + "/") ? String(id.dropFirst(lessonID.count + 1)) : id
    }

    /// The course, then the lesson's section: what every statement about a lesson is grouped by.
    func grouping(_ lessonID: String, includeLesson: Bool = false) -> JSONValue {
        var list = [courseActivity]
        if let section = sectionActivity(ofLesson: lessonID) { list.append(section) }
        if includeLesson { list.append(lessonActivity(lessonID)) }
        return .array(list)
    }

    // MARK: - Statements

    func statement(event: String, verb: Verb, object: JSONValue, result: JSONValue? = nil, context: [String: JSONValue], at date: Date) -> OutboxStatement {
        let id = NameBasedUUID.v5(namespace: NameBasedUUID.statementNamespace, name: [agent.key, base, event].joined(separator: "\n"))!
        var context = context
        context["platform"] = "Preflight"
        var fields: [String: JSONValue] = [
            "id": .string(id), "actor": agent.json, "verb": verb.json, "object": object,
            "timestamp": .string(Self.timestamp(date)), "version": "1.0.3", "context": .object(context),
        ]
        if let result { fields["result"] = result }
        // Encoding a value built from strings, numbers and containers cannot fail.
        let body = (try? JSONOutput.encodeLine(JSONValue.object(fields))) ?? "{}"
        return OutboxStatement(id: id, body: body)
    }

    /// ISO 8601 in UTC with milliseconds, the precision xAPI timestamps keep.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Milliseconds since 1970: part of an event's identity for events that can repeat.
    static func instant(_ date: Date) -> String { String(Int64((date.timeIntervalSince1970 * 1000).rounded())) }

    static func scaled(_ value: Double) -> JSONValue { .number((value * 10_000).rounded() / 10_000) }

    /// The learner opened a lesson (once per lesson per sitting).
    public func lessonOpened(_ lessonID: String, at date: Date) -> OutboxStatement {
        statement(event: "experienced/\(lessonID)/\(Self.instant(date))", verb: .experienced, object: lessonActivity(lessonID),
                  context: ["contextActivities": ["grouping": grouping(lessonID)]], at: date)
    }

    /// The learner completed a lesson (its last part reached and its examples run, or marked).
    public func lessonCompleted(_ lessonID: String, at date: Date) -> OutboxStatement {
        statement(event: "completed/\(lessonID)/\(Self.instant(date))", verb: .completed, object: lessonActivity(lessonID),
                  result: ["completion": true], context: ["contextActivities": ["grouping": grouping(lessonID)]], at: date)
    }

    /// The learner ran one of a lesson's examples; `verdict` says how it went.
    public func exampleRun(lessonID: String, index: Int, passed: Bool, verdict: String, at date: Date) -> OutboxStatement {
        let object = activity("\(lessonIRI(lessonID))/examples/\(index)", type: "interaction", name: "Example \(index)")
        return statement(event: "interacted/\(lessonID)/example-\(index)/\(Self.instant(date))", verb: .interacted, object: object,
                         result: ["success": .bool(passed), "extensions": [Self.verdictExtension: .string(verdict)]],
                         context: ["contextActivities": ["parent": [lessonActivity(lessonID)], "grouping": grouping(lessonID)]], at: date)
    }

    /// The learner's file for an exercise passed its check (the first pass after not passing).
    public func exercisePassed(_ exercise: Exercise, at date: Date) -> OutboxStatement {
        let object = activity("\(base)/exercises/\(exercise.id)", type: "performance", name: exercise.title.unescaped)
        return statement(event: "passed/\(exercise.id)/\(Self.instant(date))", verb: .passed, object: object,
                         result: ["success": true, "completion": true],
                         context: ["contextActivities": ["parent": [lessonActivity(exercise.lessonID)], "grouping": grouping(exercise.lessonID)]], at: date)
    }

    /// The learner reviewed a flashcard and rated their recall (1 again … 4 easy).
    public func flashcardReviewed(_ question: InterviewQuestion, rating: FSRS.Rating, nextReview: Date, at date: Date) -> OutboxStatement {
        let object = activity("\(lessonIRI(question.lessonID))/flashcards/\(Self.local(question.id, in: question.lessonID))", type: "question", name: question.question.unescaped)
        let result: JSONValue = [
            "success": .bool(rating != .again), "response": .string("\(rating)"),
            "score": ["raw": .number(Double(rating.rawValue)), "min": 1, "max": 4, "scaled": Self.scaled(Double(rating.rawValue - 1) / 3)],
            "extensions": [Self.nextReviewExtension: .string(Self.timestamp(nextReview))],
        ]
        return statement(event: "attempted/flashcard/\(question.id)/\(Self.instant(date))", verb: .attempted, object: object, result: result,
                         context: ["contextActivities": ["parent": [lessonActivity(question.lessonID)], "grouping": grouping(question.lessonID)]], at: date)
    }

    /// A quiz attempt: one `answered` per question answered (skipped ones have no answer to
    /// record), then one `completed` for the attempt (or the exam) with its score and the score
    /// of each section it drew from. `attemptID` (a UUID) is the statements' registration.
    public func quizAttempt(questions: [QuizQuestion], graded: [GradedAnswer], isExam: Bool, setKey: String, attemptID: String, at date: Date) -> [OutboxStatement] {
        let lessons = Array(Set(questions.map(\.lessonID))).sorted()
        let assessment: JSONValue
        if isExam {
            assessment = activity("\(base)/exam", type: "assessment", name: "Final exam: " + course.config.title.unescaped)
        } else if lessons.count == 1, let lesson = course.lesson(id: lessons[0]), Set(lesson.questionIDs) == Set(questions.map(\.id)) {
            assessment = activity("\(lessonIRI(lessons[0]))/quiz", type: "assessment", name: "Quiz: " + lesson.title.unescaped)
        } else {
            assessment = activity("\(base)/quizzes/\(setKey)", type: "assessment", name: "Quiz: " + lessons.compactMap { course.lesson(id: $0)?.title.unescaped }.joined(separator: ", "))
        }
        var statements: [OutboxStatement] = []
        for (question, answer) in zip(questions, graded) where !answer.skipped && !answer.given.isEmpty {
            let object = activity(questionIRI(question), type: "cmi.interaction", name: question.title.unescaped,
                                  extra: ["interactionType": .string(Self.interactionType(question))])
            let result: JSONValue = [
                "success": .bool(answer.correct), "response": .string(answer.given),
                "score": ["scaled": Self.scaled(answer.score), "raw": Self.scaled(answer.score), "min": 0, "max": 1],
            ]
            statements.append(statement(
                event: "answered/\(attemptID)/\(question.id)", verb: .answered, object: object, result: result,
                context: ["registration": .string(attemptID), "contextActivities": ["parent": [assessment], "grouping": grouping(question.lessonID, includeLesson: true)]],
                at: date))
        }
        var sections: [String: (points: Double, count: Int)] = [:]
        for (question, answer) in zip(questions, graded) {
            guard let sectionID = course.lesson(id: question.lessonID)?.sectionID else { continue }
            sections[sectionID, default: (0, 0)].points += answer.score
            sections[sectionID, default: (0, 0)].count += 1
        }
        let points = graded.reduce(0) { $0 + $1.score }
        var perSection: [String: JSONValue] = [:]
        for (sectionID, figures) in sections {
            perSection[sectionID] = ["raw": Self.scaled(figures.points), "max": .number(Double(figures.count)), "scaled": Self.scaled(figures.points / Double(figures.count))]
        }
        let result: JSONValue = [
            "completion": true,
            "score": ["raw": Self.scaled(points), "min": 0, "max": .number(Double(graded.count)), "scaled": Self.scaled(graded.isEmpty ? 0 : points / Double(graded.count))],
            "extensions": [Self.sectionScoresExtension: .object(perSection), Self.quizKindExtension: .string(isExam ? "exam" : "quiz")],
        ]
        var groupingList = [courseActivity]
        for sectionID in sections.keys.sorted() {
            if let section = course.section(id: sectionID) { groupingList.append(activity("\(base)/sections/\(sectionID)", type: "module", name: section.title.unescaped)) }
        }
        statements.append(statement(event: "completed/attempt/\(attemptID)", verb: .completed, object: assessment, result: result,
                                    context: ["registration": .string(attemptID), "contextActivities": ["grouping": .array(groupingList)]], at: date))
        return statements
    }

    /// xAPI's interaction type for each kind of question.
    static func interactionType(_ question: QuizQuestion) -> String {
        switch question.answer {
        case .choice:
            return question.kind == .trueFalse ? "true-false" : "choice"
        case .shortAnswer(let keys):
            return keys.allSatisfy { if case .number = $0 { return true } else { return false } } ? "numeric" : "fill-in"
        case .predictOutput: return "long-fill-in"
        case .ordering: return "sequencing"
        }
    }
}
