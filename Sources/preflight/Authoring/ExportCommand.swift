import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight export moodle-xml|gift`: the course's quiz questions as a question bank for an LMS.
struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case moodleXML = "moodle-xml"
        case gift
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "For instructors: write the quiz questions as Moodle XML or GIFT, for an LMS's question bank.",
        discussion: """
            Questions go into categories by section and lesson, with option feedback and the explanation as general
            feedback. What the format cannot express (regex answers, ordering questions, predict-the-output options
            such as `ellipsis`, multi-line outputs) is listed on standard error with its file and line, never dropped
            or changed silently. Formats: moodle-xml, gift.
            """)

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("moodle-xml or gift.", valueName: "FORMAT"))
    var format: Format

    @Argument(help: ArgumentHelp("Lesson or section ids (default: the whole course).", valueName: "LESSON|SECTION"))
    var names: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let opened = try courseOptions.open()
        let export = QuizExport(course: opened.course, lessons: try opened.lessons(named: names, allowSections: true))
        var losses = export.losses
        var exported = export.questions.count
        let text: String
        switch format {
        case .moodleXML:
            text = MoodleXML.document(export)
        case .gift:
            let gift = GIFT.document(export)
            text = gift.text
            losses += gift.losses
            exported -= gift.losses.filter(\.omitted).count
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw AppError(.data, "cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        for loss in losses.sorted(by: { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }) { Console.error(loss.line) }
        let omitted = Set(losses.filter(\.omitted).map { "\($0.location.file):\($0.location.line)" }).count
        let partial = Set(losses.filter { !$0.omitted }.map { "\($0.location.file):\($0.location.line)" }).count
        Console.error("Exported \(exported) question\(exported == 1 ? "" : "s") as \(format.rawValue); \(omitted) left out and \(partial) exported with something missing (listed above).")
    }
}
