// swift-tools-version:6.2
import PackageDescription

// Data flows one way, and each arrow is a module boundary that may only be crossed this way:
// files -> Markdown tree (CCmark, PreflightCore) -> lesson model (PreflightCore)
// -> runner (PreflightRunner) | grader (PreflightGrading) | store (PreflightStore) | site (PreflightSite)
// -> application layer (PreflightApp: the course's use cases)
// -> adapters (PreflightTerminal: screens; preflight: the commands).
/// Interpolating course text into a String is deprecated (see CourseText); here that is an error,
/// so the compiler finds every place that would print it unescaped.
let strict: [SwiftSetting] = [.treatWarning("DeprecatedDeclaration", as: .error)]

let package = Package(
    name: "Preflight",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(
            name: "PreflightCore",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // The child side of spawning (between fork and exec) must be async-signal-safe: C.
        .target(name: "CRunnerSupport"),
        .target(name: "PreflightRunner", dependencies: ["PreflightCore", "CRunnerSupport"], swiftSettings: strict),
        // Progress, and the course index's records (a cache of what reading the lessons found).
        .target(name: "PreflightStore", dependencies: ["PreflightCore", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        // Pure: grades answers and schedules flashcards; no terminal, no store.
        .target(name: "PreflightGrading", dependencies: ["PreflightCore"], swiftSettings: strict),
        // The course as a static website: pages, quiz data and the browser's grader. No terminal,
        // no store: the application layer hands it the course and the dates it shows.
        .target(name: "PreflightSite", dependencies: ["PreflightCore", "PreflightGrading"], resources: [.copy("Resources")], swiftSettings: strict),
        // The course's use cases: opening a course, progress, quizzes, flashcards, running and
        // checking examples, exercises, linting, and their report encoders. No terminal, no
        // printing: values in, values (and AppError) out.
        .target(name: "PreflightApp", dependencies: ["PreflightCore", "PreflightGrading", "PreflightRunner", "PreflightStore", "PreflightSite"], swiftSettings: strict),
        // Signal handlers that give the terminal back must be async-signal-safe: C.
        .target(name: "CTerminalSupport"),
        // Screens, rendering, keys and event loops; it receives values from the application
        // layer and sends it intents. It may not import the store or the runner.
        .target(name: "PreflightTerminal", dependencies: ["PreflightCore", "PreflightGrading", "PreflightApp", "CTerminalSupport"], swiftSettings: strict),
        // Parses arguments, calls one use case, prints, picks the exit code.
        .executableTarget(
            name: "preflight",
            dependencies: [
                "PreflightApp",
                "PreflightTerminal",
                "PreflightCore",
                "PreflightGrading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(name: "CTestPTY", path: "Tests/CTestPTY"),
        .target(name: "TestSupport", dependencies: ["PreflightCore", "CTestPTY"], path: "Tests/TestSupport"),
        .testTarget(
            name: "PreflightCoreTests",
            dependencies: ["PreflightCore", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PreflightGradingTests", dependencies: ["PreflightGrading", "PreflightCore", "TestSupport"]),
        .testTarget(name: "PreflightRunnerTests", dependencies: ["PreflightRunner", "PreflightCore", "TestSupport"]),
        .testTarget(
            name: "PreflightTerminalTests",
            dependencies: ["PreflightTerminal", "PreflightCore", "PreflightGrading", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // Writes progress until killed; the durability tests run it as a separate process.
        .executableTarget(name: "store-torture", dependencies: ["PreflightStore"], path: "Tests/StoreTorture"),
        .testTarget(name: "PreflightSiteTests", dependencies: ["PreflightSite", "PreflightCore", "PreflightGrading", "TestSupport"]),
        .testTarget(name: "PreflightStoreTests", dependencies: ["PreflightStore", "PreflightCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Fixtures are read from the source tree (TestPaths.packageRoot), like the course's own files.
        .testTarget(name: "PreflightAppTests", dependencies: ["PreflightApp", "PreflightCore", "PreflightGrading", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PreflightCLITests",
            dependencies: ["TestSupport"],
            // Golden transcripts, read (and re-recorded) from the source folder; fixtures read from it too.
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
