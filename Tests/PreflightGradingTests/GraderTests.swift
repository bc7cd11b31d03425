import Foundation
import PreflightCore
import PreflightGrading
import XCTest

final class GraderTests: XCTestCase {
    let here = SourceLocation(file: "q.md", line: 1, column: 1)

    func question(_ answer: QuizAnswer) -> QuizQuestion {
        QuizQuestion(id: "l/q-1", lessonID: "l", title: "Q", prompt: [], answer: answer, explanation: "Because.", location: here)
    }

    func choice(_ marks: [Bool], feedback: [String?]? = nil) -> QuizQuestion {
        question(.choice(marks.enumerated().map { ChoiceOption(text: "option \($0.offset)", isCorrect: $0.element, feedback: feedback?[$0.offset], location: here) }))
    }

    func short(_ keys: [AnswerKey]) -> QuizQuestion { question(.shortAnswer(keys)) }

    func testSingleChoice() {
        let q = choice([false, true, false], feedback: ["Too low.", nil, nil])
        XCTAssertTrue(Grader.grade(q, .choice([1])).correct)
        let wrong = Grader.grade(q, .choice([0]))
        XCTAssertFalse(wrong.correct)
        XCTAssertEqual(wrong.score, 0)
        XCTAssertEqual(wrong.feedback, ["Too low."])
        XCTAssertEqual(wrong.rightAnswer, "B (option 1)")
        XCTAssertEqual(wrong.explanation, "Because.")
        XCTAssertFalse(Grader.grade(q, .choice([])).correct)
        XCTAssertFalse(Grader.grade(q, .choice([0, 1])).correct)
    }

    func testAnswersAreDescribedWithTheLettersTheLearnerSaw() {
        let q = choice([false, true, false])
        // Shown as A = option 2, B = option 0, C = option 1: the learner picked B, the right one is C.
        let graded = Grader.grade(q, .choice([0]), shown: DisplayOrder(shown: [2, 0, 1]))
        XCTAssertEqual(graded.given, "B (option 0)")
        XCTAssertEqual(graded.rightAnswer, "C (option 1)")
        XCTAssertEqual(Grader.grade(q, .choice([0])).given, "A (option 0)", "authored letters when nothing was shuffled")
    }

