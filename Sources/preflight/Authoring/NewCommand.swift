import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight new …`: a course, a lesson or an exercise to start from, which lint clean and
/// pass at once. Never overwrites a file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a course, a lesson or an exercise from a scaffold that lints clean and passes.",
        discussion: "Every role a lesson can have is stubbed, with comments that say what goes where. Nothing existing is overwritten.",
        subcommands: [NewCourseCommand.self, NewLessonCommand.self, NewExerciseCommand.self]
    )

    /// Creates the scaffold and lists what it made.
    static func create(_ scaffold: Scaffold, next: String) throws {
        let paths = DisplayPaths.current
        try scaffold.create(paths: paths)
        Console.out("Created:")
        for file in scaffold.files { Console.out("  " + Visible.escape(paths.show(file.url))) }
        Console.out(next)
    }
}

struct NewCourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "A new course in DIR: lessons/course.yaml, a first section and lesson, and a first exercise.")

    @Argument(help: ArgumentHelp("The folder to create the course in (it may exist, but none of the files may).", valueName: "DIR"))
    var folder: String

    @Option(help: "The course's title (default: made from DIR's name).")
    var title: String?

    func run() throws {
        let url = DisplayPaths.current.url(folder)
        try NewCommand.create(try Scaffold.course(at: url, title: title),
                              next: "Next: cd \(Visible.escape(folder)) && preflight lint --strict && preflight check && preflight exercise verify")
    }
}

struct NewLessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "A new lesson at the end of a section, with every section role stubbed.")

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("The section's id, as course.yaml lists it.", valueName: "SECTION"))
    var section: String

    @Argument(help: ArgumentHelp("The lesson's title; its id is made from it (quote it if it has spaces).", valueName: "TITLE"))
    var title: String

    @Option(help: "The lesson's id, when it should not be made from the title.")
    var id: String?

    func run() throws {
        let course = try Scaffold.existingCourse(courseOptions.address)
        let scaffold = try Scaffold.lesson(in: course, section: section, title: title, id: id)
        try NewCommand.create(scaffold, next: "Next: write the lesson, then preflight lint --strict and preflight check (check --accept takes new example output).")
    }
}

struct NewExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "A new exercise for a lesson: README, a starter that fails its check, a solution that passes, the check.")

    @OptionGroup var courseOptions: CourseOptions

    @Argument(help: ArgumentHelp("The id of the lesson the exercise practises.", valueName: "LESSON"))
    var lesson: String

    @Argument(help: ArgumentHelp("The exercise's name, kebab-case (learners type it).", valueName: "NAME"))
    var name: String

    @Option(help: "The exercise's title (default: made from NAME).")
    var title: String?

    func run() throws {
        let course = try Scaffold.existingCourse(courseOptions.address)
        let scaffold = try Scaffold.exercise(in: course, lessonID: lesson, name: name, title: title)
        try NewCommand.create(scaffold, next: "Next: write the task, the starter, the solution and the check, then preflight exercise verify \(Visible.escape(name)).")
    }
}
