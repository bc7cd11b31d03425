import Foundation
import PreflightCore
@testable import PreflightSite
import TestSupport
import XCTest

/// What `preflight export html` writes, read back as files. The browser tests
/// (Tests/Browser/test_site.py) then use the same fixture course in Chromium.
final class SiteExportTests: XCTestCase {
    static var fixture: URL { TestPaths.packageRoot.appendingPathComponent("Tests/Browser/fixture-course") }

    private var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func loadFixture(_ root: URL = SiteExportTests.fixture) throws -> (Course, [Exercise]) {
        let result = CourseLoader.load(root)
        let course = try XCTUnwrap(result.course, "\(result.diagnostics.map(\.message))")
        XCTAssertFalse(result.diagnostics.hasErrors)
        let (exercises, problems) = ExerciseLoader.load(try XCTUnwrap(course.exercisesFolder), lessonIDs: Set(course.lessons.map(\.id)))
        XCTAssertFalse(problems.hasErrors, "\(problems.map(\.message))")
        return (course, exercises)
    }

    private func read(_ path: String, in site: URL) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    private func pages(in site: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: site, includingPropertiesForKeys: nil).filter { $0.pathExtension == "html" }
    }

    func testEveryPartOfTheSiteIsWritten() throws {
        let (course, exercises) = try loadFixture()
        let site = folder.appendingPathComponent("site")
        let summary = try SiteExporter.export(course: course, exercises: exercises, to: site)
        for path in ["index.html", "lesson-first-lesson.html", "lesson-second-lesson.html", "lesson-hostile-lesson.html", "quiz-first-lesson.html",
                     "flashcards.html", "exam.html", "search.html", "exercises.html", "exercise-add.html", "downloads/add/add.py",
                     "data/course.js", "data/exam.js", "data/search.js", "data/quiz-first-lesson.js", "assets/site.css", "assets/site.js", "assets/grader.js"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), path)
        }
        XCTAssertEqual(summary.pages, try pages(in: site).count)
        let quizData = try read("data/quiz-first-lesson.js", in: site)
        XCTAssertTrue(quizData.hasPrefix("(window.PreflightQuizzes = window.PreflightQuizzes || {})[\"first-lesson\"] = ["), "data files are scripts, loadable from file://")
        XCTAssertTrue(quizData.contains("\"kind\":\"ordering\""))
        XCTAssertTrue(quizData.contains("\"type\":\"number\""))
    }

    func testEveryPageCarriesThePolicyAndNoInlineScript() throws {
        let (course, exercises) = try loadFixture()
        let site = folder.appendingPathComponent("site")
        _ = try SiteExporter.export(course: course, exercises: exercises, to: site)
        for page in try pages(in: site) {
            let html = try String(contentsOf: page, encoding: .utf8)
            XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self';"), page.lastPathComponent)
            XCTAssertNil(html.range(of: #"<script(?![^>]*\bsrc=)"#, options: .regularExpression), "inline script in \(page.lastPathComponent)")
            XCTAssertNil(html.range(of: #"<[a-z][^>]*\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]), "event handler attribute in \(page.lastPathComponent)")
            XCTAssertNil(html.range(of: #"href="\s*(javascript|data|vbscript):"#, options: [.regularExpression, .caseInsensitive]), "live script link in \(page.lastPathComponent)")
        }
        let hostile = try read("lesson-hostile-lesson.html", in: site)
        XCTAssertTrue(hostile.contains("&lt;script&gt;window.__pwned = &#39;block&#39;&lt;/script&gt;"))
        XCTAssertTrue(hostile.contains("<span class=\"inert-link\">javascript link <span class=\"inert-target\">(javascript:window.__pwned=&#39;link&#39;)</span></span>"))
        XCTAssertTrue(hostile.contains("<a href=\"https://example.org/\">web link</a>"))
    }

    func testRawHTMLPassesOnlyWhenTheCourseAllowsIt() throws {
        var (course, exercises) = try loadFixture()
        course.config.html = .allow
        let site = folder.appendingPathComponent("allowed")
        _ = try SiteExporter.export(course: course, exercises: exercises, to: site)
        let page = try read("lesson-hostile-lesson.html", in: site)
        XCTAssertTrue(page.contains("<b onmouseover=\"window.__pwned='b'\">bold</b>"), "the author asked for raw HTML")
        XCTAssertTrue(page.contains("Content-Security-Policy"), "the policy still stops its scripts")
        XCTAssertTrue(page.contains("inert-link\">javascript link"), "links are checked whatever the HTML policy")
    }

    func testExamplesShowTheirOutputAndWhenCheckLastProvedIt() throws {
        let (course, exercises) = try loadFixture()
        var options = SiteExporter.Options()
        options.verifiedDates = ["first-lesson/example-1": Date(timeIntervalSince1970: 1_795_000_000)]
        let site = folder.appendingPathComponent("site")
        _ = try SiteExporter.export(course: course, exercises: exercises, to: site, options: options)
        let first = try read("lesson-first-lesson.html", in: site)
        XCTAssertTrue(first.contains("<figcaption>Expected output of example 1</figcaption><pre class=\"code\"><code class=\"nohighlight\">hello</code></pre>"))
        XCTAssertTrue(first.contains("Output verified by <code>preflight check</code> on <time datetime=\"2026-11-18\">2026-11-18</time>."))
        XCTAssertTrue(try read("lesson-hostile-lesson.html", in: site).contains("Not verified by <code>preflight check</code>"))
        XCTAssertFalse(first.contains("Because a stale example"), "interview answers are not on the lesson page")
        XCTAssertFalse(first.contains("[x]"), "quiz keys are not on the lesson page")
    }

    func testPipeTablesBecomeTables() throws {
        let (course, exercises) = try loadFixture()
        let site = folder.appendingPathComponent("site")
        _ = try SiteExporter.export(course: course, exercises: exercises, to: site)
        let page = try read("lesson-first-lesson.html", in: site)
        XCTAssertTrue(page.contains("<thead><tr><th scope=\"col\">Check</th><th scope=\"col\" class=\"align-center\">Threshold</th><th scope=\"col\" class=\"align-right\">Action</th></tr></thead>"), page)
        XCTAssertTrue(page.contains("<tr><td>error rate</td><td class=\"align-center\">1%</td><td class=\"align-right\">ticket</td></tr>"))
        XCTAssertTrue(page.contains("<a href=\"lesson-second-lesson.html\">link to the second lesson</a>"), "links to lesson files lead to their pages")
    }

    func testSolutionsOnlyWhenAskedFor() throws {
        let (course, exercises) = try loadFixture()
        let without = folder.appendingPathComponent("without")
        _ = try SiteExporter.export(course: course, exercises: exercises, to: without)
        XCTAssertFalse(try read("exercise-add.html", in: without).contains("Show the solution"))
        var options = SiteExporter.Options()
        options.withSolutions = true
        let with = folder.appendingPathComponent("with")
        _ = try SiteExporter.export(course: course, exercises: exercises, to: with, options: options)
        let page = try read("exercise-add.html", in: with)
        XCTAssertTrue(page.contains("Show the solution"))
        XCTAssertTrue(page.contains("return a + b"))
    }

    func testAForeignFolderIsRefusedUntouchedAndAnEarlierExportReplaced() throws {
        let (course, exercises) = try loadFixture()
        let foreign = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("todo.txt"))
        XCTAssertThrowsError(try SiteExporter.export(course: course, exercises: exercises, to: foreign)) { error in
            XCTAssertTrue("\(error)".contains("was not written by `preflight export html`"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: foreign.path), ["todo.txt"])

        let site = folder.appendingPathComponent("site")
        _ = try SiteExporter.export(course: course, exercises: exercises, to: site)
        var smaller = course
        smaller.lessons.removeAll { $0.id == "hostile-lesson" }
        _ = try SiteExporter.export(course: smaller, exercises: exercises, to: site)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("lesson-hostile-lesson.html").path), "pages of removed lessons do not linger")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("lesson-first-lesson.html").path))
    }

    func testWithoutTheHighlighterCodeIsLeftPlain() throws {
        let (course, exercises) = try loadFixture()
        var options = SiteExporter.Options()
        options.highlighter = folder.appendingPathComponent("nowhere")
        let site = folder.appendingPathComponent("site")
        let summary = try SiteExporter.export(course: course, exercises: exercises, to: site, options: options)
        XCTAssertFalse(summary.highlighted)
        XCTAssertFalse(try read("lesson-first-lesson.html", in: site).contains("highlight.min.js"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/highlight.min.js").path))
    }
}
