import Foundation
import PreflightCore
@testable import PreflightRunner
import TestSupport
import XCTest

/// Hostile examples, as an author could write them by mistake or on purpose, run through both
/// runners: each ends in the same verdict cold and warm, within its limits, and nothing it
/// started is running afterwards. Leftovers are found by an environment variable every example
/// inherits (a process can rename itself or start its own session, but it keeps its
/// environment), after the pool and its hosts have ended.
final class ContainmentTests: XCTestCase {
    let mark = "preflight-mark-\(UUID().uuidString.prefix(8))"

    lazy var config = CourseConfig(
        id: "t", title: "T", runners: ["python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py")],
        timeout: 5, environment: ["PREFLIGHT_TEST_MARK": mark])

    struct Program {
        var name: String
        var code: String
        var timeout: Double?
    }

    static let programs: [Program] = [
        Program(name: "double-forked setsid daemon holding stdout", code: """
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(300)
                os._exit(0)
            print("parent done", flush=True)
            """),
        Program(name: "child left in the group", code: "import subprocess\nsubprocess.Popen(['sleep', '300'])\nprint('left it')\n"),
        Program(name: "ignores SIGTERM in a busy loop", code: "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint('busy', flush=True)\nwhile True:\n    pass\n", timeout: 1),
        Program(name: "closes stdout and carries on", code: "import os, time\nprint('bye', flush=True)\nos.close(1)\ntime.sleep(300)\n", timeout: 1),
        Program(name: "writes a file past the size limit", code: """
            try:
                with open('big', 'wb') as f:
                    while True:
                        f.write(b'x' * (1 << 20))
            except OSError as error:
                print(error.strerror)
            """),
        Program(name: "allocates past the memory limit", code: "try:\n    x = bytearray(3 << 30)\nexcept MemoryError:\n    print('MemoryError')\n"),
        Program(name: "reads standard input", code: "import sys\nprint(repr(sys.stdin.read()))\n"),
        Program(name: "deletes its own folder from /", code: "import os, shutil\nhere = os.getcwd()\nos.chdir('/')\nshutil.rmtree(here)\nprint(os.path.exists(here))\n"),
        Program(name: "ends by a signal", code: "import os\nprint('going', flush=True)\nos.kill(os.getpid(), 9)\n"),
        Program(name: "leaves threads running", code: "import threading, time\nthreading.Thread(target=lambda: time.sleep(300), daemon=True).start()\nprint('main done')\n"),
        Program(name: "reaches for the terminal", code: "try:\n    open('/dev/tty', 'w')\nexcept OSError as error:\n    print('no terminal:', error.strerror)\n"),
    ]

    func item(_ program: Program) -> CheckItem {
        let example = Example(lessonID: "h", index: 1, language: "python", code: program.code + "\n", location: SourceLocation(file: "h.md", line: 1, column: 1),
                              timeout: program.timeout, expected: ExpectedOutput(text: "...\n", location: SourceLocation(file: "h.md", line: 2, column: 1), options: OutputOptions(ellipsis: true)))
        return CheckItem(kind: .example, example: example, label: program.name, name: program.name)
    }

    /// Processes anywhere on the machine that carry this test's mark, the test process aside.
    func leftovers() -> [String] {
        let me = "\(getpid())"
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { $0.first?.isNumber == true && $0 != me }.compactMap { pid in
            guard let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ"), String(decoding: environ, as: UTF8.self).contains(mark) else { return nil }
            let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\0", with: " ") } ?? "?"
            return "\(pid): \(command.prefix(80))"
        }
    }

    /// Every isolation this machine can give, strongest first: the sandbox, a bare PID
    /// namespace, and the subreaper that machines without namespaces fall back to.
    func isolations() -> [Containment] {
        var all = [Containment.strongest(sandbox: true, searchPath: ExampleRunner.searchPath)]
        if Containment.mayMakeNamespaces { all.append(Containment(isolation: .pidNamespace, sandboxNote: "turned off")) }
        all.append(Containment(isolation: .subreaper, sandboxNote: "turned off"))
        return all
    }

    func testEveryHostileProgramGetsTheSameVerdictBothWaysAndLeavesNothing() throws {
        for containment in isolations() {
            for program in Self.programs {
                try check(program, in: containment)
            }
        }
    }

    private func check(_ program: Program, in containment: Containment) throws {
            let pool = try HostPool(python: "python3", containment: containment, environment: ExampleRunner.environment(config: config, home: "/tmp"),
                                    limits: ProcessLimits(timeout: config.timeout))
            let cold = ExampleRunner(config: config, pool: pool, warm: false).run(item(program))
            let warm = ExampleRunner(config: config, pool: pool, warm: true).run(item(program))
            XCTAssertEqual(pool.containment, containment, "the pool used the isolation it was given")
            pool.close()
            let program = Program(name: "\(program.name) [\(containment.isolation)]", code: program.code, timeout: program.timeout)
            XCTAssertEqual(cold.verdict, warm.verdict, program.name)
            XCTAssertEqual(cold.stdout, warm.stdout, program.name)
            XCTAssertEqual(cold.stragglers, warm.stragglers, program.name)
            XCTAssertEqual(leftovers(), [], "\(program.name) left processes running")
            switch program.name.split(separator: "[").first!.trimmingCharacters(in: .whitespaces) {
            case "double-forked setsid daemon holding stdout":
                XCTAssertEqual(cold.verdict, .passed)
                XCTAssertEqual(cold.stdout, "parent done\n")
                XCTAssertEqual(cold.stragglerNote, "left 1 process running; it was stopped")
                XCTAssertLessThan(max(cold.duration, warm.duration), 3, "the verdict waits only a short grace period")
            case "child left in the group":
                XCTAssertEqual(cold.stragglers, 1)
            case "ignores SIGTERM in a busy loop", "closes stdout and carries on":
                XCTAssertEqual(cold.verdict, .timedOut(seconds: 1), program.name)
            case "writes a file past the size limit":
                XCTAssertEqual(cold.stdout, "File too large\n")
            case "allocates past the memory limit":
                XCTAssertEqual(cold.stdout, "MemoryError\n")
            case "reads standard input":
                XCTAssertEqual(cold.stdout, "''\n")
            case "deletes its own folder from /":
                XCTAssertEqual(cold.stdout, "False\n")
            case "ends by a signal":
                XCTAssertEqual(cold.verdict, .signaled(9))
            case "reaches for the terminal":
                XCTAssertEqual(cold.stdout, "no terminal: No such device or address\n", "no controlling terminal, so no TIOCSTI")
            default:
                XCTAssertEqual(cold.verdict, .passed, program.name)
            }
    }

    func testForkBombStopsAtTheProcessLimit() throws {
        let pool = try ExampleRunner.makePool(for: config, sandbox: true)
        _ = ExampleRunner(config: config, pool: pool, warm: false).run(item(Self.programs[6]))  // starts a host
        guard pool.description.contains("cgroup caps on process count") || geteuid() != 0 else {
            pool.close()
            throw XCTSkip("no process limit can be enforced here: running as root without a writable pids cgroup")
        }
        let bomb = Program(name: "fork bomb", code: """
            import os, time
            children = 0
            try:
                for _ in range(100000):
                    if os.fork() == 0:
                        time.sleep(300)
                        os._exit(0)
                    children += 1
            except OSError as error:
                print("refused after", children, "children:", error.strerror)
            """)
        let cold = ExampleRunner(config: config, pool: pool, warm: false).run(item(bomb))
        let warm = ExampleRunner(config: config, pool: pool, warm: true).run(item(bomb))
        pool.close()
        for result in [cold, warm] {
            XCTAssertEqual(result.verdict, .passed)
            XCTAssertTrue(result.stdout.hasPrefix("refused after ") && result.stdout.hasSuffix(" children: Resource temporarily unavailable\n"), result.stdout)
            let children = Int(result.stdout.split(separator: " ")[2]) ?? .max
            XCTAssertLessThanOrEqual(children, ProcessLimits.defaultProcesses)
            XCTAssertEqual(result.stragglers, children, "every child was still sleeping and was stopped")
        }
        XCTAssertEqual(leftovers(), [])
    }

    func testCPULimitEndsABusyLoopBeforeTheDeadline() throws {
        let pool = try ExampleRunner.makePool(for: config, sandbox: true)
        defer { pool.close() }
        let scratch = try ScratchFolder(in: pool.folder, prefix: "cpu-")
        defer { scratch.remove() }
        try scratch.write("while True:\n    pass\n", to: "busy.py")
        let file = scratch.url.appendingPathComponent("busy.py").path
        let limits = ProcessLimits(timeout: 20, cpuSeconds: 1)
        let environment = ExampleRunner.environment(config: config, home: scratch.url.path)
        let python = try XCTUnwrap(ExecutableResolver.find("python3", searchPath: ExampleRunner.searchPath))
        for command in [HostCommand.execute(arguments: [python, file]), .runPython(file: file)] {
            let outcome = try pool.run(command, directory: scratch.url.path, environment: environment, limits: limits).get()
            XCTAssertEqual(outcome.termination, .signaled(SIGXCPU), "\(command)")
            XCTAssertLessThan(outcome.duration, 10, "the CPU limit, not the 20 s deadline, ended it")
        }
    }

    func testTotalMemoryOfAnExamplesProcessesIsCapped() throws {
        let limits = ProcessLimits(timeout: 10, memoryBytes: 256 << 20)
        let pool = try HostPool(python: "python3", containment: .strongest(sandbox: true, searchPath: ExampleRunner.searchPath),
                                environment: ExampleRunner.environment(config: config, home: "/tmp"), limits: limits)
        defer { pool.close() }
        let scratch = try ScratchFolder(in: pool.folder, prefix: "memory-")
        defer { scratch.remove() }
        // Three children of 120 MB each: every one is within the per-process limit, together
        // they are not.
        try scratch.write("""
            import os, time
            pids = []
            for _ in range(3):
                pid = os.fork()
                if pid == 0:
                    block = bytearray(120 << 20)
                    for i in range(0, len(block), 4096):
                        block[i] = 1
                    time.sleep(1)  # all three hold their memory at once
                    os._exit(0)
                pids.append(pid)
            statuses = [os.waitpid(pid, 0)[1] for pid in pids]
            print("all three finished" if all(s == 0 for s in statuses) else "stopped by the memory cap")
            """, to: "hog.py")
        let environment = ExampleRunner.environment(config: config, home: scratch.url.path)
        let outcome = try pool.run(.runPython(file: scratch.url.appendingPathComponent("hog.py").path), directory: scratch.url.path, environment: environment, limits: limits).get()
        guard pool.description.contains("total memory") else { throw XCTSkip("no memory cgroup on this machine") }
        XCTAssertEqual(String(decoding: outcome.stdout, as: UTF8.self), "stopped by the memory cap\n")
    }

    func testSupervisorSpendsNoCPUWhileTheExampleSleeps() throws {
        let pool = try ExampleRunner.makePool(for: config, sandbox: true)
        defer { pool.close() }
        let runner = ExampleRunner(config: config, pool: pool, warm: false)
        _ = runner.run(item(Self.programs[6]))  // the host is started outside the measurement
        let sleeper = Program(name: "sleeps", code: "import time, subprocess\nsubprocess.Popen(['sleep', '300'])\ntime.sleep(1.5)\nprint('awake')\n")
        let before = cpuSeconds()
        let result = runner.run(item(sleeper))
        let spent = cpuSeconds() - before
        XCTAssertEqual(result.stdout, "awake\n")
        XCTAssertLessThan(spent, 0.2, "the supervisor waited \(result.duration) s and used \(spent) s of CPU")
    }

    func testTheSandboxKeepsTheLearnersFilesAndTheNetworkOutOfReach() throws {
        let pool = try ExampleRunner.makePool(for: config, sandbox: true)
        defer { pool.close() }
        guard case .sandbox = pool.containment.isolation else { throw XCTSkip("bubblewrap is not installed here") }
        // A file where learners' progress databases live (outside every temporary folder).
        let state = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state/preflight")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let victim = state.appendingPathComponent("sandbox-victim-\(UUID().uuidString.prefix(8)).sqlite")
        try "progress\n".write(to: victim, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: victim) }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(listener, 1)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: bound.sin_port))
        let code = """
            import socket
            try:
                open('\(victim.path)', 'w').write('rewritten')
                print('wrote the file')
            except OSError as error:
                print('file:', error.strerror)
            try:
                socket.create_connection(('127.0.0.1', \(port)), timeout=2)
                print('connected')
            except OSError as error:
                print('network:', error.strerror)
            """
        for warm in [false, true] {
            let result = ExampleRunner(config: config, pool: pool, warm: warm).run(item(Program(name: "reaches out", code: code)))
            XCTAssertEqual(result.stdout, "file: Read-only file system\nnetwork: Connection refused\n")
        }
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "progress\n")
    }

    func testAnExampleThatKillsItsParentCannotTakePreflightDown() throws {
        let pool = try ExampleRunner.makePool(for: config, sandbox: true)
        defer { pool.close() }
        let code = "import os, signal, time\nos.kill(os.getppid(), signal.SIGKILL)\ntime.sleep(0.2)\nprint('still here')\n"
        for warm in [false, true] {
            let result = ExampleRunner(config: config, pool: pool, warm: warm).run(item(Program(name: "kills its parent", code: code)))
            if case .subreaper = pool.containment.isolation {
                guard case .lostSupervisor = result.verdict else { return XCTFail("\(result.verdict)") }
            } else {
                // Process 1 of a namespace cannot be killed from inside it.
                XCTAssertEqual(result.verdict, .passed)
                XCTAssertEqual(result.stdout, "still here\n")
            }
        }
        XCTAssertEqual(ExampleRunner(config: config, pool: pool).run(item(Self.programs[6])).stdout, "''\n", "the next example still runs")
    }

    func testCleanUpNeverFollowsALinkOutOfTheFolder() throws {
        let outside = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let victim = outside.appendingPathComponent("victim.txt")
        try "keep me\n".write(to: victim, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: victim.path)
        let victimFolder = outside.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: victimFolder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: victimFolder.path)
        let pool = try ExampleRunner.makePool(for: config, sandbox: true)
        let code = """
            import os
            os.symlink('\(victim.path)', 'hosts')
            os.symlink('\(victimFolder.path)', 'dir-link')
            os.makedirs('locked/inner')
            os.symlink('\(victim.path)', 'locked/inner/link')
            os.chmod('locked/inner', 0o500)
            os.chmod('locked', 0o000)
            path = 'deep'
            for _ in range(3000):
                os.mkdir(path)
                os.chdir(path)
            print('done')
            """
        let result = ExampleRunner(config: config, pool: pool, warm: false).run(item(Program(name: "links", code: code)))
        pool.close()
        XCTAssertEqual(result.stdout, "done\n")
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep me\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: victim.path)[.posixPermissions] as? Int, 0o644, "the link's target keeps its mode")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: victimFolder.path)[.posixPermissions] as? Int, 0o755)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pool.folder.path), "the run's folder is gone, deep and locked folders included")
    }

    func testAProgramThatCannotBeExecutedIsNamedWithTheStepAndTheReason() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("not-executable")
        try "#!/bin/sh\necho hi\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: script.path)
        let broken = CourseConfig(id: "t", title: "T", runners: ["python": RunnerConfig(command: ["python3", "{file}"], fileExtension: "py"),
                                                                   "odd": RunnerConfig(command: ["/bin/sh", "{file}"], fileExtension: "sh")], timeout: 5)
        let pool = try ExampleRunner.makePool(for: broken, sandbox: true, visible: [folder])
        defer { pool.close() }
        let resolver = ExecutableResolver(searchPath: folder.path + ":" + ExampleRunner.searchPath)
        var example = item(Program(name: "x", code: "echo hi"))
        example.example.language = "odd"
        var runner = ExampleRunner(config: broken, pool: pool, resolver: resolver)
        runner.config.runners["odd"] = RunnerConfig(command: [script.path, "{file}"], fileExtension: "sh")
        guard case .failedToStart(let denied) = runner.run(example).verdict else {
            return XCTFail("a runner program that exists but cannot be executed fails to start")
        }
        XCTAssertEqual(denied, "cannot run `\(script.path)`: execve: Permission denied")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try "#!/no/such/interpreter\n".write(to: script, atomically: false, encoding: .utf8)
        runner.resolver = ExecutableResolver(searchPath: resolver.searchPath)
        let verdict = runner.run(example).verdict
        guard case .failedToStart(let message) = verdict else { return XCTFail("\(verdict)") }
        XCTAssertEqual(message, "cannot run `\(script.path)`: execve: No such file or directory")
    }

    private func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
