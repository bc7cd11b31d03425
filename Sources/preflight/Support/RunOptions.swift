import ArgumentParser
import Foundation
import PreflightCore
import PreflightRunner

/// Options shared by commands that run a course's code (examples, exercise checks).
struct RunOptions: ParsableArguments {
    @Flag(help: "Run examples without the bubblewrap sandbox (also: `sandbox: off` in course.yaml).")
    var noSandbox = false

    /// The hosts this command's examples run on; prints why and exits 65 when there can be none.
    func pool(for config: CourseConfig) throws -> HostPool {
        do {
            return try ExampleRunner.makePool(for: config, sandbox: config.sandbox && !noSandbox)
        } catch {
            Console.error("preflight: error: \(error)")
            throw ExitCode(ExitCodes.dataError)
        }
    }
}
