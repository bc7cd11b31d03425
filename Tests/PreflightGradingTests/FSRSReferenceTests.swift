import Foundation
import PreflightGrading
import TestSupport
import XCTest

/// Preflight's FSRS-6 against py-fsrs 6.3.2 itself (fuzzing off), over random review histories:
/// many cards, random ratings, random elapsed times from seconds (same-day reviews) to months.
/// The Makefile installs py-fsrs into `.venv-test/` (`make test-deps`); the reference replays
/// the same histories in Tests/FSRSReference/schedule.py.
final class FSRSReferenceTests: XCTestCase {
    struct Review: Codable { var rating: Int; var at: Int }
    struct Histories: Codable { var start: Int; var cards: [[Review]] }
    struct Reference: Decodable { var state: String; var step: Int?; var stability: Double; var difficulty: Double; var due: Double }

    /// 2022-11-29T12:30:00Z, the start of py-fsrs's own tests.
    let start = 1_669_725_000

    func testRandomHistoriesMatchTheReferenceImplementation() throws {
        for seed: UInt64 in [1, 2, 3] {
            let histories = makeHistories(cards: 300, seed: seed)
            let reference = try runReference(histories)
            XCTAssertEqual(reference.count, histories.cards.count)
            let scheduler = FSRS()
            var sameDayNonAgain = 0
            for (index, (history, expected)) in zip(histories.cards, reference).enumerated() {
                var card = FSRS.Card(due: date(histories.start))
                for (number, (review, want)) in zip(history, expected).enumerated() {
                    if let last = card.lastReview, review.at - Int(last.timeIntervalSince1970) < 86_400, review.rating > 1 { sameDayNonAgain += 1 }
                    card = scheduler.review(card, rating: FSRS.Rating(rawValue: review.rating)!, at: date(review.at))
                    let context = "seed \(seed), card \(index), review \(number + 1) of \(history.map { "\($0.rating)@+\($0.at - histories.start)s" })"
                    XCTAssertEqual(card.state.rawValue, want.state, context)
                    XCTAssertEqual(card.step, want.step, context)
                    XCTAssertEqual(card.stability ?? .nan, want.stability, accuracy: 1e-4, "stability, " + context)
                    XCTAssertEqual(card.difficulty ?? .nan, want.difficulty, accuracy: 1e-4, "difficulty, " + context)
                    XCTAssertEqual(card.due.timeIntervalSince1970, want.due, accuracy: 1e-4, "due, " + context)
                    // One divergence makes every later review of this card differ too: report the first.
                    if testRun?.failureCount ?? 0 > 0 { return }
                }
            }
            XCTAssertGreaterThan(sameDayNonAgain, 500, "the histories exercise same-day Hard, Good and Easy reviews")
        }
    }

    /// Elapsed times mix seconds-to-hours (same day), just under and over a day, many days, and
    /// reviews exactly when the card falls due; ratings are uniform over Again...Easy.
    func makeHistories(cards: Int, seed: UInt64) -> Histories {
        var generator = SeededGenerator(seed: seed)
        let scheduler = FSRS()
        var result: [[Review]] = []
        for _ in 0..<cards {
            var card = FSRS.Card(due: date(start))
            var now = start
            var reviews: [Review] = []
            for _ in 0..<Int.random(in: 1...25, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<3: now += Int.random(in: 1...(6 * 3600), using: &generator)
                case 3..<5: now += Int.random(in: (20 * 3600)...(50 * 3600), using: &generator)
                case 5..<8: now += Int.random(in: 1...400, using: &generator) * 86_400 + Int.random(in: 0..<86_400, using: &generator)
                default: now = max(now, Int(card.due.timeIntervalSince1970))
                }
                let review = Review(rating: Int.random(in: 1...4, using: &generator), at: now)
                reviews.append(review)
                card = scheduler.review(card, rating: FSRS.Rating(rawValue: review.rating)!, at: date(now))
            }
            result.append(reviews)
        }
        return Histories(start: start, cards: result)
    }

    func runReference(_ histories: Histories) throws -> [[Reference]] {
        let root = TestPaths.packageRoot
        let python = root.appendingPathComponent(".venv-test/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Missing(description: "py-fsrs is not installed at \(python.path): run `make test-deps` (`make test` does) to compare with the reference")
        }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("histories.json"), output = folder.appendingPathComponent("reference.json")
        try JSONEncoder().encode(histories).write(to: input)
        let process = Process()
        process.executableURL = python
        process.arguments = [root.appendingPathComponent("Tests/FSRSReference/schedule.py").path, input.path, output.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message)
        return try JSONDecoder().decode([[Reference]].self, from: Data(contentsOf: output))
    }

    struct Missing: Error, CustomStringConvertible { var description: String }

    func date(_ unixSeconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(unixSeconds)) }
}
