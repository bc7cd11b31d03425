import Foundation
import TestSupport
import XCTest

/// A course whose every string carries escape sequences (a window-title change, a clear-screen,
/// an OSC 52 clipboard write, a C1 control, a bidirectional override): every command shows them
/// as visible text or encodes them, and none reaches the terminal raw.
final class HostileTextTests: XCTestCase {
    /// As YAML writes it in double quotes, and as the raw characters.
    static let yamlPayload = #"\e]0;pwned\a\e[2J\e]52;c;cHduZWQ=\a\x9b31m\u202E"#
    static let rawPayload = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;cHduZWQ=\u{07}\u{9B}31m\u{202E}"

    private var folder: URL!
    private var course: URL { folder.appendingPathComponent("course") }

    override func setUpWithError() throws {
        folder = try TestPaths.temporaryFolder()
        let payload = Self.yamlPayload, raw = Self.rawPayload
        let section = course.appendingPathComponent("01-basics")
        try FileManager.default.createDirectory(at: section, withIntermediateDirectories: true)
        try """
            id: hostile
            title: "Course \(payload)"
            timeout: 5
            exercises: exercises
            runners:
              python: python3 {file}
            sections:
              - id: basics
                title: "Section \(payload)"
                summary: "Summary \(payload)"
            """.write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        let lesson = """
            ---
            id: hostile-lesson
            title: "Lesson \(payload)"
            summary: "Summary \(payload)"
            ---

            # Lesson \(raw)

            Prose \(raw) and `code \(raw)`.

            ## Example

            ```python
            print("printed \\x1b]0;pwned\\x07 \\x9b31m \\u202e")
            ```

            ```output
            printed \(raw.prefix(0))\u{1B}]0;pwned\u{07} \u{9B}31m \u{202E}
            ```

            ## Interview Questions

            ### Question \(raw)

            Answer \(raw).

            ## Quiz

            ### Pick \(raw)

            - [x] right \(raw)
              > feedback \(raw)
            - [ ] wrong \(raw)

            Explanation: because \(raw).

            ### Type \(raw)

            Answer: word

            Explanation: again \(raw).
            """
        try lesson.write(to: section.appendingPathComponent("01-\(raw)lesson.md"), atomically: true, encoding: .utf8)
        let exercise = course.appendingPathComponent("exercises/01-\(raw)ex")
        try FileManager.default.createDirectory(at: exercise.appendingPathComponent("starter"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: exercise.appendingPathComponent("solution"), withIntermediateDirectories: true)
        try """
            ---
            title: "Exercise \(payload)"
            lesson: hostile-lesson
            file: "add\(payload).py"
            check: check.py
            solution: solution/add.py
            ---

            # Exercise \(raw)

            Task \(raw).

            ## Hints

            ### Hint

            Hint \(raw).
            """.write(to: exercise.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let file = "add\(raw).py"
        try "def add(a, b):\n    return a - b\n".write(to: exercise.appendingPathComponent("starter/\(file)"), atomically: true, encoding: .utf8)
        try "def add(a, b):\n    return a + b\n".write(to: exercise.appendingPathComponent("solution/add.py"), atomically: true, encoding: .utf8)
        try """
            import glob, importlib.util, sys
            path = [p for p in glob.glob('add*.py')][0]
            spec = importlib.util.spec_from_file_location('add', path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            ok = module.add(2, 3) == 5
            print(('PASS' if ok else 'FAIL') + '  add(2, 3) == 5 \\x1b[2J')
            sys.exit(0 if ok else 1)
            """.write(to: exercise.appendingPathComponent("check.py"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The characters a terminal would obey: C0 controls other than tab and newline, DEL, C1
    /// controls, and bidirectional overrides.
    func obeyed(_ text: String) -> [String] {
        text.unicodeScalars.compactMap { scalar in
            switch scalar.value {
            case 0x09, 0x0A: return nil
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                return String(format: "U+%04X", scalar.value)
            default: return nil
            }
        }
    }

    func testEveryCommandShowsCourseTextWithoutObeyingIt() throws {
        let state = folder.appendingPathComponent("p.sqlite").path
        let workspace = folder.appendingPathComponent("workspace").path
        let common = ["--course", course.path, "--state", state]
        let exercise = ["--workspace", workspace]
        let commands: [([String], String?)] = [
            (["lint"], nil), (["lint", "--format", "json"], nil),
            (["list"], nil), (["list", "--json"], nil),
            (["show", "hostile-lesson"], nil),
            (["check", "--no-cache"], nil), (["check", "--no-cache", "--format", "json"], nil), (["check", "--no-cache", "--format", "junit"], nil),
            (["quiz", "hostile-lesson", "--answers", "-"], "B\nnot it\n"), (["quiz", "hostile-lesson", "--answers", "-", "--json"], "A\nword\n"),
            (["quiz", "--all", "--answers", "-"], "\n"),
            (["review", "--answers", "-"], "good\n"), (["review", "--stats"], nil),
            (["progress"], nil), (["progress", "--json"], nil),
            (["learn"], nil),
            (["exercise", "list"] + exercise, nil), (["exercise", "list", "--json"] + exercise, nil),
            (["exercise", "check", "1"] + exercise, nil), (["exercise", "next"] + exercise, nil),
            (["exercise", "hint", "1"] + exercise, nil), (["exercise", "solution", "1", "--yes"] + exercise, nil),
            (["exercise", "watch"] + exercise, nil), (["exercise", "verify"] + exercise, nil),
            (["exercise", "verify", "--format", "classroom"] + exercise, nil), (["exercise", "verify", "--grade", "--format", "junit"] + exercise, nil),
            (["exercise", "verify", "--grade", "--format", "json"] + exercise, nil), (["exercise", "verify", "--grade"] + exercise, nil),
            (["export", "moodle-xml"], nil), (["export", "gift"], nil), (["sync", "--status"], nil),
            (["exercise", "reset", "1", "--yes"] + exercise, nil),
            (["reset", "hostile-lesson", "--yes"], nil), (["reset", "--all", "--yes"], nil),
        ]
        for (arguments, input) in commands {
            let result = try PreflightBinary.run(arguments + common, input: input)
            let name = arguments.prefix(3).joined(separator: " ")
            XCTAssertFalse(result.stdout.isEmpty && result.stderr.isEmpty, "\(name) printed nothing")
            XCTAssertEqual(obeyed(result.stdout), [], "\(name) stdout: \(result.stdout.prefix(400))")
            XCTAssertEqual(obeyed(result.stderr), [], "\(name) stderr: \(result.stderr.prefix(400))")
            XCTAssertNotEqual(result.status, 134, "\(name) crashed")
        }
        // The course is sound apart from its strings, so every command above did its real work.
        let lint = try PreflightBinary.run(["lint"] + common)
        XCTAssertEqual(lint.status, 0, lint.stderr)
        XCTAssertEqual(try PreflightBinary.run(["check", "--no-cache"] + common).status, 0)
        XCTAssertEqual(try PreflightBinary.run(["exercise", "verify"] + exercise + common).status, 0)
        // Shown, not dropped: the visible forms of the payload are there.
        let list = try PreflightBinary.run(["list"] + common)
        XCTAssertTrue(list.stdout.contains("Lesson ^[]0;pwned^G^[[2J^[]52;c;cHduZWQ=^G<U+009B>31m<U+202E>"), list.stdout)
    }
}
