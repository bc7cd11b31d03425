import Foundation
import PreflightStore
import TestSupport
import XCTest

/// Nothing the learner did is lost: a writer killed at any moment leaves a consistent database
/// holding every write it had confirmed, and two writers at once lose nothing.
final class DurabilityTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var torture: URL { PreflightBinary.url.deletingLastPathComponent().appendingPathComponent("store-torture") }

    private func startWriter(_ database: URL, name: String, count: Int, outbox: Bool = false) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = torture
        process.arguments = [database.path, name, String(count)] + (outbox ? ["outbox"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, pipe)
    }

    private func confirmed(_ pipe: Pipe) -> [Int] {
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // The last line may be cut by the kill; only whole lines were confirmed.
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { Int($0) }
    }

    func testEveryConfirmedWriteSurvivesAKillAtARandomMoment() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: torture.path), "build the store-torture helper: \(torture.path)")
        let database = folder.appendingPathComponent("progress.sqlite")
        var generator = SystemRandomNumberGenerator()
        var total = 0
        for round in 0..<20 {
            let (process, pipe) = try startWriter(database, name: "round\(round)", count: 100_000)
            usleep(UInt32.random(in: 20_000...150_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let written = confirmed(pipe)
            total += written.count
            let store = try ProgressStore(url: database)
            for index in written {
                XCTAssertTrue(try store.examplesRun(lessonID: "round\(round)-\(index)").contains(index), "round \(round): confirmed write \(index) is missing")
            }
        }
        XCTAssertGreaterThan(total, 20, "the writers confirmed writes before being killed")
    }

    func testTwoWritersAtOnceLoseNothing() throws {
        let database = folder.appendingPathComponent("progress.sqlite")
        _ = try ProgressStore(url: database)
        let (first, firstPipe) = try startWriter(database, name: "lesson", count: 300)
        let (second, secondPipe) = try startWriter(database, name: "quiz", count: 300)
        let firstDone = confirmed(firstPipe), secondDone = confirmed(secondPipe)
        first.waitUntilExit(); second.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertEqual(second.terminationStatus, 0)
        XCTAssertEqual(firstDone.count + secondDone.count, 600)
        let store = try ProgressStore(url: database)
        for index in 0..<300 {
            XCTAssertEqual(try store.examplesRun(lessonID: "lesson-\(index)"), [index])
            XCTAssertEqual(try store.examplesRun(lessonID: "quiz-\(index)"), [index])
        }
    }

    /// A kill at any moment never leaves progress without its statement, or a statement without
    /// its progress: they are one transaction.
    func testAKillNeverSeparatesProgressFromItsStatement() throws {
        let database = folder.appendingPathComponent("progress.sqlite")
        var rows = 0
        for round in 0..<8 {
            let (process, pipe) = try startWriter(database, name: "r\(round)", count: 100_000, outbox: true)
            usleep(UInt32.random(in: 20_000...150_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = confirmed(pipe)
            let store = try ProgressStore(url: database)
            let queued = Set(try store.pendingStatements().map(\.id).filter { $0.hasPrefix("r\(round)-") })
            var index = 0
            while try !store.examplesRun(lessonID: "r\(round)-\(index)").isEmpty {
                XCTAssertTrue(queued.contains("r\(round)-\(index)"), "round \(round): write \(index) is saved but its statement is not queued")
                index += 1
            }
            XCTAssertEqual(queued.count, index, "round \(round): statements queued for writes that were not saved")
            rows += index
        }
        XCTAssertGreaterThan(rows, 8, "the writers saved something before being killed")
    }
}
