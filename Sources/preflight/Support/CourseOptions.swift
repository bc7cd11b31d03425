import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// The options every command shares: where the course and the learner's progress are.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding course.yaml.", valueName: "DIR"))
    var course: String?

    @Option(name: .long, help: ArgumentHelp("The progress database (default: $PREFLIGHT_STATE, then $XDG_STATE_HOME/preflight/).", valueName: "PATH"))
    var state: String?

    var address: CourseAddress { CourseAddress(course: course, state: state) }

    /// The whole course, refused when any part of it has errors.
    func open() throws -> OpenedCourse { try OpenedCourse.open(address) }

    /// The lessons that load, when some do not; says on stderr which cannot be opened.
    func openAvailable(note: Bool = true) throws -> OpenedCourse {
        let opened = try OpenedCourse.openAvailable(address)
        if note, let line = opened.unavailableNote { Console.error("preflight: " + Visible.escape(line)) }
        return opened
    }
}
