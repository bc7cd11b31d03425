import Foundation
import PreflightCore
import PreflightRunner
import PreflightStore
import Synchronization

/// Where a learner stands on one exercise.
public enum ExerciseStatus: String, Sendable, Codable {
    case pending, passing, done
}

public struct ExerciseState: Sendable, Hashable {
    public var status: ExerciseStatus
    public var hintsUsed: Int
    public var attempts: Int
}

/// One check of a version of an exercise's file.
public struct ExerciseCheck: Sendable {
    public var exercise: Exercise
    public var passed: Bool
    /// Why the check could not run or did not end by itself.
    public var problem: String?
    /// What the check printed (stdout, then stderr); escaped by whoever shows it.
    public var output: String
    /// The file that was checked.
    public var file: URL
    /// False when the check could not be started at all (no runner, no program, no folder).
    public var ran: Bool = true
    public var duration: Double = 0
}

/// The practice exercises of a course for one learner: their workspace, their progress, and
/// the rules (what is current, what passing does, what comes next, what reset keeps).
public final class ExerciseSession: Sendable {
    public let course: CourseOutline
    public let exercises: [Exercise]
    public let workspace: ExerciseWorkspace
    let book: ProgressBook
    /// The learner's record, for what happens after the session (a background sync).
    public var progressBook: ProgressBook { book }
    let sandbox: Bool
    private let checker = Mutex<ExerciseChecker?>(nil)

    public static func open(_ opened: OpenedCourse, book: ProgressBook, sandbox: Bool = true) throws -> ExerciseSession {
        let course = opened.outline
        guard course.exercisesFolder != nil else { throw AppError(.data, "course.yaml names no `exercises:` folder") }
        let (exercises, diagnostics) = ExerciseLoader.load(outline: course, alsoLessons: Set(opened.unavailable.compactMap(\.lessonID)), displayPath: opened.address.paths.show)
        if diagnostics.hasErrors {
            throw AppError(.data, "the exercises have errors; run `preflight lint` for the full report", diagnostics: diagnostics.filter { $0.severity == .error })
        }
        let workspace = ExerciseWorkspace.locate(explicit: opened.address.workspace, environment: opened.address.environment, course: course)
        return ExerciseSession(course: course, exercises: exercises, workspace: workspace, book: book, sandbox: sandbox)
    }

    init(course: CourseOutline, exercises: [Exercise], workspace: ExerciseWorkspace, book: ProgressBook, sandbox: Bool) {
        self.course = course
        self.exercises = exercises
        self.workspace = workspace
        self.book = book
        self.sandbox = sandbox
    }

    /// By folder name (`psi-drift` or `08-psi-drift`) or number in the list (`8`).
    public func exercise(named name: String) throws -> Exercise {
        if let found = exercises.first(where: { $0.id == name || URL(fileURLWithPath: $0.folder).lastPathComponent == name }) { return found }
        if let number = Int(name), number >= 1, number <= exercises.count { return exercises[number - 1] }
        throw AppError(.data, "no exercise `\(name)`; `preflight exercise list` shows them")
    }

    public func states() throws -> [String: ExerciseState] {
        try book.access("read your exercise progress") {
            try book.store.exerciseProgress().mapValues {
                ExerciseState(status: ExerciseStatus(rawValue: $0.status.rawValue) ?? .pending, hintsUsed: $0.hintsUsed, attempts: $0.attempts)
            }
        }
    }

    /// The first exercise not done, in course order.
    public func current(_ states: [String: ExerciseState]) -> Exercise? {
        exercises.first { states[$0.id]?.status != .done }
    }

    /// The exercises that practise a lesson, in course order.
    public func exercises(forLesson id: String) -> [Exercise] {
        exercises.filter { $0.lessonID == id }
    }

    /// The exercise a command works on when none is named: the current one.
    public func exercise(named name: String?) throws -> Exercise {
        if let name { return try exercise(named: name) }
        guard let current = current(try states()) else {
            throw AppError(.data, exercises.isEmpty ? "this course has no exercises" : "every exercise is done; name one (`preflight exercise list` shows them)")
        }
        return current
    }

    /// Whether a passing check moves the watch on to the next exercise. A save that passes
    /// always does: the learner just finished it. When an exercise is opened (the watch starts
    /// on it, or the learner switches to it) and already passes, it moves on only when it was
    /// not done yet, so an exercise the learner solved elsewhere is completed, and a done one
    /// opened to look at again stays on screen.
    public static func movesOn(afterPassing exercise: Exercise, onOpening: Bool, statuses: [String: ExerciseStatus]) -> Bool {
        !onOpening || statuses[exercise.id] != .done
    }

    /// After `index` passes: the next exercise not done after it, else the first not done
    /// before it; nil when every exercise is done.
    public static func next(after index: Int, in exercises: [Exercise], statuses: [String: ExerciseStatus]) -> Int? {
        exercises.indices.first { $0 > index && statuses[exercises[$0].id] != .done }
            ?? exercises.indices.first { statuses[exercises[$0].id] != .done }
    }

    /// The learner's copy of the file, made from the starter the first time.
    @discardableResult
    public func prepare(_ exercise: Exercise) throws -> URL {
        do {
            return try workspace.prepare(exercise)
        } catch {
            throw AppError(.data, "cannot create your copy of \(exercise.file) in \(workspace.root.path): \(error.localizedDescription)")
        }
    }

