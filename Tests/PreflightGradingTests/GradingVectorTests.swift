import Foundation
import PreflightCore
import PreflightGrading
import TestSupport
import XCTest

/// Tests/GradingVectors/*.json (vectors.json, site-vectors.json): whole small lessons and what
/// learners type, with the grade each answer must get. The website's JavaScript grader runs the
/// same files in the browser tests, so the two graders cannot drift apart.
final class GradingVectorTests: XCTestCase {
    struct Entry: Decodable { var lesson: String; var cases: [Case] }
    struct Case: Decodable { var question: String; var response: String; var correct: Bool; var score: Double }

    let config = CourseConfig(id: "vectors", title: "Vectors", runners: ["python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py")])

    func testEveryVectorGradesAsRecorded() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Tests/GradingVectors")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertTrue(files.contains { $0.lastPathComponent == "vectors.json" }, "vectors.json is in \(folder.path)")
        var seen: [QuizAnswer.Kind: (right: Bool, wrong: Bool, partial: Bool)] = [:]
        var count = 0
        for file in files { try check(file, seen: &seen, count: &count) }
        XCTAssertGreaterThan(count, 100)
        let kinds: [QuizAnswer.Kind] = [.singleChoice, .multipleChoice, .trueFalse, .shortAnswer, .predictOutput, .ordering]
        for kind in kinds {
            XCTAssertTrue(seen[kind]?.right == true && seen[kind]?.wrong == true, "\(kind.rawValue) has right and wrong answers")
        }
        XCTAssertTrue(seen[.multipleChoice]?.partial == true && seen[.ordering]?.partial == true, "select-all and ordering have partly right answers")
    }

    private func check(_ url: URL, seen: inout [QuizAnswer.Kind: (right: Bool, wrong: Bool, partial: Bool)], count: inout Int) throws {
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: url))
        for (number, entry) in entries.enumerated() {
            let (loaded, diagnostics) = CourseLoader.loadLesson(data: Data(entry.lesson.utf8), displayPath: "\(url.lastPathComponent)#\(number)", config: config, sectionID: "vectors")
            let file = url.lastPathComponent
            XCTAssertEqual(diagnostics.map(\.message), [], "\(file) lesson \(number) loads cleanly")
            let lesson = try XCTUnwrap(loaded, "\(file) lesson \(number)")
            XCTAssertEqual(KeyCheck.diagnostics(for: lesson).map(\.message), [], "\(file) lesson \(number): keys grade themselves")
            let byTitle = Dictionary(uniqueKeysWithValues: lesson.quiz.map { ($0.title.unescaped, $0) })
            XCTAssertEqual(Set(entry.cases.map(\.question)), Set(byTitle.keys), "\(file) lesson \(number): every question has cases, every case a question")
            for vector in entry.cases {
                let question = try XCTUnwrap(byTitle[vector.question], vector.question)
                let context = "\(file) · \(lesson.id) · \(vector.question) · \(String(reflecting: vector.response))"
                let order = DisplayOrder.identity(question.answer.labels.count)
                let response: QuizResponse
                switch ResponseParser.parse(vector.response, for: question, order: order) {
                case .success(let parsed): response = parsed
                case .failure(let error):
                    XCTFail("\(context): refused (\(error.message)); vectors hold answers the grader reads")
                    continue
                }
                let graded = Grader.grade(question, response, shown: order)
                XCTAssertEqual(graded.correct, vector.correct, context)
                XCTAssertEqual(graded.score, vector.score, accuracy: 1e-9, context)
                var kind = seen[question.kind] ?? (false, false, false)
                if vector.correct { kind.right = true } else if vector.score > 0 { kind.partial = true } else { kind.wrong = true }
                seen[question.kind] = kind
                count += 1
            }
        }
    }
}
