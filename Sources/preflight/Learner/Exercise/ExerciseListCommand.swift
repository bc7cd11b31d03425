import ArgumentParser
import Foundation
import PreflightCore
import PreflightStore

struct ExerciseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List exercises with their status: pending, passing or done.")

    @OptionGroup var options: ExerciseOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let context = try options.load()
        let store = try options.courseOptions.openStore(for: context.course)
        let progress = try store.exerciseProgress()
        if json {
            struct Entry: Encodable { var name, title, lesson, status, file: String; var hintsUsed, attempts: Int }
            let entries = context.exercises.map { exercise in
                Entry(name: exercise.id, title: exercise.title, lesson: exercise.lessonID,
                      status: (progress[exercise.id]?.status ?? .pending).rawValue, file: context.workspace.file(for: exercise).path,
                      hintsUsed: progress[exercise.id]?.hintsUsed ?? 0, attempts: progress[exercise.id]?.attempts ?? 0)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.out(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        for (number, exercise) in context.exercises.enumerated() {
            let status = progress[exercise.id]?.status ?? .pending
            let mark = status == .done ? "✓" : status == .passing ? "•" : " "
            Console.out("\(String(format: "%2d", number + 1)). \(mark) \(Visible.escape(exercise.title))  [\(status.rawValue)]  \(exercise.id) · lesson \(exercise.lessonID)")
        }
        let done = context.exercises.filter { progress[$0.id]?.status == .done }.count
        Console.out("\(done) of \(context.exercises.count) exercises done. Start with `preflight exercise watch`.")
    }
}