    /// Checks the learner's file (made first if needed) and records the attempt.
    public func check(_ exercise: Exercise) throws -> ExerciseCheck {
        let file = try prepare(exercise)
        let result = try run(exercise, candidate: file)
        let statements = book.recorder.map { [$0.exercisePassed(exercise, at: Date())] } ?? []
        try book.access("save the check's result") {
            try book.store.recordExerciseCheck(exercise.id, passed: result.passed, statementsIfNewlyPassing: statements)
        }
        return result
    }

    public func markDone(_ exercise: Exercise) throws {
        try book.access("save that the exercise is done") { try book.store.markExerciseDone(exercise.id) }
    }

    /// One more hint seen; returns how many are seen now.
    public func revealHint(_ exercise: Exercise) throws -> Int {
        guard !exercise.hints.isEmpty else { return 0 }
        return try book.access("save the hint") { try book.store.revealHint(exercise.id, available: exercise.hints.count) }
    }

    /// The reference solution, readable at once when the learner's file passes; otherwise only
    /// when they confirm. Nil means "ask first".
    public func solution(_ exercise: Exercise, confirmed: Bool) throws -> String? {
        let status = try states()[exercise.id]?.status ?? .pending
        guard status != .pending || confirmed else { return nil }
        guard let text = try? String(contentsOf: workspace.solution(for: exercise), encoding: .utf8) else {
            throw AppError(.data, "cannot read the solution \(exercise.solution)")
        }
        return text
    }

    /// Puts the starter back, keeping the learner's version as a backup (returned) unless it was
    /// the starter already.
    public func reset(_ exercise: Exercise) throws -> URL? {
        let backup: URL?
        do {
            backup = try workspace.reset(exercise)
        } catch {
            throw AppError(.data, "cannot put the starter back at \(workspace.file(for: exercise).path): \(error.localizedDescription)")
        }
        try book.access("reset the exercise") { try book.store.resetExercise(exercise.id) }
        return backup
    }

    /// For instructors and CI: each starter must fail its check and each solution pass it.
    public func verify(_ chosen: [Exercise]) throws -> [ExerciseVerification] {
        guard !chosen.isEmpty else {
            // Verifying nothing must not pass: a misnamed folder would otherwise turn CI green.
            throw AppError(.data, "no exercise to verify in \(course.exercisesFolder?.path ?? "the exercises folder") (each exercise is a folder named `NN-<name>` holding a README.md); `preflight lint` says more")
        }
        return try chosen.map { exercise in
            let starter = try run(exercise, candidate: workspace.starter(for: exercise))
            let solution = try run(exercise, candidate: workspace.solution(for: exercise))
            return ExerciseVerification.judge(exercise, starter: starter, solution: solution)
        }
    }

    /// For CI: checks each learner's file as it is in the workspace (nothing is copied from the
    /// starters, nothing is recorded); a missing file fails its exercise.
    public func grade(_ chosen: [Exercise]) throws -> [ExerciseCheck] {
        guard !chosen.isEmpty else {
            throw AppError(.data, "no exercise to grade in \(course.exercisesFolder?.path ?? "the exercises folder"); `preflight lint` says more")
        }
        guard FileManager.default.fileExists(atPath: workspace.root.path) else {
            throw AppError(.data, "no workspace folder at \(workspace.root.path)")
        }
        return try chosen.map { exercise in
            let file = workspace.file(for: exercise)
            guard FileManager.default.fileExists(atPath: file.path) else {
                let relative = file.path.hasPrefix(workspace.root.path + "/") ? String(file.path.dropFirst(workspace.root.path.count + 1)) : file.path
                return ExerciseCheck(exercise: exercise, passed: false, problem: "there is no \(relative) in the workspace", output: "", file: file)
            }
            return try run(exercise, candidate: file)
        }
    }

    private func run(_ exercise: Exercise, candidate: URL) throws -> ExerciseCheck {
        let checker = try checker.withLock { checker -> ExerciseChecker in
            if let checker { return checker }
            let made = ExerciseChecker(config: course.config, pool: try ExampleHosts.pool(for: course.config, root: course.root, sandbox: sandbox))
            checker = made
            return made
        }
        let outcome = checker.check(exercise, candidate: candidate)
        let output = Self.realPaths(in: outcome.output, exercise: exercise, candidate: candidate)
        return ExerciseCheck(exercise: exercise, passed: outcome.passed, problem: outcome.problem, output: output, file: candidate,
                             ran: outcome.termination != nil, duration: outcome.duration)
    }

    /// A check runs on copies in a scratch folder (`…/exercise-XXXXXXXX/`), so tracebacks name
    /// the copies; the learner should read the file they edit, and the check where it lives.
    static func realPaths(in output: String, exercise: Exercise, candidate: URL) -> String {
        let checkName = URL(fileURLWithPath: exercise.check).lastPathComponent
        let checkPath = URL(fileURLWithPath: exercise.folder).appendingPathComponent(exercise.check).standardizedFileURL.path
        let scratch = #/(?:/[^\s"':/]+)*/exercise-[A-Za-z0-9]{6,}/(?<name>[^\s"':]+)/#
        return output.replacing(scratch) { match in
            let name = String(match.output.name)
            if name == exercise.file { return candidate.path }
            if name == checkName { return checkPath }
            return String(match.output.0)
        }
    }
}
