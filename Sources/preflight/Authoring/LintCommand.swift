import ArgumentParser
import Foundation
import PreflightCore
import PreflightGrading

/// `preflight lint`: every problem in the course, compiler-style, in one run. The rules, the
/// choice of files and the policy (`--strict`, allowed warnings) live in PreflightCore.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lessons, course.yaml and exercises for authoring problems and report them all.",
        discussion: """
            Prints `path:line:col: error|warning: message [id]` lines on stderr, then a summary.
            PATH may be a lesson, an exercise README, course.yaml, or a folder.
            Exits 0 when there are no errors, 65 when there are (with --strict, warnings count as errors).
            A warning that is meant can be allowed in its file with `<!-- preflight-lint: allow ID -->`.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var courseOptions: CourseOptions

    @Option(help: "Output format: text (on stderr) or json (on stdout).")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors (exit 65 when there is any).")
    var strict = false

    @Flag(help: "Read every lesson, without the course index (which is then neither read nor updated).")
    var noIndex = false

    @Argument(help: ArgumentHelp("Lesson files, exercise READMEs, course.yaml or folders to lint (default: the whole course).", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file: \(path)")
        }
    }

    func run() throws {
        let urls = paths.map { URL(fileURLWithPath: $0, relativeTo: Paths.workingDirectory).standardizedFileURL }
        let root: URL
        if courseOptions.course == nil, let first = urls.first, let found = CourseLint.courseRoot(near: first) {
            root = found
        } else {
            root = try courseOptions.locate()
        }
        let report = CourseLint.run(
            root: root, paths: urls, searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "",
            displayPath: Paths.display, checks: .keyCheck, index: noIndex ? nil : courseOptions.indexOptions)
        let diagnostics = LintPolicy.apply(report.diagnostics, allowances: report.allowances, strict: strict)
        switch format {
        case .text:
            DiagnosticPrinter.printText(diagnostics)
            Console.error("lint: " + DiagnosticPrinter.summary(diagnostics, files: report.files))
        case .json:
            Console.out(try DiagnosticPrinter.json(diagnostics, files: report.files))
        }
        if diagnostics.hasErrors { throw ExitCode(ExitCodes.dataError) }
    }
}
