import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PreflightApp
import PreflightCore
import TestSupport
import XCTest

/// Quiz banks for an LMS: Moodle XML with the structure of Moodle's own fixtures, GIFT that reads
/// back through Moodle's grammar to the same questions, and a loss report for the rest.
final class QuizExportTests: XCTestCase {
    private var fixtures: URL { TestPaths.packageRoot.appendingPathComponent("Tests/PreflightAppTests/Fixtures") }
    /// The course index these opens keep goes to the test run's state folder, not the developer's.
    private static let environment = ["XDG_STATE_HOME": PreflightBinary.stateHome.path]

    private func export() throws -> (QuizExport, Course) {
        let address = CourseAddress(course: fixtures.appendingPathComponent("export-course").path, environment: Self.environment, paths: DisplayPaths(base: fixtures))
        let opened = try OpenedCourse.open(address)
        return (QuizExport(course: opened.course, lessons: opened.course.lessons), opened.course)
    }

    func testWhatTheFormatsCannotExpressIsReportedPerQuestionWithItsLine() throws {
        let (export, _) = try export()
        let losses = Dictionary(grouping: export.losses, by: \.title)
        XCTAssertEqual(export.questions.map(\.name), [
            "Which {setting} = the #1 choice: a ~ b?", "Which are true of probes?", "A canary gets all traffic at once.",
            "Name the wildcard character", "How many seconds?", "Which share is the threshold?", "Which arrow?", "What does this print?",
        ])
        XCTAssertEqual(losses["Put them in order"]?.map(\.omitted), [true])
        XCTAssertTrue(losses["Put them in order"]?[0].reason.contains("ordering") == true)
        XCTAssertTrue(losses["What do these lines print?"]?[0].reason.contains("2 lines") == true)
        XCTAssertTrue(losses["What does this print about the time?"]?[0].reason.contains("`ellipsis`") == true)
        let regex = try XCTUnwrap(losses["Name the wildcard character"]?.first)
        XCTAssertFalse(regex.omitted, "the plain alternatives still go out")
        XCTAssertEqual(regex.line, "export-course/01-basics/01-questions.md:42:1: note: question \u{201C}Name the wildcard character\u{201D} exported without the regular-expression answer /aster(isk)?/ (Moodle's short answer has only literal text with `*` wildcards)")
        XCTAssertTrue(losses["Which share is the threshold?"]?[0].reason.contains("80%") == true, "a percentage key is a loss, not a silent change")
        XCTAssertEqual(Set(export.losses.map(\.title)), ["Put them in order", "What do these lines print?", "What does this print about the time?",
                                                         "Name the wildcard character", "Which share is the threshold?"])
    }

    func testMoodleXMLParsesWithTheStructureOfMoodlesFixtures() throws {
        let (export, _) = try export()
        let document = try XMLDocument(data: Data(MoodleXML.document(export).utf8))
        let shapes = try XMLDocument(contentsOf: fixtures.appendingPathComponent("moodle-shapes.xml"))
        var expected: [String: [String]] = [:]
        for question in try shapes.nodes(forXPath: "/quiz/question") {
            guard let element = question as? XMLElement, let type = element.attribute(forName: "type")?.stringValue else { continue }
            expected[type] = (element.children ?? []).compactMap { ($0 as? XMLElement)?.name }.reduce(into: []) { if $0.last != $1 { $0.append($1) } }
        }
        let questions = try document.nodes(forXPath: "/quiz/question").compactMap { $0 as? XMLElement }
        var types: [String] = []
        for question in questions {
            let type = try XCTUnwrap(question.attribute(forName: "type")?.stringValue)
            types.append(type)
            let names = (question.children ?? []).compactMap { ($0 as? XMLElement)?.name }.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
            XCTAssertEqual(names, expected[type], "\(type): the elements in the order Moodle's fixtures have them")
        }
        XCTAssertEqual(types, ["category", "category", "multichoice", "multichoice", "truefalse", "shortanswer", "numerical", "numerical", "shortanswer", "shortanswer"])
        let categories = try document.nodes(forXPath: "/quiz/question[@type='category']/category/text").map { $0.stringValue ?? "" }
        XCTAssertEqual(categories, ["$course$/top/Export // Course/Basics: {braces} = ~ # \\ and a // slash",
                                    "$course$/top/Export // Course/Basics: {braces} = ~ # \\ and a // slash/Questions & answers"])

        func value(_ path: String) throws -> [String] { try document.nodes(forXPath: path).map { $0.stringValue ?? "" } }
        let first = "/quiz/question[name/text='Which {setting} = the #1 choice: a ~ b?']"
        XCTAssertEqual(try value(first + "/single"), ["true"])
        XCTAssertEqual(try value(first + "/answer/@fraction"), ["0", "100", "0"])
        XCTAssertEqual(try value(first + "/answer/text"), ["a ~ b", "c = d", "e \\ f"])
        XCTAssertEqual(try value(first + "/answer[1]/feedback/text"), ["<p>Not ~ this {one}: #no</p>"])
        XCTAssertEqual(try value(first + "/questiontext/text"), ["<p>Which {setting} = the #1 choice: a ~ b?</p>\n<p>Look at <code>a = {b}</code> and &lt;b&gt;this&lt;/b&gt;.</p>"],
                       "the lesson's raw <b> is shown as text, not passed on as markup")
        XCTAssertEqual(try value(first + "/generalfeedback/text"), ["<p>Because x: y = {z} # and ~w.</p>"])
        XCTAssertEqual(try value(first + "/idnumber"), ["questions/q-2de74c17"])
        let selectAll = "/quiz/question[name/text='Which are true of probes?']"
        XCTAssertEqual(try value(selectAll + "/single"), ["false"])
        XCTAssertEqual(try value(selectAll + "/answer/@fraction"), ["33.33333", "33.33333", "33.33333", "-33.33333", "-33.33333"],
                       "Moodle's partial credit: +1/k for each right option, -1/k for each wrong one")
        let trueFalse = "/quiz/question[@type='truefalse']"
        XCTAssertEqual(try value(trueFalse + "/answer/text"), ["true", "false"])
        XCTAssertEqual(try value(trueFalse + "/answer/@fraction"), ["0", "100"])
        XCTAssertEqual(try value(trueFalse + "/answer/feedback/text"), ["<p>No: a small share first.</p>", "<p>Right: a small share first.</p>"])
        XCTAssertEqual(try value("/quiz/question[name/text='Name the wildcard character']/answer/text"), ["\\*", "star"], "`*` is Moodle's wildcard: a literal one is escaped")
        XCTAssertEqual(try value("/quiz/question[name/text='How many seconds?']/answer/tolerance"), ["5"])
        XCTAssertEqual(try value("/quiz/question[name/text='Which share is the threshold?']/answer/text"), ["0.8"])
        let predict = "/quiz/question[name/text='What does this print?']"
        XCTAssertEqual(try value(predict + "/usecase"), ["1"], "the exact output, case and all")
        XCTAssertEqual(try value(predict + "/answer/text"), ["Total: {6}"])
        XCTAssertTrue(try value(predict + "/questiontext/text")[0].contains("<pre><code>print(&quot;Total: {6}&quot;)</code></pre>"))
    }

