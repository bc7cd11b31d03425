import ArgumentParser
import Foundation
import PreflightApp

/// The options every command shares: where the course and the learner's progress are.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding course.yaml.", valueName: "DIR"))
    var course: String?

    @Option(name: .long, help: ArgumentHelp("The progress database (default: $PREFLIGHT_STATE, then $XDG_STATE_HOME/preflight/).", valueName: "PATH"))
    var state: String?

    var address: CourseAddress { CourseAddress(course: course, state: state) }

    func open() throws -> OpenedCourse { try OpenedCourse.open(address) }
}
