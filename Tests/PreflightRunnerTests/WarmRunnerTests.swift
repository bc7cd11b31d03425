import Foundation
import PreflightCore
import PreflightRunner
import TestSupport
import XCTest

/// The warm runner must give exactly the cold runner's results, while each example still runs
/// in its own process with fresh globals, its own limits and kill-at-deadline.
final class WarmRunnerTests: XCTestCase {
    static let config = CourseConfig(
        id: "t", title: "T", runners: ["python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py")],
        timeout: 5, environment: ["PYTHONHASHSEED": "0"])

    /// A pool per test, so one test's replacements do not count against another.
    lazy var pool = try! ExampleRunner.makePool(for: Self.config, sandbox: true)

    static let programs: [(String, String)] = [
        ("prints", "print('hello')\n"),
        ("main guard", "if __name__ == '__main__':\n    print('as a script')\n"),
        ("fresh globals", "print('leftover' in globals())\nleftover = 1\n"),
        ("module attributes", "print(sorted(globals()))\nprint(__loader__.__class__.__name__, __spec__, __package__, __cached__, __doc__)\n"),
        ("annotations and docstring", "'''Doc.'''\nx: int = 1\nprint(__doc__, __annotations__)\n"),
        ("imports a module the runner did not", "import decimal, json\nprint(json.dumps({'d': str(decimal.Decimal('0.1') * 3)}))\n"),
        ("pickles a class from __main__", "import pickle\nclass P:\n    pass\nprint(type(pickle.loads(pickle.dumps(P()))).__name__)\n"),
        ("sys.exit with a code", "import sys\nprint('before')\nsys.exit(3)\n"),
        ("sys.exit with a message", "import sys\nsys.exit('fatal: bad config')\n"),
        ("sys.exit(None)", "raise SystemExit\n"),
        ("raises", "def f():\n    return 1 / 0\nprint('start')\nf()\n"),
        ("chained exception", "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('missing key') from e\n"),
        ("syntax error", "print('unclosed'\n"),
        ("spawns a child", "import subprocess, sys\nout = subprocess.run([sys.executable, '-c', 'print(6*7)'], capture_output=True, text=True)\nprint(out.stdout.strip())\n"),
        ("leaves a child behind", "import subprocess\nsubprocess.Popen(['sleep', '300'])\nprint('left it')\n"),
        ("changes the working folder", "import os\nos.chdir('/')\nprint(os.getcwd())\n"),
        ("sets a signal handler", "import signal, os\nsignal.signal(signal.SIGUSR1, lambda s, f: print('got', s))\nos.kill(os.getpid(), signal.SIGUSR1)\nprint('after')\n"),
        ("leaves a thread running", "import threading, time\ndef work():\n    time.sleep(0.2)\n    print('thread done')\nthreading.Thread(target=work).start()\nprint('main done')\n"),
        ("atexit handler", "import atexit\natexit.register(lambda: print('bye'))\nprint('hi')\n"),
        ("reads stdin", "import sys\nprint(repr(sys.stdin.read()))\n"),
        ("argv and path", "import sys, os\nprint(os.path.basename(sys.argv[0]), os.path.basename(sys.path[0]) == os.path.basename(os.getcwd()))\n"),
        ("environment", "import os\nprint(sorted(k for k in os.environ if k in ('HOME', 'PYTHONHASHSEED', 'LANG')))\nprint(os.environ['HOME'] == os.getcwd())\n"),
        ("hash seed", "print(hash('preflight'))\n"),
        ("stderr and stdout", "import sys\nprint('out')\nprint('err', file=sys.stderr)\n"),
        ("killed by a signal", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"),
        ("keyboard interrupt", "raise KeyboardInterrupt\n"),
        ("unicode", "print('café ✓ 日本')\n"),
        ("temp file", "import tempfile, os\nwith tempfile.NamedTemporaryFile(dir=None) as f:\n    print(os.path.dirname(f.name) == os.getcwd())\n"),
    ]

    func item(_ name: String, _ code: String) -> CheckItem {
        let example = Example(lessonID: "w", index: 1, language: "python", code: code, location: SourceLocation(file: "w.md", line: 1, column: 1),
                              expected: ExpectedOutput(text: "", location: SourceLocation(file: "w.md", line: 2, column: 1)))
        return CheckItem(kind: .example, example: example, label: name, name: name)
    }

    /// Temporary folder names differ per run; everything else must match exactly.
    func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: #"/[^\s"']*/(example|exercise)-[A-Za-z0-9]{8}"#, with: "<tmp>", options: .regularExpression)
    }

    func testWarmMatchesColdOnEveryTrickyProgram() throws {
        let cold = ExampleRunner(config: Self.config, pool: pool, warm: false)
        let warm = ExampleRunner(config: Self.config, pool: pool, warm: true)
        for (name, code) in Self.programs {
            let a = cold.run(item(name, code)), b = warm.run(item(name, code))
            XCTAssertEqual(a.verdict, b.verdict, name)
            XCTAssertEqual(normalized(a.stdout), normalized(b.stdout), "\(name): stdout")
            XCTAssertEqual(normalized(a.stderr), normalized(b.stderr), "\(name): stderr")
            XCTAssertEqual(pool.replacements, 0, "\(name) made the warm interpreter fail")
        }
        XCTAssertEqual(pool.replacements, 0, "no warm interpreter had to be replaced")
    }

    func testWarmHonoursTheDeadlineAndTheOutputCap() throws {
        let warm = ExampleRunner(config: Self.config, pool: pool, timeoutOverride: 1, warm: true)
        let started = Date()
        let stuck = warm.run(item("stuck", "import subprocess\nsubprocess.Popen(['sleep', '300'])\nprint('x', flush=True)\nwhile True:\n    pass\n"))
        XCTAssertEqual(stuck.verdict, .timedOut(seconds: 1))
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
        XCTAssertEqual(pool.replacements, 0, "the stuck example")
        let flood = warm.run(item("flood", "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n"))
        XCTAssertEqual(pool.replacements, 0, "the flood")
        XCTAssertEqual(flood.verdict, .outputCapExceeded(bytes: ProcessLimits.defaultOutputCap))
        XCTAssertEqual(warm.run(item("after", "print('still warm')\n")).stdout, "still warm\n", "the interpreter survives both")
    }

    /// Every fourth Python item of the shipped course and the fixtures, both ways: a sample, so
    /// the suite stays quick while every kind of lesson code is still compared.
    func testShippedCourseAndFixturesGiveTheSameResultsBothWays() throws {
        var compared = 0
        for root in [TestPaths.shippedCourse, TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/good")] {
            guard let course = CourseLoader.load(root).course else { continue }
            let items = course.lessons.flatMap(CheckItem.items(for:)).filter { $0.example.language == "python" }
            let pool = try ExampleRunner.makePool(for: course.config, sandbox: true)
            defer { pool.close() }
            let cold = ExampleRunner(config: course.config, pool: pool, warm: false)
            let warm = ExampleRunner(config: course.config, pool: pool, warm: true)
            for item in stride(from: 0, to: items.count, by: 4).map({ items[$0] }) {
                let a = cold.run(item), b = warm.run(item)
                XCTAssertEqual(a.verdict, b.verdict, item.label)
                XCTAssertEqual(normalized(a.stdout), normalized(b.stdout), item.label)
                XCTAssertEqual(normalized(a.stderr), normalized(b.stderr), item.label)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 10)
    }
}
