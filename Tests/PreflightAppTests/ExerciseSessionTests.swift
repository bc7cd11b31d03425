import Foundation
@testable import PreflightApp
import PreflightCore
import XCTest

final class ExerciseSessionTests: XCTestCase {
    func testCheckRecordsResetKeepsABackupAndTheSolutionWaitsForAPass() throws {
        let fixture = try AppFixture("exercise-course")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let session = try ExerciseSession.open(opened, book: try ProgressBook.open(opened))
        let add = try session.exercise(named: "add")
        XCTAssertEqual(try session.exercise(named: "1").id, "add")
        XCTAssertNil(try session.solution(add, confirmed: false), "not before the learner's file passes, unless they confirm")
        XCTAssertFalse(try session.check(add).passed, "the starter fails")
        XCTAssertEqual(try session.states()["add"]?.attempts, 1)
        let mine = "def add(a, b):\n    return a + b  # mine\n"
        try mine.write(to: session.workspace.file(for: add), atomically: true, encoding: .utf8)
        XCTAssertTrue(try session.check(add).passed)
        XCTAssertEqual(try session.states()["add"]?.status, .passing)
        XCTAssertNotNil(try session.solution(add, confirmed: false))
        let backup = try XCTUnwrap(try session.reset(add))
        XCTAssertEqual(try String(contentsOf: backup, encoding: .utf8), mine, "nothing the learner wrote is lost")
        XCTAssertEqual(try session.states()["add"]?.status, .pending)
        XCTAssertEqual(try session.revealHint(add), 1)
        XCTAssertEqual(try session.revealHint(add), 2)
        XCTAssertEqual(try session.revealHint(add), 2, "there are two hints")
    }

    func testAfterAPassTheNextExerciseNotDoneComesNextWrappingAround() {
        func exercise(_ id: String) -> Exercise {
            Exercise(id: id, title: CourseText(id), lessonID: "l", folder: "/x/\(id)", file: "f.py", check: "check.py", solution: "s.py",
                     timeout: nil, task: [], hints: [], location: SourceLocation(file: "x", line: 1, column: 1))
        }
        let list = ["a", "b", "c", "d"].map(exercise)
        XCTAssertEqual(ExerciseSession.next(after: 1, in: list, statuses: ["b": .done, "c": .done]), 3)
        XCTAssertEqual(ExerciseSession.next(after: 3, in: list, statuses: ["b": .done, "c": .done, "d": .done]), 0)
        XCTAssertNil(ExerciseSession.next(after: 0, in: list, statuses: ["a": .done, "b": .done, "c": .done, "d": .done]))
    }

    func testVerifyProvesStartersFailAndSolutionsPassAndRefusesToVerifyNothing() throws {
        let fixture = try AppFixture("exercise-course")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let session = try ExerciseSession.open(opened, book: try ProgressBook.open(opened))
        let results = try session.verify(session.exercises)
        XCTAssertEqual(results.map(\.passed), [true])
        XCTAssertThrowsError(try session.verify([])) { error in
            XCTAssertEqual((error as? AppError)?.exitCode, 65)
        }
        try "def add(a, b):\n    return a + b\n".write(to: fixture.course.appendingPathComponent("exercises/01-add/starter/add.py"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try session.verify(session.exercises).first?.problems, ["the untouched starter passes its check: there is nothing to do"])
    }
}

final class ExerciseRuleTests: XCTestCase {
    private func exercise(_ id: String) -> Exercise {
        Exercise(id: id, title: CourseText(id), lessonID: "l", folder: "/course/exercises/01-\(id)", file: "add.py", check: "check.py", solution: "s.py",
                 timeout: nil, task: [], hints: [], location: SourceLocation(file: "x", line: 1, column: 1))
    }

    /// A save that passes moves on; an exercise opened that already passes moves on only when
    /// it was not done (so a done one can be looked at again).
    func testWhenAPassingCheckMovesTheWatchOn() {
        let add = exercise("add")
        XCTAssertTrue(ExerciseSession.movesOn(afterPassing: add, onOpening: false, statuses: ["add": .done]))
        XCTAssertTrue(ExerciseSession.movesOn(afterPassing: add, onOpening: true, statuses: [:]))
        XCTAssertTrue(ExerciseSession.movesOn(afterPassing: add, onOpening: true, statuses: ["add": .passing]))
        XCTAssertFalse(ExerciseSession.movesOn(afterPassing: add, onOpening: true, statuses: ["add": .done]))
    }

    func testTracebacksNameTheLearnersFileNotTheScratchCopy() {
        let output = """
            Traceback (most recent call last):
              File "/tmp/preflight-run-XX4qbWZE/exercise-XXoysD7G/check.py", line 5, in <module>
                from add import add
              File "/tmp/preflight-run-XX4qbWZE/exercise-XXoysD7G/add.py", line 1
            SyntaxError: invalid syntax
            """
        let mapped = ExerciseSession.realPaths(in: output, exercise: exercise("add"), candidate: URL(fileURLWithPath: "/home/me/workspace/01-add/add.py"))
        XCTAssertTrue(mapped.contains("File \"/home/me/workspace/01-add/add.py\", line 1"), mapped)
        XCTAssertTrue(mapped.contains("File \"/course/exercises/01-add/check.py\", line 5"), mapped)
        XCTAssertFalse(mapped.contains("exercise-XXoysD7G"), mapped)
    }

    func testAHintWithoutANameIsForTheCurrentExercise() throws {
        let fixture = try AppFixture("exercise-course")
        defer { fixture.remove() }
        let opened = try fixture.open()
        let session = try ExerciseSession.open(opened, book: try ProgressBook.open(opened))
        XCTAssertEqual(try session.exercise(named: nil).id, "add")
        try session.markDone(session.exercises[0])
        XCTAssertThrowsError(try session.exercise(named: nil)) { error in
            XCTAssertTrue("\(error)".contains("every exercise is done"), "\(error)")
        }
    }
}
