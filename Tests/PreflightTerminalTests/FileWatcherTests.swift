import Foundation
import PreflightTerminal
import XCTest

/// Every way editors save a file is noticed within a second, with inotify and with polling.
final class FileWatcherTests: XCTestCase {
    private var folder: URL!
    private var file: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = folder.appendingPathComponent("solution.py")
        try "x = 1\n".write(to: file, atomically: false, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Seconds until the watcher reports a change, or nil after `limit`.
    private func secondsToNotice(_ watcher: FileWatcher, limit: Double = 3) -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            if watcher.consumeChanges() { return Date().timeIntervalSince(start) }
            usleep(10_000)
        }
        return nil
    }

    private func saves() -> [(String, () throws -> Void)] {
        [
            ("in place", { try "x = 2\n".write(to: self.file, atomically: false, encoding: .utf8) }),
            ("write new, then rename over", {
                let temporary = self.folder.appendingPathComponent(".solution.py.tmp")
                try "x = 3\n".write(to: temporary, atomically: false, encoding: .utf8)
                _ = rename(temporary.path, self.file.path)
            }),
            ("delete, then create", {
                try FileManager.default.removeItem(at: self.file)
                try "x = 4\n".write(to: self.file, atomically: false, encoding: .utf8)
            }),
            ("Foundation's atomic write", { try "x = 5\n".write(to: self.file, atomically: true, encoding: .utf8) }),
        ]
    }

    func testInotifyNoticesEverySaveStyle() throws {
        let watcher = FileWatcher(file: file, poll: false)
        XCTAssertFalse(watcher.usesPolling, "inotify is available on this machine")
        for (name, save) in saves() {
            _ = watcher.consumeChanges()
            try save()
            let seconds = secondsToNotice(watcher)
            XCTAssertNotNil(seconds, "\(name) was not noticed")
            XCTAssertLessThan(seconds ?? 99, 1, name)
        }
    }

    func testPollingNoticesEverySaveStyle() throws {
        let watcher = FileWatcher(file: file, poll: true)
        XCTAssertTrue(watcher.usesPolling)
        for (name, save) in saves() {
            usleep(20_000)  // modification times need to move on
            try save()
            XCTAssertNotNil(secondsToNotice(watcher), "\(name) was not noticed by polling")
        }
    }

    func testOtherFilesInTheFolderAreIgnored() throws {
        let watcher = FileWatcher(file: file, poll: false)
        try "swap".write(to: folder.appendingPathComponent(".solution.py.swp"), atomically: false, encoding: .utf8)
        XCTAssertNil(secondsToNotice(watcher, limit: 0.3))
    }

    /// `lint --watch` watches a whole course: any folder, a new file as well as a changed one,
    /// and never an editor's scratch file.
    func testFoldersAreWatchedForNewChangedAndRemovedFiles() throws {
        let other = folder.appendingPathComponent("01-section")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        for poll in [false, true] {
            let watcher = FileWatcher(folders: [folder, other], poll: poll)
            XCTAssertEqual(watcher.usesPolling, poll)
            let lesson = other.appendingPathComponent("02-new-\(poll).md")
            try "new\n".write(to: lesson, atomically: false, encoding: .utf8)
            XCTAssertNotNil(secondsToNotice(watcher), "a new file in the second folder (poll: \(poll))")
            usleep(20_000)
            try "changed\n".write(to: lesson, atomically: true, encoding: .utf8)
            XCTAssertNotNil(secondsToNotice(watcher), "a changed file (poll: \(poll))")
            try FileManager.default.removeItem(at: lesson)
            XCTAssertNotNil(secondsToNotice(watcher), "a removed file (poll: \(poll))")
            for scratch in [".02-new.md.swp", "02-new.md~", "4913"] {
                try "x".write(to: other.appendingPathComponent(scratch), atomically: false, encoding: .utf8)
            }
            XCTAssertNil(secondsToNotice(watcher, limit: 0.4), "editors' scratch files are not saves (poll: \(poll))")
            for scratch in [".02-new.md.swp", "02-new.md~", "4913"] { try FileManager.default.removeItem(at: other.appendingPathComponent(scratch)) }
            _ = watcher.consumeChanges()
        }
    }
}

/// A watch that cannot fail silently: file systems without change events are polled, and a
/// change that arrives without its event switches to polling.
final class SilentFileSystemTests: XCTestCase {
    func testNetworkAndWSLFileSystemsAreRecognisedFromMountInfo() {
        let mounts = """
            22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            40 22 0:45 / /mnt/c rw,noatime - 9p drvfs rw,aname=drvfs
            41 22 0:46 / /home/me/share rw - nfs4 server:/export rw
            42 22 0:47 / /home/me/My\\040Files rw - fuse.sshfs me@host: rw
            """
        XCTAssertEqual(FileWatcher.fileSystemType(of: URL(fileURLWithPath: "/mnt/c/Users/me/ws"), mountInfo: mounts), "9p")
        XCTAssertEqual(FileWatcher.fileSystemType(of: URL(fileURLWithPath: "/home/me/share/ws"), mountInfo: mounts), "nfs4")
        XCTAssertEqual(FileWatcher.fileSystemType(of: URL(fileURLWithPath: "/home/me/My Files/ws"), mountInfo: mounts), "fuse.sshfs")
        XCTAssertEqual(FileWatcher.fileSystemType(of: URL(fileURLWithPath: "/home/me/ws"), mountInfo: mounts), "ext4")
        for type in ["9p", "nfs4", "cifs", "drvfs", "fuse.sshfs"] { XCTAssertTrue(FileWatcher.isSilent(fileSystem: type), type) }
        for type in ["ext4", "xfs", "btrfs", "tmpfs", "overlay"] { XCTAssertFalse(FileWatcher.isSilent(fileSystem: type), type) }
    }

    func testAChangeWithoutItsEventSwitchesToPolling() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-silent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.py")
        try "x = 1\n".write(to: file, atomically: false, encoding: .utf8)
        let watcher = FileWatcher(file: file, poll: false)
        try XCTSkipIf(watcher.usesPolling, "inotify is not available here")
        XCTAssertNil(watcher.checkForSilence(now: 100), "nothing changed")
        try "x = 22\n".write(to: file, atomically: false, encoding: .utf8)
        // The events are never read: as on a file system that sends none.
        XCTAssertNil(watcher.checkForSilence(now: 200), "a change was just seen; its event may still come")
        XCTAssertNil(watcher.checkForSilence(now: 201))
        XCTAssertNotNil(watcher.checkForSilence(now: 200 + FileWatcher.eventGrace), "no event within the grace: polling")
        XCTAssertTrue(watcher.usesPolling)
        XCTAssertTrue(watcher.consumeChanges(), "the unannounced change counts as a save")
        XCTAssertFalse(watcher.consumeChanges())
    }
}
