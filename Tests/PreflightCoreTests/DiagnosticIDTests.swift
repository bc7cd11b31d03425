import Foundation
import PreflightCore
import TestSupport
import XCTest

/// Every diagnostic carries a stable id from the catalog, with the catalog's severity, and the
/// table in docs/lesson-format.md lists exactly the catalog: an author can look up any id lint
/// prints, and silence only what exists.
final class DiagnosticIDTests: XCTestCase {
    /// Everything every fixture makes the rules say, with the policy's own warnings.
    private func everyFixtureDiagnostic() throws -> [Diagnostic] {
        var found: [Diagnostic] = []
        let lintFolder = Fixture.url("lint")
        for name in try FileManager.default.contentsOfDirectory(atPath: lintFolder.path).sorted() where name.hasSuffix(".md") {
            let (lesson, diagnostics) = Fixture.lesson("lint/\(name)")
            found += LintPolicy.apply(diagnostics, allowances: lesson?.lintAllowances ?? [], strict: false)
        }
        var courses = ["good", "exercise-course"]
        courses += try FileManager.default.contentsOfDirectory(atPath: Fixture.url("courses").path).map { "courses/\($0)" }
        for course in courses.sorted() {
            let base = Fixture.url(course)
            found += CourseLint.run(root: base, searchPath: "/usr/bin:/bin", displayPath: Fixture.relative(to: base)).diagnostics
        }
        found += CourseLoader.load(Fixture.url("lint")).diagnostics  // a folder without course.yaml
        // What a progress database remembers: lesson `old-first` was 01-basics/01-first.md, and
        // `gone` has progress but no lesson.
        if let good = CourseLoader.load(Fixture.url("good")).course {
            found += RenameCheck.diagnostics(
                course: good.outline, index: ["old-first": "01-basics/01-first.md"], withProgress: ["gone"],
                relativeFile: { "01-basics/" + URL(fileURLWithPath: $0.file).lastPathComponent }, database: "p.sqlite", courseFile: "course.yaml")
        }
        var small = Fixture.config
        small.maxFileSize = 64
        found += Fixture.lesson("good/01-basics/01-first.md", config: small).1
        found += Fixture.lesson(markdown: "---\n---\n").1
        found += Fixture.lesson(markdown: "---\n- a list\n---\n").1
        found += Fixture.lesson(markdown: "\n").1
        found += Fixture.lesson(markdown: "---\nid: x\ntitle: T\nsummary: S.\n---\n\n" + String(repeating: ">", count: 300) + " deep\n").1
        found += CourseLoader.loadLesson(data: Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF]), displayPath: "bytes.md", config: Fixture.config, sectionID: "s").1
        found += Fixture.lesson(markdown: """
            ---
            id: x
            title: T
            summary: S.
            minutes: many
            colour: blue
            requires: [Not-An-Id, x]
            sources: nope
            ---

            # Another title

            ## Quiz

            ## Interview Questions

            ### Asked, never answered

            ## Example

            ```python
            print(1)
            ```

            ```python norun
            print(2)
            ```

            ```output
            2
            ```

            ```python
            print(3)
            ```

            ```output exit=300 colour
            3
            ```

            ```output
            4
            ```

            ## Quiz

            ### Too few

            - [x] only

            ### No marker

            - [x] a
            - b

            ### Empty option

            - [x] a
            - [ ]

            ### Short order

            1. one

            ### Predict without code

            ```output
            1
            ```

            ### Empty answer

            Answer: a |  | b

            ### Same

            Answer: a

            Explanation: e.

            ### Same

            Answer: b

            Explanation: e.

            """).1
        return found
    }

    func testEveryDiagnosticHasACatalogIdWithItsSeverity() throws {
        for diagnostic in try everyFixtureDiagnostic() {
            let entry = DiagnosticCatalog.entry(diagnostic.id)
            XCTAssertNotNil(entry, "no catalog id for \(diagnostic.location.file):\(diagnostic.location.line): [\(diagnostic.id)] \(diagnostic.message)")
            XCTAssertEqual(entry?.severity, diagnostic.severity, "[\(diagnostic.id)] \(diagnostic.message)")
        }
    }

    func testTheFixturesExerciseEveryId() throws {
        let seen = Set(try everyFixtureDiagnostic().map(\.id))
        // Produced elsewhere: by the grader's key check (PreflightGrading), and by a file that
        // exists but cannot be read (permissions, which a test running as root cannot take away).
        let elsewhere: Set<String> = ["quiz.key-self-check", "file.unreadable"]
        let missing = Set(DiagnosticCatalog.entries.map(\.id)).subtracting(seen).subtracting(elsewhere)
        XCTAssertEqual(missing.sorted(), [], "ids no fixture produces")
    }

    func testCatalogIdsAreUniqueAndShaped() {
        let ids = DiagnosticCatalog.entries.map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count)
        for id in ids {
            XCTAssertNotNil(id.range(of: #"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression), id)
        }
    }

    func testTheDocsTableListsExactlyTheCatalog() throws {
        let docs = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/lesson-format.md"), encoding: .utf8)
        var documented: [String: String] = [:]
        for line in docs.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`"), cells[0].hasSuffix("`"), ["error", "warning"].contains(cells[1]) else { continue }
            documented[String(cells[0].dropFirst().dropLast())] = cells[1]
        }
        let catalog = Dictionary(uniqueKeysWithValues: DiagnosticCatalog.entries.map { ($0.id, $0.severity.rawValue) })
        XCTAssertEqual(documented, catalog)
    }
}
