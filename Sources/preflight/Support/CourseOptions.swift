import ArgumentParser
import Foundation
import PreflightCore
import PreflightStore

/// The options every command shares: where the course is.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding course.yaml.", valueName: "DIR"))
    var course: String?

    @Option(name: .long, help: ArgumentHelp("The progress database (default: $PREFLIGHT_STATE, then $XDG_STATE_HOME/preflight/).", valueName: "PATH"))
    var state: String?

    /// Opens the course's progress database; prints why and exits 65 when it cannot be used.
    func openStore(for course: Course) throws -> ProgressStore {
        let url = StoreLocation.resolve(courseID: course.config.id, explicit: state, environment: ProcessInfo.processInfo.environment)
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
    /// sysexits.h EX_CANTCREAT: an output file or folder cannot be written.
    static let cannotCreate: Int32 = 73
}
