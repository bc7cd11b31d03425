import Foundation
import PreflightCore
import XCTest

/// The authoring mistakes that once passed lint silently (issue 16): one fixture each, and each
/// test names every diagnostic the fixture gets: its id, severity, position and what it says.
final class LintMistakeTests: XCTestCase {
    struct Expected {
        var id: String
        var severity: Diagnostic.Severity
        /// `file:line:col`
        var at: String
        var says: [String]

        init(_ id: String, _ severity: Diagnostic.Severity, _ at: String, _ says: String...) {
            self.id = id
            self.severity = severity
            self.at = at
            self.says = says
        }
    }

    private func assertDiagnostics(_ diagnostics: [Diagnostic], _ expected: [Expected], file: StaticString = #filePath, line: UInt = #line) {
        let found = diagnostics.sortedByLocation()
        let summary = found.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.severity) [\($0.id)] \($0.message)" }.joined(separator: "\n")
        XCTAssertEqual(found.count, expected.count, summary, file: file, line: line)
        for (diagnostic, want) in zip(found, expected) {
            let at = "\(diagnostic.location.file):\(diagnostic.location.line):\(diagnostic.location.column)"
            XCTAssertEqual(diagnostic.id, want.id, summary, file: file, line: line)
            XCTAssertEqual(diagnostic.severity, want.severity, "[\(want.id)] \(diagnostic.message)", file: file, line: line)
            XCTAssertEqual(at, want.at, "[\(want.id)] \(diagnostic.message)", file: file, line: line)
            for fragment in want.says {
                XCTAssertTrue(diagnostic.message.contains(fragment), "[\(want.id)] `\(diagnostic.message)` lacks `\(fragment)`", file: file, line: line)
            }
        }
    }

    private func lesson(_ name: String, file: StaticString = #filePath, line: UInt = #line, _ expected: Expected...) {
        assertDiagnostics(Fixture.lesson("lint/\(name)").1, expected, file: file, line: line)
    }

    private func course(_ name: String, file: StaticString = #filePath, line: UInt = #line, _ expected: Expected...) {
        let base = Fixture.url("courses/\(name)")
        let report = CourseLint.run(root: base, searchPath: "/usr/local/bin:/usr/bin:/bin", displayPath: Fixture.relative(to: base))
        assertDiagnostics(report.diagnostics, expected, file: file, line: line)
    }

    // MARK: Near-miss role headings

    func testQuizzSaysWhatIsLost() {
        lesson("near-miss-quiz.md", Expected(
            "heading.near-miss-role", .warning, "lint/near-miss-quiz.md:9:1",
            "`## Quizz` is not a section role; did you mean `## Quiz`? Its 2 questions are not part of the quiz."))
    }

    func testSingularInterviewQuestion() {
        lesson("near-miss-interview.md", Expected(
            "heading.near-miss-role", .warning, "lint/near-miss-interview.md:9:1",
            "`## Interview Question` is not a section role; did you mean `## Interview Questions`? Its question is not a flashcard."))
    }

    func testSwappedLettersAndAPlainHeadingThatIsNoRole() {
        lesson("near-miss-example.md", Expected(
            "heading.near-miss-role", .warning, "lint/near-miss-example.md:9:1",
            "`## Exmaple` is not a section role; did you mean `## Example`? It is plain prose, not the lesson's example."))
    }

    func testNearMissMatching() {
        XCTAssertEqual(SectionRole.nearMiss(heading: "Quizzes")?.role, .quiz)
        XCTAssertEqual(SectionRole.nearMiss(heading: "Best Practice")?.role, .bestPractices)
        XCTAssertEqual(SectionRole.nearMiss(heading: "Comon Mistakes")?.role, .commonMistakes)
        XCTAssertEqual(SectionRole.nearMiss(heading: "Summaries")?.role, .summary)
        XCTAssertEqual(SectionRole.nearMiss(heading: "How-It-Works")?.role, .howItWorks)
        XCTAssertEqual(SectionRole.displayName("line-by-line explanation"), "Line-by-Line Explanation")
        for heading in ["Quiz", "Background", "Training Data", "Metrics", "Rollback", "More examples", "Factors", "Intended Use", "Practical notes"] {
            XCTAssertNil(SectionRole.nearMiss(heading: heading), heading)
        }
    }

    // MARK: Answer keys that do not mean what they say

    func testDecimalCommaInANumberKey() {
        lesson("decimal-comma.md", Expected(
            "answer.decimal-comma", .error, "lint/decimal-comma.md:13:9",
            "`0,25 ± 0,01` uses a decimal comma", "would mean 25 ± 1", "write `0.25 ± 0.01`"))
    }

    func testThousandsSeparatorsAreStillNumbers() {
        XCTAssertEqual(try AnswerKeyParser.parse("3,000").get(), .number(value: 3000, tolerance: 0, allowsPercent: false))
        XCTAssertEqual(try AnswerKeyParser.parse("1,234,567.5").get(), .number(value: 1_234_567.5, tolerance: 0, allowsPercent: false))
        XCTAssertEqual(try AnswerKeyParser.parse("3,000 requests").get(), .text("3,000 requests"))
        guard case .failure(let problem) = AnswerKeyParser.parse("1,5,3") else { return XCTFail("1,5,3 read as a number") }
        XCTAssertEqual(problem.id, "answer.bad-number")
    }

    func testPipeWithoutSpacesIsOneAnswer() {
        lesson("pipe-without-spaces.md", Expected(
            "answer.pipe-without-spaces", .warning, "lint/pipe-without-spaces.md:13:9",
            "`2|two` is one literal answer", "write `2 | two`"))
    }

    func testRegexThatLostItsBackslashToMarkdown() {
        lesson("regex-lost-backslash.md", Expected(
            "answer.regex-changed-by-markdown", .warning, "lint/regex-lost-backslash.md:13:16",
            "the regex key `/3.14/` is not what the file says (the file says `/3\\.14/`)", "put the whole key in backticks"))
    }

    func testToleranceThatIsNotANumber() {
        lesson("bad-tolerance.md", Expected(
            "answer.bad-number", .error, "lint/bad-tolerance.md:13:9", "the tolerance `abc` in `0.25 ± abc` is not a number"))
    }

    func testTrueFalseWithBothMarked() {
        lesson("true-false-both-marked.md", Expected(
            "quiz.true-false-both-marked", .error, "lint/true-false-both-marked.md:13:1", "both `True` and `False` marked `[x]`"))
    }

    func testTwoInterviewQuestionsWithOneHeading() {
        lesson("duplicate-interview-question.md", Expected(
            "interview.duplicate-question", .error, "lint/duplicate-interview-question.md:15:1",
            "same heading (the other is at line 11)", "share one flashcard"))
    }

    // MARK: Structure

    func testRelativeLinksAndImagesToMissingFiles() {
        lesson("missing-link.md",
            Expected("link.missing-file", .warning, "lint/missing-link.md:9:5", "link target `missing.md` does not exist"),
            Expected("link.missing-file", .warning, "lint/missing-link.md:10:32", "image target `img/none.png` does not exist"))
    }

    func testSectionFoldersLessonNumbersExtensionsAndLaterRequires() {
        course("structure",
            Expected("requires.self", .error, "01-second/01-c.md:5:12", "lesson `c` requires itself"),
            Expected("requires.later-lesson", .warning, "02-first/01-a.md:5:12", "`requires` names `c`, which comes later in the course"),
            Expected("structure.duplicate-lesson-number", .warning, "02-first/01-b.md:1:1", "`01-b.md` has the same number as `01-a.md`"),
            Expected("structure.markdown-extension", .error, "02-first/03-notes.markdown:1:1", "renamed `03-notes.md`"),
            Expected("structure.markdown-extension", .error, "02-first/04-upper.MD:1:1", "renamed `04-upper.md`"),
            Expected("structure.unnumbered-lesson", .warning, "02-first/intro.md:1:1", "`01-intro.md`"),
            Expected("structure.duplicate-section-folder", .error, "03-second:1:1", "two folders for section `second`"),
            Expected("structure.section-order", .warning, "course.yaml:9:5", "section `second` comes after `first`", "`01-second` is not numbered after `02-first`"),
            Expected("structure.empty-section", .warning, "course.yaml:12:5", "section `third` has no folder"))
    }

    func testRunnerProgramMissingFromPATH() {
        course("runners", Expected(
            "runner.not-on-path", .warning, "course.yaml:5:12", "runner program `no-such-compiler-xyz` for `fortran` is not on PATH here (searched /usr/local/bin:/usr/bin:/bin)"))
    }

    func testRunnerCommandsAreSplitLikeAShellDoes() throws {
        let course = try XCTUnwrap(Fixture.course("courses/runners").course)
        XCTAssertEqual(course.config.runner(for: "python")?.command, ["python3", "-X", "dev mode", "{file}"])
        XCTAssertEqual(try ShellWords.split(#"a 'b c' "d \"e\" \$f" g\ h 'i'"j""#).get(), ["a", "b c", #"d "e" $f"#, "g h", "ij"])
        XCTAssertEqual(try ShellWords.split(#"sh -c "printf \\n" {file}"#).get(), ["sh", "-c", #"printf \n"#, "{file}"])
        XCTAssertEqual(try ShellWords.split("  ").get(), [])
        XCTAssertEqual(try ShellWords.split("a ''").get(), ["a", ""])
        XCTAssertThrowsError(try ShellWords.split("a 'b").get())
    }

    // MARK: Positions and noise

    func testDuplicateYAMLKeyIsReportedAtTheDuplicate() {
        lesson("yaml-duplicate-key.md", Expected(
            "yaml.duplicate-key", .error, "lint/yaml-duplicate-key.md:6:1", "duplicate key `title` in front matter (first at line 3)"))
        course("duplicate-key-yaml",
            Expected("yaml.duplicate-key", .error, "course.yaml:10:5", "duplicate key `title` in course.yaml (first at line 8)"),
            Expected("yaml.duplicate-key", .error, "course.yaml:11:1", "duplicate key `title` in course.yaml (first at line 2)"))
    }

    func testDuplicateKeyMessageCarriesNoDumpOfTheDocument() {
        let diagnostics = Fixture.lesson("lint/yaml-duplicate-key.md").1
        XCTAssertFalse(diagnostics.contains { $0.message.contains("\n") || $0.message.contains("summary: S.") })
    }

    func testYAMLJargonGetsAPlainSentenceFirst() {
        lesson("yaml-tab.md", Expected(
            "yaml.syntax", .error, "lint/yaml-tab.md:4:1", "front matter is not valid YAML: a tab is used for indentation; use spaces (YAML parser:"))
        lesson("yaml-colon-in-value.md", Expected(
            "yaml.syntax", .error, "lint/yaml-colon-in-value.md:3:16",
            "quote a value that contains `: `", "(YAML parser: mapping values are not allowed in this context)"))
    }

    func testABrokenLessonIsNotAnUnknownLessonToThoseThatRequireIt() {
        course("broken-requires", Expected("yaml.syntax", .error, "01-basics/01-a.md:4:1", "a tab is used for indentation"))
    }

    func testOneGroupOfLessonsRequiringEachOtherIsOneError() {
        course("cycle-group",
            Expected("requires.later-lesson", .warning, "01-basics/01-a.md:5:12", "`b`"),
            Expected("requires.cycle", .error, "01-basics/01-a.md:5:12", "`requires` forms a cycle: a -> b -> a (also involved: c)"),
            Expected("requires.later-lesson", .warning, "01-basics/02-b.md:5:15", "`c`"))
    }

    // MARK: Fields that name files and ids stay inside the course

    func testCourseIdTimeoutAndRunnerCommandsInCourseYAML() {
        course("bad-course-yaml",
            Expected("course.id-not-kebab", .error, "course.yaml:1:5", "course id `../other-program` must be kebab-case"),
            Expected("timeout.out-of-range", .error, "course.yaml:3:10", "`timeout` is `7200`", "at most 3600"),
            Expected("course.bad-iri", .error, "course.yaml:4:6", "`iri` must be an absolute IRI"),
            Expected("runner.no-file-placeholder", .error, "course.yaml:6:11", "runner command for `python` has no `{file}`"),
            Expected("runner.bad-quoting", .error, "course.yaml:7:7", "a double quote (\") is never closed"))
    }

    func testSectionsRunnersAndFieldsOfCourseYAML() {
        course("bad-sections",
            Expected("course.unknown-field", .warning, "course.yaml:3:1", "unknown field `colour`"),
            Expected("course.bad-value", .error, "course.yaml:4:7", "`warm` must be true or false"),
            Expected("course.bad-value", .error, "course.yaml:5:14", "`environment` must map"),
            Expected("runner.no-command", .error, "course.yaml:7:11", "runner for `python` needs a command"),
            Expected("course.section-id-not-kebab", .error, "course.yaml:9:5", "section id `Basics`"),
            Expected("course.duplicate-section", .error, "course.yaml:15:5", "duplicate section id `more`"),
            Expected("course.missing-field", .error, "course.yaml:18:5", "missing required field `summary`"))
    }

    func testFenceTimeoutIsBounded() {
        lesson("fence-timeout.md", Expected("timeout.out-of-range", .error, "lint/fence-timeout.md:11:1", "`timeout=` is `7200`"))
    }

    func testExercisesAreLintedWithTheCourse() {
        course("exercises-lint",
            Expected("exercise.path-outside", .error, "exercises/02-escape/README.md:4:7", "`file: ../../victim.txt` climbs out of the exercise folder"),
            Expected("exercise.missing-file", .error, "exercises/03-ruby-check/README.md:2:1", "the solution file `solution/add.py` does not exist"),
            Expected("exercise.check-no-runner", .error, "exercises/03-ruby-check/README.md:5:1", "the check `check.rb` needs a `ruby` runner"),
            Expected("timeout.out-of-range", .error, "exercises/03-ruby-check/README.md:6:10", "`timeout` is `0`"),
            Expected("exercise.unknown-lesson", .error, "exercises/04-ghost/README.md:3:1", "unknown lesson `no-such-lesson`"),
            Expected("exercise.unknown-field", .warning, "exercises/04-ghost/README.md:5:1", "`timout`"),
            Expected("exercise.no-readme", .error, "exercises/05-no-readme:1:1", "no README.md"),
            Expected("exercise.no-hints", .warning, "exercises/07-good/README.md:1:1", "should have hints"),
            Expected("exercise.duplicate-name", .error, "exercises/07-good/README.md:3:1", "duplicate exercise name `good`"),
            Expected("exercise.missing-field", .error, "exercises/08-incomplete/README.md:2:1", "missing required field `title`"),
            Expected("exercise.bad-value", .error, "exercises/08-incomplete/README.md:3:7", "`file` must be a non-empty text value"),
            Expected("exercise.folder-name", .error, "exercises/notes:1:1", "`notes` is not named `NN-<name>`"))
    }

    func testAnExerciseWhosePathLeavesItsFolderIsNotLoaded() {
        let (exercises, _) = ExerciseLoader.load(Fixture.url("courses/exercises-lint/exercises"), lessonIDs: nil)
        XCTAssertEqual(exercises.map(\.id), ["good", "ruby-check", "ghost"], "02-escape must never reach `exercise reset`")
    }

    func testMissingExercisesFolder() {
        course("no-exercises-folder", Expected(
            "exercise.folder-missing", .error, "course.yaml:3:1", "`exercises: ../practice` names no folder"))
    }
}
