import ArgumentParser
import Foundation
import PreflightApp
import PreflightTerminal
import PreflightCore

/// `preflight lint`: every problem in the course, compiler-style, in one run.
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @OptionGroup var courseOptions: CourseOptions

    @Option(help: "Output format: text (on stderr), json or junit (on stdout).")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors (exit 65 when there is any).")
    var strict = false

    @Flag(help: "Read every lesson, without the course index (which is then neither read nor updated).")
    var noIndex = false

    @Flag(help: "Lint again on every save, on a terminal, until q (without a terminal: once).")
    var watch = false

    @Flag(help: "With --watch: look for saves by modification time instead of file events.")
    var poll = false

    @OptionGroup var display: DisplayOptions

    @Argument(help: ArgumentHelp("Lesson files, exercise READMEs, course.yaml or folders to lint (default: the whole course).", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if watch && format != .text { throw ValidationError("--watch shows lint's report on the terminal; leave out --format") }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file: \(path)")
        }
    }

    func run() throws {
        if watch, format == .text, let terminal = RawTerminal() { return watchCourse(on: terminal) }
        let result: CourseLinting.Result
        do {
            result = try CourseLinting.run(courseOptions.address, paths: paths, strict: strict, useIndex: !noIndex)
        } catch let error as AppError where format != .text {
            // A report always arrives: the reason lint could not start is its one failure.
            let failure = Diagnostic.error(SourceLocation(file: paths.first ?? courseOptions.course ?? ".", line: 1, column: 1), error.message)
            Console.out(format == .json ? try DiagnosticReport.json([failure], files: 0)
                                        : JUnitReport(suite: "preflight lint", cases: JUnitReport.cases(for: error, classname: "preflight lint")).xml)
            throw error
        }
        switch format {
        case .text:
            for line in DiagnosticReport.text(result.diagnostics) { Console.error(line) }
            Console.error("lint: " + DiagnosticReport.summary(result.diagnostics, files: result.files))
        case .json:
            Console.out(try DiagnosticReport.json(result.diagnostics, files: result.files))
        case .junit:
            Console.out(DiagnosticReport.junit(result.diagnostics, paths: result.paths))
        }
        if result.hasErrors { throw AppError(.data, "") }
    }

    /// `--watch`: every problem in the course, read again on every save of any of its files.
    private func watchCourse(on terminal: RawTerminal) {
        let address = courseOptions.address
        let styler = display.styler(for: .standardOutput)
        var course: CourseOutline?
        PreviewLoop(terminal: terminal, styler: styler, poll: poll, folders: { CourseLinting.watchedFolders(address, course: course) }) { columns in
            do {
                let result = try CourseLinting.run(address, paths: paths, strict: strict, useIndex: !noIndex)
                course = result.outline
                let summary = DiagnosticReport.summary(result.diagnostics, files: result.files)
                var lines = PreviewLoop.diagnosticLines(DiagnosticReport.text(result.diagnostics), width: columns, styler: styler)
                lines.append(styler.apply(result.hasErrors ? [.red, .bold] : [.green, .bold], "lint: " + summary))
                return PreviewLoop.Page(title: "preflight lint --watch" + (strict ? " --strict" : ""), lines: lines)
            } catch {
                return PreviewLoop.Page(title: "preflight lint --watch", lines: [styler.apply([.red], "preflight: error: " + Visible.escape("\(error)", keepNewlines: true))])
            }
        }.run()
    }
}
