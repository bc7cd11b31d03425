// swift-tools-version:6.0
import PackageDescription

// Data flows one way: files -> Markdown tree (CCmark) -> lesson model (PreflightCore)
// -> runner / grader / store -> terminal. Each arrow is a module boundary.
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
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]
        ),
        // The child side of spawning (between fork and exec) must be async-signal-safe: C.
        .target(name: "CRunnerSupport"),
        .target(name: "PreflightRunner", dependencies: ["PreflightCore", "CRunnerSupport"]),
        // Progress, and the course index's records (a cache of what reading the lessons found).
        .target(name: "PreflightStore", dependencies: ["PreflightCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Pure: grades answers and schedules flashcards; no terminal, no store.
        .target(name: "PreflightGrading", dependencies: ["PreflightCore"]),
        // Signal handlers that give the terminal back must be async-signal-safe: C.
        .target(name: "CTerminalSupport"),
        .target(name: "PreflightTerminal", dependencies: ["PreflightCore", "PreflightRunner", "PreflightStore", "PreflightGrading", "CTerminalSupport"]),
        .executableTarget(
            name: "preflight",
            dependencies: [
                "PreflightTerminal",
                "PreflightGrading",
                "PreflightCore",
                "PreflightRunner",
                "PreflightStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
        .testTarget(
            name: "PreflightStoreTests",
            dependencies: ["PreflightStore", "PreflightCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "PreflightCLITests",
            dependencies: ["TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