    func testGIFTReadsBackThroughMoodlesGrammarAsTheSameQuestions() throws {
        let (export, _) = try export()
        let (text, losses) = GIFT.document(export)
        XCTAssertEqual(losses.map(\.title), ["Which arrow?", "What does this print?"], "GIFT's own limits: `->` reads as matching; short answers ignore case")
        XCTAssertEqual(losses.map(\.omitted), [true, false])
        let read = try GIFTReader.read(text)
        let written = export.questions.filter { $0.name != "Which arrow?" }
        XCTAssertEqual(read.map(\.name), written.map(\.name))
        for (question, back) in zip(written, read) {
            XCTAssertEqual(back.category, MoodleXML.categoryPath(question.category), question.name)
            XCTAssertEqual(back.format, "html")
            XCTAssertEqual(back.text, question.html, question.name)
            XCTAssertEqual(back.generalFeedback, question.generalFeedback ?? "", question.name)
            switch question.body {
            case .multichoice(let single, let choices):
                XCTAssertEqual(back.type, "multichoice", question.name)
                XCTAssertEqual(back.answers.map(\.text), choices.map(\.html), question.name)
                for (answer, choice) in zip(back.answers, choices) {
                    XCTAssertEqual(answer.fraction, single ? choice.fraction : (choice.fraction * 1e7).rounded() / 1e7, accuracy: 1e-6, question.name)
                    XCTAssertEqual(answer.feedback, choice.feedback.map(MarkdownHTML.paragraphs) ?? "", question.name)
                }
            case .trueFalse(let answerIsTrue, let feedbackTrue, let feedbackFalse):
                XCTAssertEqual(back.type, "truefalse")
                XCTAssertEqual(back.answerIsTrue, answerIsTrue)
                XCTAssertEqual(back.feedbackTrue, feedbackTrue.map(MarkdownHTML.paragraphs) ?? "")
                XCTAssertEqual(back.feedbackFalse, feedbackFalse.map(MarkdownHTML.paragraphs) ?? "")
            case .shortAnswer(let answers, _):
                XCTAssertEqual(back.type, "shortanswer", question.name)
                XCTAssertEqual(back.answers.map(\.text), answers.map { $0.replacingOccurrences(of: "*", with: "\\*") }, question.name)
            case .numerical(let answers):
                XCTAssertEqual(back.type, "numerical", question.name)
                XCTAssertEqual(back.numbers.map(\.value), answers.map(\.value))
                XCTAssertEqual(back.numbers.map(\.tolerance), answers.map(\.tolerance))
            }
        }
    }

    func testGIFTEscapesEveryReservedCharacter() {
        XCTAssertEqual(GIFT.escape("a~b=c#d{e}f:g\\h\ni"), "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni")
        XCTAssertEqual(GIFTReader.restore(GIFTReader.protect(GIFT.escape("{x = ~y} # z: \\ end\nnext"))), "{x = ~y} # z: \\ end\nnext")
    }

    func testTheShippedCourseExportsAndReadsBack() throws {
        let opened = try OpenedCourse.open(CourseAddress(course: TestPaths.shippedCourse.path, environment: Self.environment))
        let export = QuizExport(course: opened.course, lessons: opened.course.lessons)
        let all = opened.course.lessons.reduce(0) { $0 + $1.quiz.count }
        let omitted = Set(export.losses.filter(\.omitted).map { "\($0.location.file):\($0.location.line)" }).count
        XCTAssertEqual(export.questions.count + omitted, all, "every question is exported or reported")
        _ = try XMLDocument(data: Data(MoodleXML.document(export).utf8))
        let (text, losses) = GIFT.document(export)
        XCTAssertEqual(try GIFTReader.read(text).count, export.questions.count - losses.filter(\.omitted).count)
    }
}
