import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

struct ExerciseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List exercises with their status: pending, passing or done.")

    @OptionGroup var options: ExerciseOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let session = try options.session()
        let states = try session.states()
        if json {
            Console.out(try ExerciseReport.json(session, states: states))
            return
        }
        for (number, exercise) in session.exercises.enumerated() {
            let status = states[exercise.id]?.status ?? .pending
            let mark = status == .done ? "✓" : status == .passing ? "•" : " "
            Console.out(String(format: "%2d", number + 1) + ". \(mark) " + Visible.escape(exercise.title) + "  [\(status.rawValue)]  " + Visible.escape(exercise.id) + " · lesson " + Visible.escape(exercise.lessonID))
        }
        let done = session.exercises.filter { states[$0.id]?.status == .done }.count
        Console.out("\(done) of \(session.exercises.count) exercises done. Start with `preflight exercise watch`.")
    }
}
