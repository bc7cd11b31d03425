import ArgumentParser
import Foundation
import PreflightCore
import PreflightStore
import PreflightTerminal

/// `preflight list`: sections and lessons in order, with status and progress bars.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List sections and lessons with your progress."
    )

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let course = try courseOptions.openIndex().outline
        let store = try courseOptions.openStore(for: course.config)
        let progress = CourseProgress(course: course, records: try store.allLessonProgress())
        if json {
            Console.out(try ListJSON.encode(progress))
        } else {
            Console.out(Outline.text(progress, styler: display.styler(for: .standardOutput)))
        }
    }
}

enum ListJSON {
    struct Report: Encodable {
        struct Section: Encodable {
            var id, title: String
            var done, total: Int
            var lessons: [LessonEntry]
        }
        struct LessonEntry: Encodable {
            var id, title, status, file: String
        }
        var course, title: String
        var done, total, percent: Int
        var next: String?
        var sections: [Section]
    }

    static func encode(_ progress: CourseProgress) throws -> String {
        let course = progress.course
        let sections = course.config.sections.map { section -> Report.Section in
            let counts = progress.sectionCounts(section.id)
            let lessons = course.lessons(inSection: section.id).map {
                Report.LessonEntry(id: $0.id, title: $0.title, status: progress.status($0).rawValue, file: $0.file)
            }
            return Report.Section(id: section.id, title: section.title, done: counts.done, total: counts.total, lessons: lessons)
        }
        let report = Report(course: course.config.id, title: course.config.title, done: progress.doneCount, total: course.lessons.count,
                            percent: progress.percent, next: progress.resumeLesson?.id, sections: sections)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
