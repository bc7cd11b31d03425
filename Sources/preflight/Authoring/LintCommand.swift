import ArgumentParser
import Foundation
import PreflightCore
import PreflightGrading

/// `preflight lint`: every problem in the course, compiler-style, in one run.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lessons for authoring problems and report them all.",
        discussion: """
            Prints `path:line:col: error|warning: message` lines on stderr, then a summary.
            Exits 0 when there are no errors, 65 when there are.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var courseOptions: CourseOptions

    @Option(help: "Output format: text (on stderr) or json (on stdout).")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Lesson files to lint (default: the whole course).", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file: \(path)")
        }
    }

    func run() throws {
        let (diagnostics, fileCount) = try collect()
        switch format {
        case .text:
            DiagnosticPrinter.printText(diagnostics)
            Console.error("lint: " + DiagnosticPrinter.summary(diagnostics, files: fileCount))
        case .json:
            Console.out(try DiagnosticPrinter.json(diagnostics, files: fileCount))
        }
        if diagnostics.hasErrors { throw ExitCode(ExitCodes.dataError) }
    }

    /// The whole course, or only the named files (still read against the course for runners and
    /// `requires`; a file outside the course is read on its own).
    private func collect() throws -> ([Diagnostic], Int) {
        let root: URL
        if courseOptions.course == nil, let first = paths.first, let found = try? nearestCourse(from: first) {
            root = found
        } else {
            root = try courseOptions.locate()
        }
        var result = CourseLoader.load(root, displayPath: Paths.display)
        result.diagnostics += result.course?.lessons.flatMap(KeyCheck.diagnostics(for:)) ?? []
        let lessonCount = result.course?.lessons.count ?? 0
        guard !paths.isEmpty else { return (result.diagnostics, lessonCount + 1) }
        guard let course = result.course else { return (result.diagnostics, 1) }
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: Paths.workingDirectory).standardizedFileURL
            let shown = Paths.display(url)
            let inCourse = result.diagnostics.filter { $0.location.file == shown }
            if course.lessons.contains(where: { $0.file == shown }) || !inCourse.isEmpty {
                diagnostics += inCourse
            } else {
                let (lesson, found) = CourseLoader.loadLesson(url, displayPath: shown, config: course.config, sectionID: "")
                diagnostics += found + (lesson.map(KeyCheck.diagnostics(for:)) ?? [])
            }
        }
        return (diagnostics, paths.count)
    }

    private func nearestCourse(from path: String) throws -> URL {
        let start = URL(fileURLWithPath: path, relativeTo: Paths.workingDirectory).standardizedFileURL.deletingLastPathComponent()
        return try CourseLocator.locate(explicit: nil, environment: [:], workingDirectory: start).get()
    }
}
