import ArgumentParser

/// `preflight export …`: the course's content for other systems.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the quiz questions for an LMS's question bank (Moodle XML or GIFT).",
        subcommands: [ExportMoodleXMLCommand.self, ExportGIFTCommand.self]
    )
}
