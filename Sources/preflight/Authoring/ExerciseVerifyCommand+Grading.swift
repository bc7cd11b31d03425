import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

extension GradeReport.Format: ExpressibleByArgument {}

extension ExerciseVerifyCommand {
    /// `exercise verify --grade [--workspace DIR]`: grades the learner's files, for CI.
    func gradeWorkspace(_ session: ExerciseSession, _ chosen: [Exercise]) throws {
        let checks = try session.grade(chosen)
        switch format {
        case .text: Console.out(GradeReport.text(checks, workspace: session.workspace).joined(separator: "\n"))
        case .json: Console.out(try GradeReport.json(checks, workspace: session.workspace))
        case .junit: Console.out(GradeReport.junit(checks, workspace: session.workspace))
        case .classroom: Console.out(try GradeReport.classroom(checks, workspace: session.workspace))
        }
        if checks.contains(where: { !$0.passed }) { throw AppError(.failed, "") }
    }
}
