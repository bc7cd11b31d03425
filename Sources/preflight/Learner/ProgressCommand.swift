import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore
import PreflightTerminal

/// `preflight progress`: everything the learner has done, section by section: lessons,
/// exercises, flashcards, the latest quiz answers, and the quiz history.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Show your progress: lessons, exercises, flashcards and quizzes, per section.")

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var display: DisplayOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let opened = try courseOptions.openAvailable()
        let book = try ProgressBook.open(opened)
        var exercises: (list: [Exercise], states: [String: ExerciseState])?
        if opened.outline.exercisesFolder != nil {
            do {
                let session = try ExerciseSession.open(opened, book: book)
                exercises = (session.exercises, try session.states())
            } catch {
                Console.error("preflight: note: exercises are not counted: " + Visible.escape("\(error)"))
            }
        }
        let overview = try ProgressOverview.make(opened, book: book, exercises: exercises, now: Date())
        if json {
            Console.out(try overview.json())
            return
        }
        Console.out(ProgressView.text(overview, location: book.location.path, styler: display.styler(for: .standardOutput), plain: display.isPlain))
    }
}
