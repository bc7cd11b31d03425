import Foundation
import PreflightCore
import PreflightRunner
import XCTest

/// Real `python3` and `sh` examples through the runner: every way an example can misbehave ends
/// in a clear verdict, within its limits, with nothing left running.
final class ExampleRunnerTests: XCTestCase {
    let config = CourseConfig(
        id: "t", title: "T",
        runners: [
            "python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py"),
            "sh": RunnerConfig(command: ["sh", "{file}"], fileExtension: "sh"),
            "ghost": RunnerConfig(command: ["no-such-interpreter-xyz", "{file}"], fileExtension: "txt"),
        ],
        timeout: 5, environment: ["PREFLIGHT_TEST_VAR": "from-course"])

    func item(_ language: String, _ code: String, expect: String, options: OutputOptions = OutputOptions(), timeout: Double? = nil) -> CheckItem {
        let example = Example(lessonID: "l", index: 1, language: language, code: code, location: SourceLocation(file: "l.md", line: 3, column: 1),
                              timeout: timeout, expected: ExpectedOutput(text: expect, location: SourceLocation(file: "l.md", line: 8, column: 1), options: options))
        return CheckItem(kind: .example, example: example, label: "l example 1", name: "l/example-1")
    }

    lazy var pool = try! ExampleRunner.makePool(for: config, sandbox: true)

    func run(_ item: CheckItem) -> CheckResult { ExampleRunner(config: config, pool: pool).run(item) }

    func testPassingPythonExample() {
        XCTAssertEqual(run(item("python", "print(sum([3, 4]))\n", expect: "7\n")).verdict, .passed)
    }

    func testMismatchCarriesADiffNamingTheExpectedBlock() {
        let result = run(item("python", "print('actual')\n", expect: "expected\n"))
        guard case .mismatch(let diff) = result.verdict else { return XCTFail("\(result.verdict)") }
        XCTAssertTrue(diff.contains("--- expected (l.md:8)"), diff)
        XCTAssertTrue(diff.contains("-expected\n+actual"), diff)
    }

    func testNonZeroExitFailsUnlessExpected() {
        let code = "echo oops >&2\nexit 3\n"
        XCTAssertEqual(run(item("sh", code, expect: "")).verdict, .wrongExit(expected: 0, actual: 3))
        XCTAssertEqual(run(item("sh", code, expect: "oops\n", options: OutputOptions(stream: .stderr, exitCode: 3))).verdict, .passed)
        let traceback = run(item("python", "raise ValueError('bad input')\n", expect: ""))
        XCTAssertEqual(traceback.verdict, .wrongExit(expected: 0, actual: 1))
        XCTAssertTrue(traceback.stderr.contains("ValueError: bad input"))
    }

    func testTimeoutKillsTheWholeGroupEvenWhenAChildHoldsStdoutOpen() throws {
        let marker = "preflight-sleeper-\(UUID().uuidString.prefix(8))"
        let code = "exec -a \(marker) sleep 300 &\necho started\nsleep 300\n"
        let started = Date()
        let result = run(item("sh", "(\(code))", expect: "started\n", timeout: 1))
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(result.verdict, .timedOut(seconds: 1))
        XCTAssertLessThan(elapsed, 5, "the deadline is enforced even though a grandchild holds the pipe")
        XCTAssertFalse(try processListing().contains(marker), "no process of the example survives")
    }

    func testGrandchildLeftBehindAfterExitIsKilledAndReaped() throws {
        let marker = "preflight-orphan-\(UUID().uuidString.prefix(8))"
        let result = run(item("sh", "(exec -a \(marker) sleep 300) &\necho done\n", expect: "done\n"))
        XCTAssertEqual(result.verdict, .passed)
        XCTAssertLessThan(result.duration, 3)
        let listing = try processListing()
        XCTAssertFalse(listing.contains(marker))
        // Zombies of this process would be children the runner failed to reap; other processes
        // on the machine are not the runner's business.
        let ours = listing.split(separator: "\n").filter {
            let fields = $0.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count > 2 && fields[1] == "\(getpid())" && fields[2].hasPrefix("Z")
        }
        XCTAssertEqual(ours, [], listing)
    }

    func testOutputFloodIsCutAndReported() {
        let result = run(item("python", "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n", expect: "x\n"))
        XCTAssertEqual(result.verdict, .outputCapExceeded(bytes: ProcessLimits.defaultOutputCap))
        XCTAssertLessThanOrEqual(result.stdout.utf8.count, ProcessLimits.defaultOutputCap)
    }

    func testStandardInputIsEmpty() {
        XCTAssertEqual(run(item("python", "import sys\nprint(repr(sys.stdin.read()))\n", expect: "''\n")).verdict, .passed)
    }

    func testExitBySignalIsReported() {
        XCTAssertEqual(run(item("sh", "kill -9 $$\n", expect: "")).verdict, .signaled(9))
    }

    func testMissingRunnerProgramIsNamed() {
        guard case .runnerMissing(let message) = run(item("ghost", "x", expect: "x")).verdict else { return XCTFail() }
        XCTAssertTrue(message.contains("no-such-interpreter-xyz"), message)
    }

    func testFreshFolderMinimalEnvironmentAndCleanup() throws {
        let code = "import os\nprint(sorted(os.listdir('.')))\nprint(os.environ.get('PREFLIGHT_TEST_VAR'))\nprint('USER' in os.environ)\nopen('left.txt','w').write('x')\nprint(os.getcwd())\n"
        let result = run(item("python", code, expect: "", options: OutputOptions(ellipsis: true)))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(3)), ["['example.py']", "from-course", "False"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: lines[3]), "the temporary folder is removed")
    }

    func testCPULimitStopsABusyLoopThatOutlivesNoDeadline() {
        // With a generous deadline the CPU rlimit (timeout*2+1 s) is the backstop; here the
        // wall-clock deadline still comes first, which is what learners see.
        let result = run(item("python", "while True:\n    pass\n", expect: "", timeout: 1))
        XCTAssertEqual(result.verdict, .timedOut(seconds: 1))
    }

    private func processListing() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/ps")
        process.arguments = ["-eo", "pid,ppid,stat,args"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
