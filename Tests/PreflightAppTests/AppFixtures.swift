import Foundation
import PreflightApp
import TestSupport

/// A copy of a fixture course in a fresh folder, with its own progress database and workspace,
/// so each test owns everything it writes.
struct AppFixture {
    let folder: URL
    let course: URL
    let address: CourseAddress

    init(_ name: String) throws {
        folder = try TestPaths.temporaryFolder()
        course = folder.appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Tests/PreflightCoreTests/Fixtures/\(name)"), to: course)
        address = CourseAddress(course: course.path, state: folder.appendingPathComponent("progress.sqlite").path,
                                workspace: folder.appendingPathComponent("workspace").path, environment: ProcessInfo.processInfo.environment,
                                paths: DisplayPaths(base: course))
    }

    func open() throws -> OpenedCourse { try OpenedCourse.open(address) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