    func testSelectAllScoreIsItsPartialCredit() {
        let q = choice([true, true, false, true])
        let exact = Grader.grade(q, .choice([0, 1, 3]))
        XCTAssertTrue(exact.correct)
        XCTAssertEqual(exact.score, 1)
        let twoOfThree = Grader.grade(q, .choice([0, 1]))
        XCTAssertFalse(twoOfThree.correct, "correct only when fully right")
        XCTAssertEqual(twoOfThree.score, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(Grader.grade(q, .choice([0, 1, 2])).score, 1.0 / 3.0, accuracy: 1e-12, "a false pick cancels a hit")
        XCTAssertEqual(Grader.grade(q, .choice([2])).score, 0, "floored at zero")
        XCTAssertEqual(Grader.grade(q, .choice([0, 1, 2, 3])).score, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(Grader.grade(q, .skipped).score, 0)
    }

    func testSingleChoiceHasNoPartialCredit() {
        let q = choice([false, true, false])
        XCTAssertEqual(Grader.grade(q, .choice([0, 1])).score, 0, "two picks on a one-answer question score nothing")
    }

    func testQuizScoreAddsCreditsAndRoundsDown() {
        let q = choice([true, true, false, true])
        let answers = [Grader.grade(q, .choice([0, 1]))] + Array(repeating: Grader.grade(q, .choice([0, 1, 3])), count: 5) + [Grader.grade(q, .choice([2]))]
        let score = QuizScore(answers)
        XCTAssertEqual(score.text, "5.6 of 7 (80%)", "5 + 2/3 = 5.67 shows as 5.6, 80.9% as 80%")
        XCTAssertEqual(QuizScore(points: 7 - 1e-6, questions: 7).text, "6.9 of 7 (99%)", "never rounded up to a perfect score")
        XCTAssertEqual(QuizScore(points: 1.0 / 3 + 2.0 / 3, questions: 2).text, "1 of 2 (50%)")
        XCTAssertEqual(QuizScore(points: 0, questions: 0).text, "0 of 0 (0%)")
        XCTAssertEqual(QuizScore.tenthsText(-4), "-0.4")
    }

    func testTrueFalse() {
        let q = question(.choice([ChoiceOption(text: "True", isCorrect: false, location: here), ChoiceOption(text: "False", isCorrect: true, location: here)]))
        XCTAssertEqual(q.kind, .trueFalse)
        XCTAssertTrue(Grader.grade(q, .choice([1])).correct)
        XCTAssertFalse(Grader.grade(q, .choice([0])).correct)
    }

    func testShortTextIsNormalised() {
        let q = short([.text("Population Stability Index")])
        for answer in ["population stability index", "  POPULATION   stability\tindex ", "Population Stability Index\n"] {
            XCTAssertTrue(Grader.grade(q, .text(answer)).correct, answer)
        }
        XCTAssertFalse(Grader.grade(q, .text("population stability")).correct)
        XCTAssertFalse(Grader.grade(q, .text("")).correct, "an empty answer is wrong")
        let accented = short([.text("café")])
        XCTAssertTrue(Grader.grade(accented, .text("cafe\u{301}")).correct, "NFC: e + combining acute equals é")
        XCTAssertTrue(Grader.grade(accented, .text("CAFÉ")).correct)
    }

    func testRegexIsAnchoredAndCaseInsensitive() {
        let q = short([.regex("p9[59]")])
        XCTAssertTrue(Grader.grade(q, .text("p99")).correct)
        XCTAssertTrue(Grader.grade(q, .text(" P95 ")).correct)
        XCTAssertFalse(Grader.grade(q, .text("the p99")).correct, "anchored to the whole answer")
        XCTAssertFalse(Grader.grade(q, .text("p999")).correct)
        let alternation = short([.regex("a|b")])
        XCTAssertFalse(Grader.grade(alternation, .text("ab")).correct, "alternation is grouped inside the anchors")
        let special = short([.regex(#"\$\d+\.\d{2}"#)])
        XCTAssertTrue(Grader.grade(special, .text("$12.50")).correct)
        XCTAssertFalse(Grader.grade(special, .text("12.50")).correct)
    }

    func testNumbersWithToleranceAndForms() {
        let q = short([.number(value: 0.2, tolerance: 0.01, allowsPercent: false)])
        for answer in ["0.2", ".2", "2e-1", "0.21", "0.19", " 0.2 ", "+0.2"] {
            XCTAssertTrue(Grader.grade(q, .text(answer)).correct, answer)
        }
        for answer in ["0.22", "20%", "abc", "", "0.2.1"] {
            XCTAssertFalse(Grader.grade(q, .text(answer)).correct, answer)
        }
        let boundary = short([.number(value: 1, tolerance: 0.1, allowsPercent: false)])
        XCTAssertTrue(Grader.grade(boundary, .text("1.1")).correct, "the tolerance is inclusive")
        XCTAssertFalse(Grader.grade(boundary, .text("1.1001")).correct)
        let percent = short([.number(value: 0.8, tolerance: 0.01, allowsPercent: true)])
        for answer in ["80%", "0.8", "79.5 %", ".8"] { XCTAssertTrue(Grader.grade(percent, .text(answer)).correct, answer) }
        XCTAssertFalse(Grader.grade(percent, .text("80")).correct, "80 is not 0.8")
    }

    func testAlternativesAnyMatch() {
        let q = short([.text("PSI"), .regex("population stability( index)?"), .number(value: 3, tolerance: 0, allowsPercent: false)])
        XCTAssertTrue(Grader.grade(q, .text("psi")).correct)
        XCTAssertTrue(Grader.grade(q, .text("Population Stability")).correct)
        XCTAssertTrue(Grader.grade(q, .text("3.0")).correct)
        XCTAssertFalse(Grader.grade(q, .text("KS")).correct)
        XCTAssertEqual(Grader.grade(q, .text("KS")).rightAnswer, "PSI", "the first plain alternative")
    }

    func testRightAnswerShowsAPlainAlternativeBeforeAnyRegex() {
        let hashSeed = short([.regex(#"\$?PYTHONHASHSEED(=\d+)?"#), .text("PYTHONHASHSEED")])
        XCTAssertEqual(Grader.grade(hashSeed, .text("SEED")).rightAnswer, "PYTHONHASHSEED")
        let number = short([.regex("(29\\d|30\\d) ?s"), .number(value: 300, tolerance: 10, allowsPercent: false)])
        XCTAssertEqual(Grader.grade(number, .text("1")).rightAnswer, "300 ± 10")
        let percent = short([.number(value: 0.0735, tolerance: 0.0025, allowsPercent: true)])
        XCTAssertEqual(Grader.grade(percent, .text("1")).rightAnswer, "7.35% ± 0.25%")
        let onlyRegex = short([.regex("p9[59]")])
        XCTAssertEqual(Grader.grade(onlyRegex, .text("p50")).rightAnswer, "text matching /p9[59]/", "described only when nothing plainer exists")
    }

    func testPredictOutputLineByLineWithEllipsis() {
        let example = Example(lessonID: "l", index: 1, language: "python", code: "", location: here,
                              expected: ExpectedOutput(text: "total 6\nmean 2.0\n", location: here))
        let q = question(.predictOutput(example))
        XCTAssertTrue(Grader.grade(q, .text("total 6  \nmean 2.0\n\n")).correct, "trailing whitespace is ignored")
        XCTAssertFalse(Grader.grade(q, .text("total 6\nmean 2\n")).correct)
        XCTAssertEqual(Grader.grade(q, .text("x")).rightAnswer, "total 6\nmean 2.0", "real lines, without the final newline")
        var loose = example
        loose.expected.options.ellipsis = true
        loose.expected.text = "id ...\ndone\n"
        XCTAssertTrue(Grader.grade(question(.predictOutput(loose)), .text("id 42\ndone")).correct)
    }

    func testAMissedPredictionCarriesADiffOfExpectedAgainstTheAnswer() {
        let example = Example(lessonID: "l", index: 1, language: "python", code: "", location: here,
                              expected: ExpectedOutput(text: "a\nb\nc\n", location: here))
        let q = question(.predictOutput(example))
        let miss = Grader.grade(q, .text("a\nB\nc"))
        XCTAssertEqual(miss.diff, "--- expected\n+++ your answer\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c")
        XCTAssertNil(Grader.grade(q, .text("a\nb\nc   \n")).diff, "no diff for a right answer")
        XCTAssertNil(Grader.grade(question(.shortAnswer([.text("x")])), .text("y")).diff)
    }

    func testOrderingExactAndPartial() {
        let q = question(.ordering(["shadow", "canary", "full"]))
        XCTAssertTrue(Grader.grade(q, .ordering([0, 1, 2])).correct)
        let swapped = Grader.grade(q, .ordering([1, 0, 2]))
        XCTAssertFalse(swapped.correct)
        XCTAssertEqual(swapped.score, 1.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(swapped.given, "canary → shadow → full")
        XCTAssertEqual(swapped.rightAnswer, "shadow → canary → full")
    }

    func testSkippedAnswers() {
        let graded = Grader.grade(choice([true, false]), .skipped)
        XCTAssertTrue(graded.skipped)
        XCTAssertFalse(graded.correct)
        XCTAssertEqual(graded.given, "(skipped)")
    }

    func testShuffledLettersMapBackForEveryPermutationOfFourOptions() {
        let q = choice([false, false, true, false])
        func permutations(_ items: [Int]) -> [[Int]] {
            guard items.count > 1 else { return [items] }
            return items.indices.flatMap { i -> [[Int]] in
                var rest = items
                let head = rest.remove(at: i)
                return permutations(rest).map { [head] + $0 }
            }
        }
        let all = permutations([0, 1, 2, 3])
        XCTAssertEqual(all.count, 24)
        for shown in all {
            let order = DisplayOrder(shown: shown)
            for (position, letter) in ["A", "B", "C", "D"].enumerated() {
                let authored = order.authoredIndex(forLetter: Character(letter))
                XCTAssertEqual(authored, shown[position])
                XCTAssertEqual(order.letter(forAuthored: shown[position]), letter)
                XCTAssertEqual(Grader.grade(q, .choice([authored!])).correct, shown[position] == 2, "\(shown) \(letter)")
            }
            XCTAssertNil(order.authoredIndex(forLetter: "E"))
            XCTAssertEqual(order.authoredIndex(forLetter: "c"), shown[2], "lower-case letters work too")
        }
    }

    func testSeededShuffleIsReproducible() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = DisplayOrder.shuffled(8, using: &a), second = DisplayOrder.shuffled(8, using: &b), third = DisplayOrder.shuffled(8, using: &c)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, third)
        XCTAssertEqual(Set(first.shown), Set(0..<8))
    }
}
