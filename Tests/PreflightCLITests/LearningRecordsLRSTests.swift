import Foundation
import TestSupport
import XCTest

/// Learning records against a real LRS (Ralph, which validates every statement it is sent and
/// answers 400 to a malformed one): a learner's session arrives as the statements it should,
/// nothing is lost while the LRS is down, a sync killed at any moment sends nothing twice, and
/// refusals and server errors are reported in plain words with the outbox kept.
final class LearningRecordsLRSTests: XCTestCase {
    private var folder: URL!
    private var servers: [LRSServer] = []

    private var course: URL { folder.appendingPathComponent("course") }
    private var workspace: URL { folder.appendingPathComponent("workspace") }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCLITests/Fixtures/records-course"), to: course)
    }

    override func tearDownWithError() throws {
        for server in servers { server.stop() }
        try? FileManager.default.removeItem(at: folder)
    }

    private func server(_ kind: LRSServer.Kind = .ralph, name: String = "lrs", port: Int? = nil) throws -> LRSServer {
        let server = try LRSServer(kind, in: folder.appendingPathComponent(name), port: port)
        servers.append(server)
        return server
    }

    /// Runs preflight as the learner `who`, whose config folder and progress file are their own.
    @discardableResult
    private func preflight(_ arguments: [String], as who: String = "ann", input: String? = nil, autoSync: Bool = true) throws -> CommandResult {
        var environment = ["XDG_CONFIG_HOME": folder.appendingPathComponent("\(who)-config").path]
        if !autoSync { environment["PREFLIGHT_AUTO_SYNC"] = "0" }
        let placed = ["lrs", "whoami"].contains(arguments[0]) ? arguments : arguments + ["--course", course.path, "--state", folder.appendingPathComponent("\(who).sqlite").path]
        return try PreflightBinary.run(placed, environment: environment, input: input)
    }

    private func connect(_ server: LRSServer, as who: String = "ann", name: String = "Ann Lee", email: String = "ann@example.org") throws {
        XCTAssertEqual(try preflight(["whoami", "--name", name, "--email", email], as: who).status, 0)
        let connected = try PreflightBinary.run(["lrs", "connect", server.endpoint, "--user", LRSServer.user],
                                                environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("\(who)-config").path], input: LRSServer.password + "\n")
        XCTAssertEqual(connected.status, 0, connected.stderr)
    }

    private func verbs(_ statements: [[String: Any]]) -> [String: Int] {
        statements.reduce(into: [:]) { counts, statement in
            let id = ((statement["verb"] as? [String: Any])?["id"] as? String) ?? "?"
            counts[String(id.split(separator: "/").last ?? "?"), default: 0] += 1
        }
    }

    private func ids(_ statements: [[String: Any]]) -> [String] { statements.compactMap { $0["id"] as? String } }

    /// "12 statements waiting" from `sync --status`; 0 for an empty outbox.
    private func waiting(as who: String = "ann") throws -> Int {
        let status = try preflight(["sync", "--status"], as: who).stdout
        guard let match = status.firstMatch(of: /Outbox: (\d+) statements? waiting/) else {
            XCTAssertTrue(status.contains("Outbox: empty"), status)
            return 0
        }
        return Int(match.1)!
    }

    private let quizAnswers = "B\nFalse\npsi\n"

    func testAScriptedSessionArrivesAsTheExpectedStatements() throws {
        let lrs = try server()
        try connect(lrs)
        // The lesson on a real terminal: run its example, read to its last part (which completes it).
        let tty = try PseudoTerminal(executable: PreflightBinary.url, arguments: ["learn", "--course", course.path, "--state", folder.appendingPathComponent("ann.sqlite").path],
                                     environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("ann-config").path], rows: 30, columns: 90)
        XCTAssertTrue(tty.waitFor("lesson 1 of 2"), tty.transcript)
        var mark = tty.mark
        tty.type("r")
        XCTAssertTrue(tty.waitFor("printed the expected output", since: mark), tty.transcript.suffix(500).description)
        tty.type("x")
        mark = tty.mark
        tty.type("nn")
        XCTAssertTrue(tty.waitFor("Lesson complete", since: mark), tty.transcript.suffix(500).description)
        tty.type("q")
        XCTAssertEqual(tty.waitForExit(), 0)
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: quizAnswers).status, 0)
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: "A\nTrue\nskip\n").status, 0)
        XCTAssertEqual(try preflight(["review", "first", "--answers", "-"], input: "good\n").status, 0)
        let file = workspace.appendingPathComponent("01-add/add.py")
        XCTAssertEqual(try preflight(["exercise", "check", "add", "--workspace", workspace.path]).status, 1, "the starter fails: no record")
        try "def add(a, b):\n    return a + b\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try preflight(["exercise", "check", "add", "--workspace", workspace.path]).status, 0)
        XCTAssertEqual(try preflight(["exercise", "check", "add", "--workspace", workspace.path]).status, 0, "passing again is not a second pass")

        // Background syncs have been sending since the first command; this one sends the rest.
        let sync = try preflight(["sync"])
        XCTAssertEqual(sync.status, 0, sync.stdout + sync.stderr)
        XCTAssertTrue(sync.stdout.contains("0 waiting"), sync.stdout)
        XCTAssertEqual(try waiting(), 0)

        let stored = try lrs.statements()
        XCTAssertEqual(verbs(stored), ["experienced": 1, "interacted": 1, "completed": 3, "answered": 5, "attempted": 1, "passed": 1],
                       "lesson opened and completed, the example, 3 + 2 answers (one skipped) and two attempts, the card, the exercise")
        XCTAssertEqual(stored.count, 12)
        XCTAssertEqual(Set(ids(stored)).count, stored.count, "each statement exactly once")
        for statement in stored {
            XCTAssertEqual((statement["actor"] as? [String: Any])?["mbox"] as? String, "mailto:ann@example.org")
            let object = ((statement["object"] as? [String: Any])?["id"] as? String) ?? ""
            XCTAssertTrue(object.hasPrefix("https://courses.example.org/records/"), object)
        }
        let answers = stored.filter { (($0["verb"] as? [String: Any])?["id"] as? String)?.hasSuffix("answered") == true }
        let successes = answers.compactMap { ($0["result"] as? [String: Any])?["success"] as? Bool }
        XCTAssertEqual(successes.filter { $0 }.count, 3, "the first attempt's three right answers")
        XCTAssertEqual(successes.filter { !$0 }.count, 2, "the second attempt's two wrong ones")
        let attempts = stored.filter { (($0["object"] as? [String: Any])?["id"] as? String)?.hasSuffix("/lessons/first/quiz") == true }
        let raws = attempts.compactMap { (($0["result"] as? [String: Any])?["score"] as? [String: Any])?["raw"] }.map { "\($0)" }.sorted()
        XCTAssertEqual(raws, ["0", "3"])
        let example = try XCTUnwrap(stored.first { (($0["object"] as? [String: Any])?["id"] as? String)?.hasSuffix("/examples/1") == true })
        XCTAssertEqual((example["result"] as? [String: Any])?["success"] as? Bool, true)
    }

    func testTheLRSStoppedDuringASessionGetsEverythingExactlyOnce() throws {
        let lrs = try server()
        try connect(lrs)
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: quizAnswers).status, 0)
        XCTAssertEqual(try preflight(["sync"]).status, 0)
        lrs.stop()
        for _ in 0..<3 { XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: quizAnswers).status, 0, "learning goes on offline") }
        let offline = try preflight(["sync", "--time-limit", "20"])
        XCTAssertEqual(offline.status, 1)
        XCTAssertTrue(offline.stderr.contains("could not reach the LRS at \(lrs.endpoint): the connection was refused"), offline.stderr)
        XCTAssertEqual(try waiting(), 12, "three attempts of four statements wait")
        let status = try preflight(["sync", "--status"]).stdout
        XCTAssertTrue(status.contains("stopped: could not reach the LRS"), status)

        let restarted = try server(port: lrs.port)
        XCTAssertEqual(restarted.port, lrs.port)
        let online = try preflight(["sync"])
        XCTAssertEqual(online.status, 0, online.stderr)
        XCTAssertEqual(try waiting(), 0)
        let stored = try restarted.statements()
        XCTAssertEqual(stored.count, 16)
        XCTAssertEqual(Set(ids(stored)).count, 16, "nothing lost and nothing twice")
    }

    func testASyncKilledAtRandomMomentsSendsEachStatementExactlyOnce() throws {
        // The LRS is not up yet: connecting is saved all the same, and records wait.
        let port = try LRSServer.freePort()
        XCTAssertEqual(try preflight(["whoami", "--name", "Ann Lee", "--email", "ann@example.org"]).status, 0)
        let connected = try PreflightBinary.run(["lrs", "connect", "http://127.0.0.1:\(port)/xAPI/", "--user", LRSServer.user],
                                                environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("ann-config").path], input: LRSServer.password + "\n")
        XCTAssertEqual(connected.status, 0)
        XCTAssertTrue(connected.stdout.contains("Saved, but could not reach the LRS"), connected.stdout)
        let attempts = 40
        for _ in 0..<attempts {
            XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: quizAnswers, autoSync: false).status, 0)
        }
        let total = attempts * 4
        XCTAssertEqual(try waiting(), total)
        let lrs = try server(port: port)
        var seen: [Int] = []
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("ann-config").path
        for _ in 0..<20 {
            let process = Process()
            process.executableURL = PreflightBinary.url
            process.arguments = ["sync", "--batch-size", "4", "--course", course.path, "--state", folder.appendingPathComponent("ann.sqlite").path]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...400_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            seen.append(try waiting())
        }
        XCTAssertTrue(seen.contains { $0 > 0 && $0 < total }, "some kills landed in the middle of a sync: \(seen)")
        let final = try preflight(["sync"], autoSync: false)
        XCTAssertEqual(final.status, 0, final.stderr)
        XCTAssertEqual(try waiting(), 0, "the outbox is empty")
        let stored = try lrs.statements()
        XCTAssertEqual(stored.count, total, "kills after \(seen)")
        XCTAssertEqual(Set(ids(stored)).count, total, "each statement exactly once")
    }

    func testRefusedCredentialsAndAServerErrorAreExplainedAndTheOutboxKept() throws {
        let lrs = try server()
        let config = folder.appendingPathComponent("ann-config")
        let refused = try PreflightBinary.run(["lrs", "connect", lrs.endpoint, "--user", LRSServer.user], environment: ["XDG_CONFIG_HOME": config.path], input: "wrong\n")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("refused the credentials of user `alice` (HTTP 401"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Nothing was saved"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: config.appendingPathComponent("preflight/lrs.json").path))
        XCTAssertEqual(try PreflightBinary.run(["lrs", "connect", lrs.endpoint, "--user", LRSServer.user, "--password", "x"], environment: ["XDG_CONFIG_HOME": config.path]).status, 64,
                       "there is no password flag")

        try connect(lrs)
        let file = config.appendingPathComponent("preflight/lrs.json")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        // The password changes on the LRS: the saved one is refused at the next sync.
        let saved = try String(contentsOf: file, encoding: .utf8)
        try saved.replacingOccurrences(of: LRSServer.password, with: "changed").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: quizAnswers, autoSync: false).status, 0)
        let denied = try preflight(["sync"], autoSync: false)
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.stderr.contains("the LRS at \(lrs.endpoint) refused the credentials of user `alice` (HTTP 401"), denied.stderr)
        XCTAssertTrue(denied.stderr.contains("preflight lrs connect \(lrs.endpoint) --user alice"), "it says what to do: \(denied.stderr)")
        XCTAssertEqual(try waiting(), 4)

        let broken = try server(.failing, name: "broken")
        try connect(broken)
        let failed = try preflight(["sync", "--time-limit", "30"], autoSync: false)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("answered HTTP 500 Internal Server Error: the database is down"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("stay in the outbox"), failed.stderr)
        XCTAssertEqual(try waiting(), 4)
        XCTAssertTrue(try preflight(["sync", "--status"]).stdout.contains("stopped: the LRS at \(broken.endpoint) answered HTTP 500"))
        XCTAssertEqual(try lrs.statements().count, 0, "nothing reached the first LRS with the wrong password")
    }

    func testAStatementTheLRSRejectsIsSetAsideWithItsReasonAndTheRestArrive() throws {
        let lrs = try server()
        try connect(lrs)
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: quizAnswers, autoSync: false).status, 0)
        // A statement Preflight could not have built (no actor), queued between real ones.
        let database = folder.appendingPathComponent("ann.sqlite").path
        let bad = "{\"id\":\"0b6d8c57-5d5f-5a9a-8d58-1d9f0a0f7c11\",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"},\"object\":{\"id\":\"https://courses.example.org/records\"}}"
        XCTAssertEqual(try LRSServer.run(LRSServer.python, [LRSServer.tool("lrs_tool.py").path, "outbox", database, "0b6d8c57-5d5f-5a9a-8d58-1d9f0a0f7c11", bad], environment: [:]).status, 0)
        XCTAssertEqual(try preflight(["quiz", "second", "--answers", "-"], input: "True\n", autoSync: false).status, 0)
        let sync = try preflight(["sync"], autoSync: false)
        XCTAssertEqual(sync.status, 1)
        XCTAssertTrue(sync.stdout.contains("Sent 6 statements; 0 waiting."), sync.stdout)
        // Ralph answers 422 for a statement its model rejects (400 for malformed JSON).
        XCTAssertNotNil(sync.stderr.firstMatch(of: #/the LRS rejected statement 0b6d8c57-5d5f-5a9a-8d58-1d9f0a0f7c11: HTTP 4\d\d: /#), sync.stderr)
        XCTAssertTrue(sync.stderr.contains("actor"), "the LRS's reason names what is wrong: \(sync.stderr)")
        XCTAssertEqual(try lrs.statements().count, 6)
        let status = try preflight(["sync", "--status"]).stdout
        XCTAssertTrue(status.contains("Set aside: 1 statement the LRS rejected"), status)
        XCTAssertTrue(status.contains("answered https://courses.example.org/records"), status)
    }

    func testTheGradebookReadsBackWhatWasSent() throws {
        let lrs = try server()
        try connect(lrs)
        try connect(lrs, as: "bob", name: "Bob Ode", email: "bob@example.org")
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: quizAnswers, autoSync: false).status, 0)
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], input: "B\nTrue\nskip\n", autoSync: false).status, 0)
        XCTAssertEqual(try preflight(["quiz", "first", "--answers", "-"], as: "bob", input: "A\nTrue\nskip\n", autoSync: false).status, 0)
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("01-add"), withIntermediateDirectories: true)
        try "def add(a, b):\n    return a + b\n".write(to: workspace.appendingPathComponent("01-add/add.py"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try preflight(["exercise", "check", "add", "--workspace", workspace.path], as: "bob", autoSync: false).status, 0)
        XCTAssertEqual(try preflight(["sync"], autoSync: false).status, 0)
        XCTAssertEqual(try preflight(["sync"], as: "bob", autoSync: false).status, 0)

        let grades = try PreflightBinary.run(["gradebook", "--lrs", lrs.endpoint, "--user", LRSServer.user, "--page-size", "3", "--course", course.path], input: LRSServer.password + "\n")
        XCTAssertEqual(grades.status, 0, grades.stderr)
        XCTAssertEqual(grades.stdout, """
            learner,name,lessons_completed,lessons_total,quiz_basics,exam,exercises_passed\r
            mailto:ann@example.org,Ann Lee,0,2,100,,0\r
            mailto:bob@example.org,Bob Ode,0,2,0,,1\r

            """, "pages of three statements followed to the end; Ann's best attempt counts")
        XCTAssertTrue(grades.stderr.contains("2 learners, 11 statements about Records Course."), grades.stderr)
    }
}
