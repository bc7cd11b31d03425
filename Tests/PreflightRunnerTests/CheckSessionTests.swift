import Foundation
import Synchronization
import PreflightCore
import PreflightRunner
import XCTest

final class CheckSessionTests: XCTestCase {
    final class MemoryCache: CheckCache {
        let stored = Mutex<Set<String>>([])
        var keys: Set<String> { stored.withLock { $0 } }
        func passedKeys(among keys: [String]) -> Set<String> { stored.withLock { $0.intersection(keys) } }
        func recordPasses(_ keys: [String]) { stored.withLock { $0.formUnion(keys) } }
    }

    let config = CourseConfig(id: "t", title: "T", runners: ["sh": RunnerConfig(command: ["sh", "{file}"], fileExtension: "sh")], timeout: 5)
    lazy var runner = ExampleRunner(config: config, pool: try! ExampleRunner.makePool(for: config, sandbox: true))

    func items(_ outputs: [String]) -> [CheckItem] {
        outputs.enumerated().map { index, text in
            let example = Example(lessonID: "l", index: index + 1, language: "sh", code: "sleep 0.$((\(outputs.count - index) % 3))\necho \(text)\n",
                                  location: SourceLocation(file: "l.md", line: index * 10 + 1, column: 1),
                                  expected: ExpectedOutput(text: text + "\n", location: SourceLocation(file: "l.md", line: index * 10 + 5, column: 1)))
            return CheckItem(kind: .example, example: example, label: "l example \(index + 1)", name: "l/\(index + 1)")
        }
    }

    func testResultsComeBackInCourseOrderWhateverOrderTheyFinish() {
        let session = CheckSession(runner: runner, jobs: 4, cache: nil)
        let results = session.run(items(["a", "b", "c", "d", "e", "f"]))
        XCTAssertEqual(results.map(\.item.name), ["l/1", "l/2", "l/3", "l/4", "l/5", "l/6"])
        XCTAssertTrue(results.allSatisfy(\.verdict.passed))
    }

    func testSecondRunExecutesNothingAndAnEditReRunsOnlyThatExample() {
        let cache = MemoryCache()
        let session = CheckSession(runner: runner, jobs: 2, cache: cache)
        var list = items(["a", "b", "c"])
        XCTAssertEqual(session.run(list).filter(\.fromCache).count, 0)
        XCTAssertEqual(session.run(list).filter(\.fromCache).count, 3)
        list[1].example.code = list[1].example.code.replacingOccurrences(of: "echo b", with: "echo  b")
        let third = session.run(list)
        XCTAssertEqual(third.map(\.fromCache), [true, false, true])
        XCTAssertTrue(third[1].verdict.passed)
    }

    func testFailuresAreNotCached() {
        let cache = MemoryCache()
        let session = CheckSession(runner: runner, jobs: 1, cache: cache)
        var list = items(["a"])
        list[0].example.expected.text = "not a\n"
        XCTAssertFalse(session.run(list)[0].verdict.passed)
        XCTAssertTrue(cache.keys.isEmpty)
        XCTAssertFalse(session.run(list)[0].fromCache)
    }
}
