import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight export moodle-xml` and `preflight export gift`: the course's quiz questions as a
/// question bank for an LMS, with what the format cannot hold listed on standard error.
struct ExportMoodleXMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodle-xml",
        abstract: "Write the quiz questions as Moodle XML, in categories by section and lesson.",
        discussion: QuizBankOptions.discussion)

    @OptionGroup var bank: QuizBankOptions

    func run() throws { try bank.export(.moodleXML) }
}

struct ExportGIFTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gift",
        abstract: "Write the quiz questions as GIFT, Moodle's text format, in categories by section and lesson.",
        discussion: QuizBankOptions.discussion)

    @OptionGroup var bank: QuizBankOptions

    func run() throws { try bank.export(.gift) }
}

struct QuizBankOptions: ParsableArguments {
    enum Format: String { case moodleXML = "moodle-xml", gift }

    static let discussion = """
        Questions keep option feedback and the explanation (general feedback). What the format cannot
        express (regex answers, ordering questions, predict-the-output options such as `ellipsis`,
        multi-line outputs) is listed on standard error with its file and line, never dropped or changed
        silently.
        """

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("Lesson or section ids (default: the whole course).", valueName: "LESSON|SECTION"))
    var names: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func export(_ format: Format) throws {
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
