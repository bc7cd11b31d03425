import Foundation

/// Finds each runner's program on the given search path, so `lint` reports a missing
/// interpreter before `check` trips over it. Looks at files only; nothing is started.
public enum RunnerCheck {
    public static func diagnostics(_ config: CourseConfig, searchPath: String, courseFile: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (language, runner) in config.runners.sorted(by: { $0.key < $1.key }) {
            guard let program = runner.command.first, !program.contains("{file}"), !isAvailable(program, searchPath: searchPath) else { continue }
            let at = config.fieldLocations["runners.\(language)"] ?? config.fieldLocations["runners"] ?? SourceLocation(file: courseFile, line: 1, column: 1)
            let place = program.contains("/") ? "is not an executable file" : "is not on PATH here (searched \(searchPath))"
            diagnostics.append(.warning(
                at, "runner program `\(program)` for `\(language)` \(place); `preflight check` cannot run these examples on this machine",
                id: "runner.not-on-path"))
        }
        return diagnostics
    }

    static func isAvailable(_ program: String, searchPath: String) -> Bool {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) }
        return searchPath.split(separator: ":").contains { folder in
            !folder.isEmpty && FileManager.default.isExecutableFile(atPath: "\(folder)/\(program)")
        }
    }
}
