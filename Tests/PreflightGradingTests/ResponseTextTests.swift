import Foundation
import PreflightCore
import PreflightGrading
import XCTest

/// How typed answers are read: units after numbers, thousands separators and decimal commas,
/// backticks, and option letters written as labels.
final class ResponseTextTests: XCTestCase {
    let here = SourceLocation(file: "q.md", line: 1, column: 1)

    func short(_ keys: [AnswerKey]) -> QuizQuestion {
        QuizQuestion(id: "l/q-1", lessonID: "l", title: "Q", prompt: [], answer: .shortAnswer(keys), explanation: nil, location: here)
    }

    func accepted(_ answer: String, _ key: AnswerKey) -> Bool { Grader.grade(short([key]), .text(answer)).correct }

    func testNumbersWithAUnitWordAreAcceptedForNumericKeys() {
        let seconds = AnswerKey.number(value: 300, tolerance: 0, allowsPercent: false)
        for answer in ["300s", "300 s", "300 seconds", "300sec", " 300  s ", "`300 s`", "300 req/s"] {
            XCTAssertTrue(accepted(answer, seconds), answer)
        }
        for answer in ["300 s s", "3 or 4", "300 s.", "s 300", "300%", "about 300", "30 s"] {
            XCTAssertFalse(accepted(answer, seconds), answer)
        }
        XCTAssertTrue(accepted("11.1 hours", .number(value: 11.1, tolerance: 0.1, allowsPercent: false)))
        XCTAssertTrue(accepted("20 ms", .number(value: 20, tolerance: 0, allowsPercent: false)))
        XCTAssertTrue(accepted("20 µs", .number(value: 20, tolerance: 0, allowsPercent: false)))
        XCTAssertFalse(accepted("300 s", .text("300")), "units are read only for numeric keys")
    }

    func testPercentWordsFollowThePercentRule() {
        let percent = AnswerKey.number(value: 0.2, tolerance: 0, allowsPercent: true)
        for answer in ["20%", "20 %", "20 percent", "20 per cent", "20pct", "0.2"] { XCTAssertTrue(accepted(answer, percent), answer) }
        let plain = AnswerKey.number(value: 0.2, tolerance: 0, allowsPercent: false)
        XCTAssertFalse(accepted("20 percent", plain), "a key without % takes no percentages, in words either")
    }

    func testDecimalCommaAndThousandsSeparators() {
        let cases: [(String, Double?)] = [
            ("0,25", 0.25), ("3,5", 3.5), ("1,2345", 1.2345), ("0,250", 0.25), ("-0,5", -0.5), ("1234,567", 1234.567),
            ("1,000", 1000), ("12,345,678", 12_345_678), ("1,234.5", 1234.5), ("3,000 requests", 3000), ("2,5e-1", 0.25),
            ("1,234", 1234), ("1,23,456", nil), ("1.234,5", nil), ("1,2,3", nil), ("1,", nil), (",5", nil), ("1 000", nil),
        ]
        for (text, value) in cases {
            let read = ResponseText.number(text, allowPercent: false)
            if let value { XCTAssertEqual(read ?? .nan, value, accuracy: 1e-12, text) } else { XCTAssertNil(read, text) }
        }
        XCTAssertTrue(accepted("0,25", .number(value: 0.25, tolerance: 0.01, allowsPercent: false)))
        XCTAssertFalse(accepted("1,234", .number(value: 1.234, tolerance: 0, allowsPercent: false)), "1,234 is one thousand two hundred and thirty-four")
    }

    func testBackticksAroundAnAnswerAreDropped() {
        XCTAssertEqual(ResponseText.unwrapped("`logger.exception`"), "logger.exception")
        XCTAssertEqual(ResponseText.unwrapped(" ``a`b`` "), "a`b")
        XCTAssertEqual(ResponseText.unwrapped("```x```"), "x")
        XCTAssertEqual(ResponseText.unwrapped("`"), "`")
        XCTAssertEqual(ResponseText.unwrapped("``"), "``")
        XCTAssertEqual(ResponseText.unwrapped("`a` and `b`"), "`a` and `b`", "two code spans stay as typed")
        XCTAssertEqual(ResponseText.unwrapped("` `"), "` `")
        XCTAssertTrue(accepted("`logger.exception`", .text("logger.exception")))
        XCTAssertTrue(accepted("`p99`", .regex("p9[59]")))
    }

    func testOptionLettersWrittenAsLabels() throws {
        let options = ["a", "b", "c", "d"].enumerated().map { ChoiceOption(text: $0.element, isCorrect: $0.offset == 2 || $0.offset == 0, location: here) }
        let many = QuizQuestion(id: "l/q-2", lessonID: "l", title: "M", prompt: [], answer: .choice(options), explanation: nil, location: here)
        for typed in ["c.", "c)", "(c)", "C", "`c`", " (C) "] {
            let one = QuizQuestion(id: "l/q-3", lessonID: "l", title: "O", prompt: [], answer: .choice(options.enumerated().map {
                ChoiceOption(text: $0.element.text, isCorrect: $0.offset == 2, location: here) }), explanation: nil, location: here)
            XCTAssertEqual(try ResponseParser.parse(typed, for: one, order: .identity(4)).get(), .choice([2]), typed)
        }
        for typed in ["a) c)", "(a), (c)", "A. C.", "a,c", "ac", "a;c"] {
            XCTAssertEqual(try ResponseParser.parse(typed, for: many, order: .identity(4)).get(), .choice([0, 2]), typed)
        }
        for typed in ["(c", "c))", "c.)", "e)", "c-", "c:"] {
            XCTAssertThrowsError(try ResponseParser.parse(typed, for: many, order: .identity(4)).get(), typed)
        }
        let ordering = QuizQuestion(id: "l/q-4", lessonID: "l", title: "R", prompt: [], answer: .ordering(["x", "y", "z"]), explanation: nil, location: here)
        XCTAssertEqual(try ResponseParser.parse("c) a) b)", for: ordering, order: .identity(3)).get(), .ordering([2, 0, 1]))
    }
}
