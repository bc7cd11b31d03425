import ArgumentParser

/// Options shared by commands that run a course's code (examples, exercise checks).
struct RunOptions: ParsableArguments {
    @Flag(help: "Run examples without the bubblewrap sandbox (also: `sandbox: off` in course.yaml).")
    var noSandbox = false

    var sandbox: Bool { !noSandbox }
}
