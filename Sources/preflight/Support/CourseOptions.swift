import ArgumentParser
import Foundation
import PreflightCore
import PreflightGrading
import PreflightStore

/// The options every command shares: where the course is.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding course.yaml.", valueName: "DIR"))
    var course: String?

    @Option(name: .long, help: ArgumentHelp("The progress database (default: $PREFLIGHT_STATE, then $XDG_STATE_HOME/preflight/).", valueName: "PATH"))
    var state: String?

    /// Opens the course's progress database; prints why and exits 65 when it cannot be used.
    func openStore(for course: Course) throws -> ProgressStore { try openStore(for: course.config) }

    func openStore(for config: CourseConfig) throws -> ProgressStore {
        let url = StoreLocation.resolve(courseID: config.id, explicit: state, environment: ProcessInfo.processInfo.environment)
        do {
            return try ProgressStore(url: url)
        } catch {
            Console.error("preflight: error: \(error)")
            throw ExitCode(ExitCodes.dataError)
        }
    }

    /// Finds and loads the course; prints its diagnostics and exits 65 when it cannot be used.
    func locate() throws -> URL {
        switch CourseLocator.locate(explicit: course, environment: ProcessInfo.processInfo.environment, workingDirectory: Paths.workingDirectory) {
        case .success(let url): return url
        case .failure(let failure):
            Console.error("preflight: error: \(failure.message)")
            throw ExitCode(ExitCodes.dataError)
        }
    }

    /// Where this course's index is kept: beside its progress database. Nil (the course is then
    /// read in full) when no index can be kept there.
    var indexOptions: CourseIndex.Options {
        let state = self.state
        return CourseIndex.Options(engine: Engine.identity) { config in
            let progress = StoreLocation.resolve(courseID: config.id, explicit: state, environment: ProcessInfo.processInfo.environment)
            return try? CourseIndexStore(url: CourseIndexStore.location(beside: progress))
        }
    }

    /// Opens the course through its index, reading only the lesson files that changed; fails
    /// with exit 65 when the course has errors, exactly as `loadCourse` does.
    func openIndex() throws -> CourseIndex {
        let options = indexOptions
        let result = CourseIndex.open(try locate(), displayPath: Paths.display, checks: .keyCheck, engine: options.engine, storage: options.storage)
        guard let index = result.index, !result.diagnostics.hasErrors else {
            DiagnosticPrinter.printText(result.diagnostics.filter { $0.severity == .error })
            Console.error("preflight: the course has errors; run `preflight lint` for the full report")
            throw ExitCode(ExitCodes.dataError)
        }
        return index
    }

    /// Reads one lesson of an opened course in full; exits 65 with its errors when the file no
    /// longer reads (it changed since the index was opened).
    func load(_ lesson: LessonSummary, from index: CourseIndex) throws -> Lesson {
        try load([lesson], from: index)[0]
    }

    /// Reads lessons of an opened course in full, on every core.
    func load(_ lessons: [LessonSummary], from index: CourseIndex) throws -> [Lesson] {
        let read = index.loadEach(lessons)
        let problems = read.flatMap { $0.0 == nil || $0.1.hasErrors ? $0.1.filter { $0.severity == .error } : [] }
        guard problems.isEmpty, read.allSatisfy({ $0.0 != nil }) else {
            DiagnosticPrinter.printText(problems)
            Console.error("preflight: the course has errors; run `preflight lint` for the full report")
            throw ExitCode(ExitCodes.dataError)
        }
        return read.compactMap(\.0)
    }

    /// Loads the course, failing with exit 65 when it has errors (printed compiler-style).
    func loadCourse(allowWarnings: Bool = true) throws -> Course {
        let result = CourseLoader.load(try locate(), displayPath: Paths.display)
        if result.diagnostics.hasErrors || result.course == nil {
            DiagnosticPrinter.printText(result.diagnostics.filter { $0.severity == .error })
            Console.error("preflight: the course has errors; run `preflight lint` for the full report")
            throw ExitCode(ExitCodes.dataError)
        }
        return result.course!
    }
}

enum ExitCodes {
    /// sysexits.h EX_USAGE and EX_DATAERR.
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
}
