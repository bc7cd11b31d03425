import Foundation
import PreflightCore
import PreflightGrading
import TestSupport
import XCTest

/// The grading vectors (Tests/GradingVectors/*.json) are run by the Swift grader here and by
/// the page's grader in the browser tests, so the two graders cannot drift apart unnoticed.
final class SiteGradingVectorTests: XCTestCase {
    struct Vector: Decodable {
        struct Case: Decodable {
            var question: String
            var response: String
            var correct: Bool
            var score: Double
        }

        var lesson: String
        var cases: [Case]
    }

    static let config = CourseConfig(id: "vectors", title: "Vectors", runners: ["python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py")])

    func testEveryVectorGetsItsVerdictFromTheSwiftGrader() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Tests/GradingVectors")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
        XCTAssertFalse(files.isEmpty, "no grading vectors in \(folder.path)")
        var checked = 0
        for file in files {
            let vectors = try JSONDecoder().decode([Vector].self, from: Data(contentsOf: file))
            for (number, vector) in vectors.enumerated() {
                let (lesson, diagnostics) = CourseLoader.loadLesson(data: Data(vector.lesson.utf8), displayPath: "\(file.lastPathComponent)#\(number)", config: Self.config, sectionID: "vectors")
                let loaded = try XCTUnwrap(lesson, "\(file.lastPathComponent) lesson \(number): \(diagnostics.map(\.message))")
                XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.map(\.message))")
                for entry in vector.cases {
                    let question = try XCTUnwrap(loaded.quiz.first { $0.title == entry.question }, "no question “\(entry.question)” in \(file.lastPathComponent)")
                    let order = DisplayOrder.identity({
                        switch question.answer {
                        case .choice(let options): return options.count
                        case .ordering(let items): return items.count
                        default: return 0
                        }
                    }())
                    let response = try ResponseParser.parse(entry.response, for: question, order: order).get()
                    let graded = Grader.grade(question, response, shown: order)
                    let label = "\(file.lastPathComponent): “\(entry.question)” answered \(entry.response.debugDescription)"
                    XCTAssertEqual(graded.correct, entry.correct, label)
                    XCTAssertEqual(graded.score, entry.score, accuracy: 1e-9, label)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 0)
    }
}
