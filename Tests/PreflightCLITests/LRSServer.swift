import Foundation
import TestSupport
import XCTest

/// A real Learning Record Store for the tests: Ralph (`ralph-malph` from the venv `make
/// test-deps` creates) on 127.0.0.1 and a free port, with its file-system backend and a user
/// made by `ralph auth`; or, for server-error tests, a server that answers 500 to everything.
/// Each runs in a process group of its own, and `stop()` kills the whole group.
final class LRSServer {
    enum Kind { case ralph, failing }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static let user = "alice"
    static let password = "s3cret-Pa55"

    let kind: Kind
    let folder: URL
    let port: Int
    private var process: Process?
    private let log: URL

    static var venv: URL { TestPaths.packageRoot.appendingPathComponent(".venv-ralph") }
    static var python: URL { venv.appendingPathComponent("bin/python") }
    static func tool(_ name: String) -> URL { TestPaths.packageRoot.appendingPathComponent("Tests/LRS/\(name)") }

    var endpoint: String { "http://127.0.0.1:\(port)/xAPI/" }

    /// Makes the server's folder and credentials and starts it; `port` reuses a port (a restart).
    init(_ kind: Kind = .ralph, in folder: URL, port: Int? = nil) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python.path) else {
            throw Failure(description: "Ralph is not installed in \(Self.venv.path): run `make test-deps`")
        }
        self.kind = kind
        self.folder = folder
        self.port = try port ?? Self.freePort()
        log = folder.appendingPathComponent("server-\(self.port).log")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        if kind == .ralph && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("app/auth.json").path) {
            let auth = try Self.run(Self.venv.appendingPathComponent("bin/ralph"),
                                    ["auth", "-u", Self.user, "-p", Self.password, "-s", "all", "-M", "mailto:\(Self.user)@example.org", "-w"],
                                    environment: environment)
            guard auth.status == 0 else { throw Failure(description: "ralph auth failed: \(auth.output)") }
        }
        try start()
    }

    deinit { stop() }

    private var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["RALPH_APP_DIR"] = folder.appendingPathComponent("app").path
        env["RALPH_RUNSERVER_BACKEND"] = "fs"
        env["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = folder.appendingPathComponent("data").path
        return env
    }

    func start() throws {
        let process = Process()
        process.executableURL = Self.python
        process.arguments = [Self.tool(kind == .ralph ? "ralph_lrs.py" : "failing_lrs.py").path, String(port)]
        process.environment = environment
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let ready = try Self.run(Self.python, [Self.tool("lrs_tool.py").path, "wait", "http://127.0.0.1:\(port)/__heartbeat__", "60"], environment: environment)
        if ready.status != 0 {
            stop()
            throw Failure(description: "the LRS did not start on port \(port): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
    }

    /// Kills the server and everything in its process group, and waits for it.
    func stop() {
        guard let process else { return }
        self.process = nil
        killpg(process.processIdentifier, SIGKILL)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Every statement the LRS holds, read back through its statements API.
    func statements() throws -> [[String: Any]] {
        let result = try Self.run(Self.python, [Self.tool("lrs_tool.py").path, "statements", endpoint, Self.user, Self.password], environment: environment)
        guard result.status == 0, let list = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] else {
            throw Failure(description: "cannot read the statements back: \(result.output)")
        }
        return list
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let output = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
