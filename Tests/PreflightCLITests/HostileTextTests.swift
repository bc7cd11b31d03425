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

    /// The lines that carry a character a terminal would obey, made visible for the failure message.
    func offending(_ text: String) -> String {
        text.split(separator: "\n").filter { !obeyed(String($0)).isEmpty }.prefix(5).map { $0.debugDescription }.joined(separator: "\n")
    }

    func testEveryCommandShowsCourseTextWithoutObeyingIt() throws {
        let state = folder.appendingPathComponent("p.sqlite").path
        let workspace = folder.appendingPathComponent("workspace").path
        let common = ["--course", course.path, "--state", state]
        let exercise = ["--workspace", workspace]
        // Progress files as the website writes them: one for this course whose ids and answer
        // carry the payload, and one whose course id does.
        let raw = Self.rawPayload
        func progressFile(course: String) throws -> String {
            let document: [String: Any] = [
                "format": "preflight-progress", "version": 1, "course": course,
                "lessons": ["hostile-lesson": ["status": "done"], "gone\(raw)": ["status": "done"]],
                "questions": ["hostile-lesson/q-\(raw)": ["lesson": "hostile-lesson", "answer": "B \(raw)", "correct": true, "score": 1, "answered_at": "2026-11-30T02:00:00Z"]],
                "flashcards": [:],
            ]
            return String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        }
        let site = folder.appendingPathComponent("site \(raw)").path
        let commands: [([String], String?)] = [
            (["lint"], nil), (["lint", "--format", "json"], nil),
            (["list"], nil), (["list", "--json"], nil),
            (["show", "hostile-lesson"], nil),
            (["check", "--no-cache"], nil), (["check", "--no-cache", "--format", "json"], nil), (["check", "--no-cache", "--format", "junit"], nil),
            (["quiz", "hostile-lesson", "--answers", "-"], "B\nnot it\n"), (["quiz", "hostile-lesson", "--answers", "-", "--json"], "A\nword\n"),
            (["quiz", "--all", "--answers", "-"], "\n"),
            (["review", "--answers", "-"], "good\n"), (["review", "--stats"], nil),
            (["progress"], nil), (["progress", "--json"], nil),
            (["export", "html", site], nil), (["export", "html", site, "--with-solutions"], nil),
            (["export", "progress"], nil), (["export", "progress", "--output", folder.appendingPathComponent("progress \(raw).json").path], nil),
            (["import", "progress", "-"], try progressFile(course: "hostile")), (["import", "progress", "-"], try progressFile(course: "other \(raw)")),
            (["learn"], nil),
            (["exercise", "list"] + exercise, nil), (["exercise", "list", "--json"] + exercise, nil),
            (["exercise", "check", "1"] + exercise, nil), (["exercise", "next"] + exercise, nil),
            (["exercise", "hint", "1"] + exercise, nil), (["exercise", "solution", "1", "--yes"] + exercise, nil),
            (["exercise", "watch"] + exercise, nil), (["exercise", "verify"] + exercise, nil),
            (["exercise", "verify", "--format", "classroom"] + exercise, nil), (["exercise", "verify", "--grade", "--format", "junit"] + exercise, nil),
            (["exercise", "verify", "--grade", "--format", "json"] + exercise, nil), (["exercise", "verify", "--grade"] + exercise, nil),
            (["export", "moodle-xml"], nil), (["export", "gift"], nil), (["sync", "--status"], nil),
            (["exercise", "reset", "1", "--yes"] + exercise, nil),
            (["show", "hostile-lesson", "--answers"], nil), (["show", "hostile-lesson", "--plain"], nil),
            (["quiz", "hostile-lesson", "--plain", "--seed", "1"], "A\nnot it\n"), (["quiz", "--missed", "--answers", "-"], "A\nword\n"),
            (["learn", "--plain"], "\n\n\nr\nt\nA\nword\nl\n\nq\n"), (["review", "--plain"], "\n3\n"),
            (["progress", "--plain"], nil),
            (["exercise", "hint"] + exercise, nil), (["exercise", "check", "1", "--plain"] + exercise, nil),
            (["exercise", "watch", "--plain"] + exercise, "h\nl\nq\n"),
            (["reset", "hostile-lesson", "--yes"], nil), (["reset", "--all", "--yes"], nil),
            // Authoring: reports for CI, accepting output, previews, answer sheets, scaffolds.
            (["lint", "--format", "junit"], nil), (["lint", "--watch"], nil), (["show", "hostile-lesson", "--watch"], nil),
            (["check", "--no-cache", "--accept"], nil),
            (["exercise", "verify", "--format", "json"] + exercise, nil), (["exercise", "verify", "--format", "junit"] + exercise, nil),
            (["quiz", "hostile-lesson", "--seed", "3", "--answers-template"], nil),
            (["new", "lesson", "basics", "Title \(Self.rawPayload)"], nil),
            (["new", "lesson", "basics", "Plain title"], nil),
            (["new", "exercise", "hostile-lesson", "second-exercise"], nil),
        ]
        for (arguments, input) in commands {
            let result = try PreflightBinary.run(arguments + common, input: input)
            let name = arguments.prefix(3).joined(separator: " ")
            XCTAssertFalse(result.stdout.isEmpty && result.stderr.isEmpty, "\(name) printed nothing")
            XCTAssertEqual(obeyed(result.stdout), [], "\(name) stdout: \(offending(result.stdout))")
            XCTAssertEqual(obeyed(result.stderr), [], "\(name) stderr: \(offending(result.stderr))")
            XCTAssertNotEqual(result.status, 134, "\(name) crashed")
        }
        // A course made in a folder whose name carries the payload: its paths are shown escaped.
        let made = try PreflightBinary.run(["new", "course", folder.appendingPathComponent("new-\(Self.rawPayload)").path])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(obeyed(made.stdout), [])
        XCTAssertTrue(made.stdout.contains("new-^[]0;pwned^G"), made.stdout)
        // The authoring commands did their work: a sheet, a refused title, scaffolds in the course.
        XCTAssertTrue(try PreflightBinary.run(["quiz", "hostile-lesson", "--seed", "3", "--answers-template"] + common).stdout.contains("#    A) "))
        XCTAssertEqual(try PreflightBinary.run(["new", "lesson", "basics", "Title \(Self.rawPayload)"] + common).status, 64, "a title with control characters is refused")
        XCTAssertTrue(FileManager.default.fileExists(atPath: course.appendingPathComponent("01-basics/02-plain-title.md").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: course.appendingPathComponent("exercises/02-second-exercise/check.py").path))
        // The course is sound apart from its strings, so every command above did its real work.
        let lint = try PreflightBinary.run(["lint"] + common)
        XCTAssertEqual(lint.status, 0, lint.stderr)
        XCTAssertEqual(try PreflightBinary.run(["check", "--no-cache"] + common).status, 0)
        XCTAssertEqual(try PreflightBinary.run(["exercise", "verify"] + exercise + common).status, 0)
        XCTAssertEqual(try PreflightBinary.run(["export", "html", site] + common).status, 0, "the site was written")
        XCTAssertEqual(try PreflightBinary.run(["import", "progress", "-"] + common, input: try progressFile(course: "hostile")).status, 0)
        XCTAssertEqual(try PreflightBinary.run(["import", "progress", "-"] + common, input: try progressFile(course: "other \(raw)")).status, 65)
        // Shown, not dropped: the visible forms of the payload are there.
        let list = try PreflightBinary.run(["list"] + common)
        XCTAssertTrue(list.stdout.contains("Lesson ^[]0;pwned^G^[[2J^[]52;c;cHduZWQ=^G<U+009B>31m<U+202E>"), list.stdout)
    }

    /// A lesson that does not load, named and titled with the payload: listed as unavailable,
    /// noted on stderr and failed by a whole check, all without a raw control character.
    func testAnUnavailableLessonIsNamedWithoutObeyingIt() throws {
        let raw = Self.rawPayload
        try "---\ntitle: \"Broken \(Self.yamlPayload)\"\nsummary: S.\n---\n\n# Broken\n".write(
            to: course.appendingPathComponent("01-basics/02-\(raw)broken.md"), atomically: true, encoding: .utf8)
        let common = ["--course", course.path, "--state", folder.appendingPathComponent("p.sqlite").path]
        for arguments in [["list"], ["list", "--json"], ["show", "hostile-lesson"], ["progress"], ["progress", "--json"], ["check", "--no-cache"],
                          ["check", "--no-cache", "--format", "json"], ["check", "--no-cache", "--format", "junit"], ["learn", "--plain"]] {
            let result = try PreflightBinary.run(arguments + common, input: "l\n\nq\n")
            let name = arguments.joined(separator: " ")
            XCTAssertEqual(obeyed(result.stdout), [], "\(name) stdout: \(result.stdout.prefix(400))")
            XCTAssertEqual(obeyed(result.stderr), [], "\(name) stderr: \(result.stderr.prefix(400))")
            XCTAssertNotEqual(result.status, 134, "\(name) crashed")
        }
        let list = try PreflightBinary.run(["list"] + common)
        XCTAssertTrue(list.stdout.contains("unavailable: "), list.stdout)
        XCTAssertEqual(try PreflightBinary.run(["check", "--no-cache"] + common).status, 65)
    }
}
