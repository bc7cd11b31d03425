import Foundation
import Synchronization

/// Small helpers shared by the test targets.
public enum TestPaths {
    /// The package root, found from this source file's location.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var shippedCourse: URL { packageRoot.appendingPathComponent("lessons") }

    /// A fresh temporary folder, removed by the caller's `defer`.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs the built `preflight` binary, for end-to-end tests of commands.
public struct CommandResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum PreflightBinary {
    /// `.build/debug/preflight` (or whichever build folder the tests were built into).
    public static var url: URL {
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("preflight")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return TestPaths.packageRoot.appendingPathComponent(".build/debug/preflight")
    }

    /// A state folder for this test process, so no test reads or writes `~/.local/state`.
    /// Removed when the test process exits.
    public static let stateHome: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-test-state-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: PreflightBinary.stateHome) }
        return url
    }()

    @discardableResult
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], input: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Progress databases a command finds by itself (lint reads one to explain renames) are
        // the test run's own, never the developer's.
        env.removeValue(forKey: "PREFLIGHT_STATE")
        env["XDG_STATE_HOME"] = stateHome.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty command cannot fill a pipe and stall.
        let outData = Mutex(Data())
        let group = DispatchGroup()
        group.enter()
        let reader = out.fileHandleForReading
        DispatchQueue.global().async {
            let data = reader.readDataToEndOfFile()
            outData.withLock { $0 = data }
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData.withLock { $0 }, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
