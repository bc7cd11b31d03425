import Foundation
import PreflightCore
import PreflightSite

/// `preflight export html` as a use case: the course, its exercises and the dates `preflight
/// check` last proved each example, written as a static website.
public enum SiteExport {
    public struct Outcome: Sendable {
        public var pages: Int
        public var files: Int
        public var bytes: Int
        /// Whether Debian's libjs-highlight.js was found and copied in.
        public var highlighted: Bool
        /// Why the pages carry no "verified" dates, when the progress database could not be read.
        public var datesProblem: String?
    }

    /// - Parameters:
    ///   - book: the learner's progress database, whose check cache dates each example; nil
    ///     exports without dates.
    ///   - now: shown in the footer; nil leaves it out.
    public static func run(_ opened: OpenedCourse, book: ProgressBook?, to folder: URL, withSolutions: Bool, now: Date?) throws -> Outcome {
        let course = opened.course
        let (exercises, diagnostics) = ExerciseLoader.load(course: course, displayPath: opened.address.paths.show)
        if diagnostics.hasErrors {
            throw AppError(.data, "the exercises have errors; run `preflight lint` for the full report", diagnostics: diagnostics.filter { $0.severity == .error })
        }
        var options = SiteExporter.Options()
        options.withSolutions = withSolutions
        options.exportedAt = now
        var datesProblem: String?
        if let book {
            do {
                options.verifiedDates = try verifiedDates(course, book: book)
            } catch {
                datesProblem = "\(error)"
            }
        }
        do {
            let summary = try SiteExporter.export(course: course, exercises: exercises, to: folder, options: options)
            return Outcome(pages: summary.pages, files: summary.files, bytes: summary.bytes, highlighted: summary.highlighted, datesProblem: datesProblem)
        } catch let error as SiteExporter.ExportError {
            switch error {
            case .notASite: throw AppError(.usage, "\(error)")
            case .cannotWrite, .missingAssets: throw AppError(.cannotCreate, "\(error)")
            }
        }
    }

    /// When `preflight check` last passed each example and predict-the-output question, keyed
    /// by `CheckItem.name`. The key is the one check caches passes under (the code, the expected
    /// output, the runner, the time limit, the environment), so an item changed since it last
    /// passed has no date.
    static func verifiedDates(_ course: Course, book: ProgressBook) throws -> [String: Date] {
        var names: [String: String] = [:]
        for item in course.lessons.flatMap(CheckItem.items(for:)) {
            guard let runner = course.config.runner(for: item.example.language) else { continue }
            let key = item.cacheKey(runner: runner, defaultTimeout: item.example.timeout ?? course.config.timeout, environment: course.config.environment)
            names[key] = item.name
        }
        let dates = try book.access("read when examples last passed") { try book.store.checkPassDates(among: Array(names.keys)) }
        return Dictionary(dates.compactMap { key, date in names[key].map { ($0, date) } }, uniquingKeysWith: { first, _ in first })
    }
}
