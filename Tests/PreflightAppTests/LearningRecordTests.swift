import Foundation
import PreflightApp
import PreflightCore
import PreflightGrading
import TestSupport
import XCTest

/// Learning records as the application layer builds them: which events make which statements,
/// their ids, actors and activities, and where the connection and identity are kept.
final class LearningRecordTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The environment of a learner whose config folder is inside the test's folder.
    private var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        return env
    }

    private func connect(email: String? = "ann@example.org") throws {
        let config = UserConfigFolder(environment: environment)
        try LRSConnection(endpoint: "http://127.0.0.1:9/xAPI", user: "alice", password: "secret").save(config)
        if let email { _ = try LearningRecords.setIdentity(try LearnerIdentity(name: "Ann Lee", email: email), environment: environment) }
    }

    private func open(_ fixture: String) throws -> (OpenedCourse, ProgressBook) {
        let course = folder.appendingPathComponent(fixture)
        if !FileManager.default.fileExists(atPath: course.path) {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/\(fixture)"), to: course)
        }
        let address = CourseAddress(course: course.path, state: folder.appendingPathComponent("\(fixture).sqlite").path,
                                    workspace: folder.appendingPathComponent("workspace").path, environment: environment, paths: DisplayPaths(base: course))
        let opened = try OpenedCourse.open(address)
        return (opened, try ProgressBook.open(opened))
    }

    private func statements(_ book: ProgressBook) throws -> [JSONValue] {
        try LearningRecords.pending(book).map { try XCTUnwrap(JSONValue.parse($0)) }
    }

    private func verbs(_ list: [JSONValue]) -> [String] {
        list.map { $0["verb"]?["id"]?.string?.split(separator: "/").last.map(String.init) ?? "?" }
    }

    func testNameBasedUUIDsAreRFC9562Version5() throws {
        XCTAssertEqual(NameBasedUUID.v5(namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", name: "python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d",
                       "RFC 9562's DNS namespace example, as Python's uuid module gives it")
        XCTAssertEqual(NameBasedUUID.v5(namespace: NameBasedUUID.urlNamespace, name: "urn:preflight:statements"), NameBasedUUID.statementNamespace)
        // Against Python's uuid5, over names of several SHA-1 block lengths and scripts.
        let names = ["", "a", String(repeating: "x", count: 55), String(repeating: "y", count: 56), String(repeating: "z", count: 64),
                     "mailto:ann@example.org\nurn:preflight:c\nanswered/ab/q-1", "Zoë · 学习 · 🚀"]
        let script = "import sys, uuid, json\nfor n in json.load(sys.stdin): print(uuid.uuid5(uuid.UUID('\(NameBasedUUID.statementNamespace)'), n))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(names))
        try input.fileHandleForWriting.close()
        let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        process.waitUntilExit()
        XCTAssertEqual(names.map { NameBasedUUID.v5(namespace: NameBasedUUID.statementNamespace, name: $0) ?? "" }, expected)
    }

    func testWithoutAConnectionNothingIsQueued() throws {
        let (opened, book) = try open("good")
        XCTAssertNil(book.recorder)
        try book.recordPosition(lessonID: "first-lesson", part: 0)
        try book.markDone(lessonID: "first-lesson")
        let session = try QuizSession.plan(opened, names: ["first-lesson"], exam: false, count: nil, seed: 1, shuffle: false, progress: book.courseProgress)
        try session.record(try session.grade(sheet: "B\n", source: "sheet"), in: book)
        XCTAssertEqual(try LearningRecords.pending(book), [])
    }

    func testEveryRecordingPathQueuesItsStatements() throws {
        try connect()
        let (opened, book) = try open("good")
        try book.recordPosition(lessonID: "first-lesson", part: 0)
        try book.recordPosition(lessonID: "first-lesson", part: 1)
        try book.recordPosition(lessonID: "second-lesson", part: 0)
        try book.recordPosition(lessonID: "first-lesson", part: 2)
        XCTAssertEqual(verbs(try statements(book)), ["experienced", "experienced"], "opened once per lesson per sitting, not at every page")
        try book.markDone(lessonID: "first-lesson")
        try book.markDone(lessonID: "first-lesson")
        let examples = ExampleSession(config: opened.course.config, book: book, sandbox: false)
        defer { examples.close() }
        _ = try examples.run(Array(opened.course.lessons[0].examples.prefix(1)))
        let session = try QuizSession.plan(opened, names: ["first-lesson"], exam: false, count: nil, seed: 7, shuffle: false, progress: book.courseProgress)
        let graded = try session.grade(sheet: "B\nA,B\nFalse\npsi\nskip\n6\n.\nA,B,C\n", source: "sheet")
        try session.record(graded, in: book)
        let review = try FlashcardReview(questions: opened.course.lessons[0].interviewQuestions, book: book, now: Date(timeIntervalSince1970: 1_800_000_000))
        try review.rate(opened.course.lessons[0].interviewQuestions[0], .good)
        let all = try statements(book)
        XCTAssertEqual(verbs(all), ["experienced", "experienced", "completed", "interacted"] + Array(repeating: "answered", count: 6) + ["completed", "attempted"],
                       "a second `done` is not a second completion; the skipped question has no answer to record")
        let answered = all.filter { $0["verb"]?["id"]?.string?.hasSuffix("answered") == true }
        XCTAssertEqual(answered.map { $0["result"]?["success"]?.bool }, [true, true, true, true, true, true])
        XCTAssertEqual(answered.map { $0["result"]?["response"]?.string }, ["B (p99)", "A (liveness), B (readiness)", "B (False)", "psi", "6", "shadow → canary → full rollout"])
        XCTAssertEqual(answered.map { $0["object"]?["definition"]?["interactionType"]?.string }, ["choice", "choice", "true-false", "fill-in", "long-fill-in", "sequencing"])
        let attempt = all[10]
        XCTAssertEqual(attempt["object"]?["id"]?.string, "urn:preflight:fixture-course/lessons/first-lesson/quiz")
        XCTAssertEqual(attempt["result"]?["score"]?["raw"]?.number, 6)
        XCTAssertEqual(attempt["result"]?["score"]?["max"]?.number, 7)
        XCTAssertEqual(attempt["result"]?["extensions"]?[StatementBuilder.sectionScoresExtension]?["basics"]?["raw"]?.number, 6)
        let registration = attempt["context"]?["registration"]?.string
        XCTAssertNotNil(registration)
        XCTAssertTrue(answered.allSatisfy { $0["context"]?["registration"]?.string == registration }, "the answers and their attempt share a registration")
        let example = all[3]
        XCTAssertEqual(example["object"]?["id"]?.string, "urn:preflight:fixture-course/lessons/first-lesson/examples/1")
        XCTAssertEqual(example["result"]?["success"]?.bool, true)
        XCTAssertEqual(example["result"]?["extensions"]?[StatementBuilder.verdictExtension]?.string, "passed")
        let card = all[11]
        XCTAssertEqual(card["result"]?["score"]?["raw"]?.number, 3)
        XCTAssertEqual(card["timestamp"]?.string, "2027-01-15T08:00:00.000Z")
        for statement in all {
            XCTAssertEqual(statement["actor"], ["objectType": "Agent", "name": "Ann Lee", "mbox": "mailto:ann@example.org"])
            XCTAssertEqual(statement["version"]?.string, "1.0.3")
            XCTAssertEqual(statement["context"]?["platform"]?.string, "Preflight")
            XCTAssertTrue(statement["object"]?["id"]?.string?.hasPrefix("urn:preflight:fixture-course/") == true)
            XCTAssertEqual(statement["context"]?["contextActivities"]?["grouping"]?.array?.first?["id"]?.string, "urn:preflight:fixture-course")
        }
        XCTAssertEqual(Set(all.compactMap { $0["id"]?.string }).count, all.count, "every statement has its own id")
    }

    func testAPassingExerciseIsRecordedOnceUntilItStopsPassing() throws {
        try connect()
        let (opened, book) = try open("exercise-course")
        let session = try ExerciseSession.open(opened, book: book, sandbox: false)
        let exercise = session.exercises[0]
        _ = try session.check(exercise)
        XCTAssertEqual(try LearningRecords.pending(book), [], "a failing check is not recorded")
        try "def add(a, b):\n    return a + b\n".write(to: session.workspace.file(for: exercise), atomically: true, encoding: .utf8)
        _ = try session.check(exercise)
        _ = try session.check(exercise)
        let passed = try statements(book)
        XCTAssertEqual(verbs(passed), ["passed"])
        XCTAssertEqual(passed[0]["object"]?["id"]?.string, "urn:preflight:exercise-fixture/exercises/add")
        XCTAssertEqual(passed[0]["context"]?["contextActivities"]?["parent"]?.array?.first?["id"]?.string, "urn:preflight:exercise-fixture/lessons/adding")
    }

    func testIdsAreTheSameForTheSameEventAndDifferForAnotherLearnerOrCourse() throws {
        try connect()
        let (opened, book) = try open("good")
        let builder = try XCTUnwrap(book.recorder)
        let moment = Date(timeIntervalSince1970: 1_800_000_000.25)
        XCTAssertEqual(builder.lessonCompleted("first-lesson", at: moment), builder.lessonCompleted("first-lesson", at: moment))
        XCTAssertNotEqual(builder.lessonCompleted("first-lesson", at: moment).id, builder.lessonCompleted("first-lesson", at: moment.addingTimeInterval(1)).id)
        let connection = try LRSConnection(endpoint: "https://lrs.example.org/xAPI", user: "bob", password: "p")
        let bob = StatementBuilder(agent: LearnerAgent(identity: nil, connection: connection), course: opened.outline)
        XCTAssertNotEqual(bob.lessonCompleted("first-lesson", at: moment).id, builder.lessonCompleted("first-lesson", at: moment).id)
        XCTAssertEqual(bob.agent.json, ["objectType": "Agent", "account": ["homePage": "https://lrs.example.org", "name": "bob"]],
                       "without an identity, the LRS user is an account on the LRS's home page")
        var other = opened.outline
        other.config.iri = "https://courses.example.org/other"
        let elsewhere = StatementBuilder(agent: builder.agent, course: other)
        let statement = elsewhere.lessonCompleted("first-lesson", at: moment)
        XCTAssertNotEqual(statement.id, builder.lessonCompleted("first-lesson", at: moment).id)
        XCTAssertEqual(JSONValue.parse(statement.body)?["object"]?["id"]?.string, "https://courses.example.org/other/lessons/first-lesson")
        XCTAssertEqual(JSONValue.parse(statement.body)?["id"]?.string, statement.id)
    }

    func testAnExamRecordsEachSectionsScore() throws {
        try connect()
        let (opened, book) = try open("good")
        let exam = try QuizSession.plan(opened, names: [], exam: true, count: 3, seed: 3, shuffle: false, progress: book.courseProgress)
        try exam.record(exam.questions.map { Grader.grade($0, .skipped) }, in: book)
        let all = try statements(book)
        XCTAssertEqual(verbs(all), ["completed"], "all skipped: only the attempt")
        XCTAssertEqual(all[0]["object"]?["id"]?.string, "urn:preflight:fixture-course/exam")
        XCTAssertEqual(all[0]["result"]?["extensions"]?[StatementBuilder.quizKindExtension]?.string, "exam")
        XCTAssertEqual(all[0]["result"]?["extensions"]?[StatementBuilder.sectionScoresExtension]?["basics"], ["raw": 0, "max": 3, "scaled": 0])
    }

    func testTheConnectionIsPrivateAndHTTPSIsRequiredOffThisMachine() throws {
        for good in ["https://lrs.example.org/xAPI", "http://127.0.0.1:8000/xAPI/", "http://localhost/x", "http://[::1]:9000/xAPI", "http://127.1.2.3/x"] {
            XCTAssertNoThrow(try LRSConnection.endpoint(good), good)
        }
        XCTAssertEqual(try LRSConnection.endpoint("https://lrs.example.org/xAPI"), "https://lrs.example.org/xAPI/")
        for (bad, words) in [("http://lrs.example.org/xAPI", "must use https"), ("http://10.0.0.5/xAPI", "must use https"), ("ftp://x/y", "https://"),
                             ("https://ann:pw@lrs.example.org/", "no credentials"), ("https://lrs.example.org/?a=1", "no query"), ("lrs", "not a URL")] {
            XCTAssertThrowsError(try LRSConnection.endpoint(bad), bad) { error in
                XCTAssertEqual((error as? AppError)?.exitCode, 64)
                XCTAssertTrue("\(error)".contains(words), "\(bad): \(error)")
            }
        }
        try connect(email: nil)
        let config = UserConfigFolder(environment: environment)
        let attributes = try FileManager.default.attributesOfItem(atPath: config.file("lrs.json").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: config.url.path)
        XCTAssertEqual((folderAttributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        XCTAssertEqual(try LRSConnection.load(config)?.password, "secret")
        XCTAssertTrue(try LearningRecords.disconnect(environment: environment))
        XCTAssertNil(try LRSConnection.load(config))
    }

    func testAnIdentityNamesTheLearnerOneWay() throws {
        XCTAssertThrowsError(try LearnerIdentity(name: "A", email: "not-an-address"))
        XCTAssertThrowsError(try LearnerIdentity(name: nil, email: "a@b.org", accountHomePage: "https://x.org", accountName: "a"))
        XCTAssertThrowsError(try LearnerIdentity(name: nil, email: nil, accountHomePage: nil, accountName: "a"))
        XCTAssertThrowsError(try LearnerIdentity(name: "Ann\u{1B}[2J", email: nil))
        let account = try LearnerIdentity(name: nil, email: nil, accountHomePage: "https://school.example.org", accountName: "s123")
        let connection = try LRSConnection(endpoint: "https://lrs.example.org/xAPI", user: "class", password: "p")
        XCTAssertEqual(LearnerAgent(identity: account, connection: connection).json,
                       ["objectType": "Agent", "account": ["homePage": "https://school.example.org", "name": "s123"]])
    }

    func testAGradebookRowPerLearner() throws {
        let (opened, _) = try open("good")
        var book = Gradebook(course: opened.outline)
        func statement(_ actor: JSONValue, _ verb: String, _ object: String, result: JSONValue? = nil) -> JSONValue {
            var fields: [String: JSONValue] = ["actor": actor, "verb": ["id": .string("http://adlnet.gov/expapi/verbs/" + verb)], "object": ["id": .string(object)]]
            if let result { fields["result"] = result }
            return .object(fields)
        }
        let ann: JSONValue = ["mbox": "mailto:ann@example.org", "name": "=HYPERLINK(\"x\")"]
        let bob: JSONValue = ["account": ["homePage": "https://lrs.example.org", "name": "bob"]]
        let base = "urn:preflight:fixture-course"
        book.add(statement(ann, "completed", base + "/lessons/first-lesson"))
        book.add(statement(ann, "completed", base + "/lessons/first-lesson"))
        book.add(statement(ann, "completed", base + "/lessons/no-such-lesson"))
        book.add(statement(ann, "completed", base + "/lessons/first-lesson/quiz", result: ["extensions": [StatementBuilder.sectionScoresExtension: ["basics": ["scaled": 0.5]]]]))
        book.add(statement(ann, "completed", base + "/quizzes/abc", result: ["extensions": [StatementBuilder.sectionScoresExtension: ["basics": ["scaled": "0.75"]]]]))
        book.add(statement(ann, "completed", base + "/exam", result: ["score": ["scaled": 0.4]]))
        book.add(statement(bob, "passed", base + "/exercises/add"))
        book.add(statement(bob, "completed", "urn:preflight:another-course/lessons/first-lesson"))
        XCTAssertEqual(book.statementsRead, 7, "the other course's statement is not counted")
        XCTAssertEqual(book.csv(), """
            learner,name,lessons_completed,lessons_total,quiz_basics,exam,exercises_passed\r
            https://lrs.example.org|bob,,0,2,,,1\r
            mailto:ann@example.org,"'=HYPERLINK(""x"")",1,2,75,40,0\r

            """, "one row per learner; a name a spreadsheet would run as a formula is quoted as text")
    }
}
