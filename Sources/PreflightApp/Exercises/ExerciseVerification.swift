import Foundation
import PreflightCore

/// What `exercise verify` found for one exercise: each starter must fail its check and each
/// solution pass it. When neither can be judged because the check itself is broken (it does not
/// compile, it imports what is not there, its language has no runner), the check is named as
/// the culprit, not the solution.
public struct ExerciseVerification: Sendable {
    public enum Culprit: String, Sendable, Encodable {
        /// The untouched starter passes (nothing to do) or hangs.
        case starter
        /// The reference solution fails a check that works.
        case solution
        /// The check cannot run, or breaks before it tells starter and solution apart.
        case check
    }

    public var exercise: Exercise
    public var problems: [String]
    public var culprit: Culprit?
    public var starter: ExerciseCheck
    public var solution: ExerciseCheck
    public var passed: Bool { problems.isEmpty }

    /// The output that shows what went wrong: the check's own failure, else the solution's,
    /// else the starter's; empty when verification passed.
    public var evidence: String {
        switch culprit {
        case nil: return ""
        case .starter: return starter.output
        case .solution, .check: return solution.output.isEmpty ? starter.output : solution.output
        }
    }

    /// Judges the two runs.
    static func judge(_ exercise: Exercise, starter: ExerciseCheck, solution: ExerciseCheck) -> ExerciseVerification {
        var verification = ExerciseVerification(exercise: exercise, problems: [], culprit: nil, starter: starter, solution: solution)
        if let broken = brokenCheck(exercise, starter: starter, solution: solution) {
            verification.problems = ["the check itself is broken, so neither the starter nor the solution could be judged: \(broken)"]
            verification.culprit = .check
            return verification
        }
        if starter.passed { verification.problems.append("the untouched starter passes its check: there is nothing to do") }
        if starter.problem?.contains("did not finish") == true { verification.problems.append("the starter's check timed out instead of failing") }
        if !verification.problems.isEmpty { verification.culprit = .starter }
        if !solution.passed {
            verification.problems.append("the reference solution fails its check" + (solution.problem.map { " (\($0))" } ?? ""))
            verification.culprit = .solution
        }
        return verification
    }

    /// Why the check cannot be what failed the solution, when it is not: it could not start, or
    /// its own file does not compile or imports a module that is not there, or it fails the
    /// starter and the solution in exactly the same way.
    static func brokenCheck(_ exercise: Exercise, starter: ExerciseCheck, solution: ExerciseCheck) -> String? {
        guard !solution.passed else { return nil }
        if !solution.ran { return solution.problem ?? "it could not be started" }
        let checkName = URL(fileURLWithPath: exercise.check).lastPathComponent
        let learnerModule = URL(fileURLWithPath: exercise.file).deletingPathExtension().lastPathComponent
        if let fault = PythonFault.innermost(in: solution.output), fault.file == checkName {
            switch fault.kind {
            case "SyntaxError", "IndentationError", "TabError":
                return "\(checkName) line \(fault.line) does not compile (\(fault.kind): \(fault.message))"
            case "ModuleNotFoundError" where fault.missingModule.map({ $0 != learnerModule && !$0.hasPrefix(learnerModule + ".") }) ?? false:
                return "\(checkName) line \(fault.line) imports a module that is not installed where checks run (\(fault.kind): \(fault.message))"
            default: break
            }
        }
        if !starter.passed, starter.ran, !solution.output.isEmpty, comparable(starter.output) == comparable(solution.output) {
            return "it fails the starter and the reference solution with exactly the same output, so it never tells them apart"
        }
        return nil
    }

    /// Output with folder paths reduced to file names: the two runs happen in different
    /// temporary folders.
    static func comparable(_ output: String) -> String {
        output.replacingOccurrences(of: #"/[^\s"':,]*/"#, with: "", options: .regularExpression)
    }
}

/// The innermost frame and the exception of a Python traceback (or a compile error, which
/// Python reports with the same `File "…", line N` line), read from a check's output.
struct PythonFault: Equatable {
    var file: String
    var line: Int
    var kind: String
    var message: String

    /// `numpy` for `No module named 'numpy'`.
    var missingModule: String? {
        guard let open = message.range(of: "'"), let close = message.range(of: "'", range: open.upperBound..<message.endIndex) else { return nil }
        return String(message[open.upperBound..<close.lowerBound])
    }

    static func innermost(in output: String) -> PythonFault? {
        var frame: (file: String, line: Int)?
        var fault: PythonFault?
        for raw in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("File \""), let close = line.dropFirst(6).firstIndex(of: "\"") {
                let path = String(line[line.index(line.startIndex, offsetBy: 6)..<close])
                let number = line[close...].split(separator: " ").dropFirst(2).first.flatMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }
                frame = (URL(fileURLWithPath: path).lastPathComponent, number ?? 0)
                continue
            }
            // `SyntaxError: invalid syntax`, `ModuleNotFoundError: No module named 'x'`.
            guard raw == line, let colon = line.firstIndex(of: ":") else { continue }
            let kind = String(line[..<colon])
            guard let frame, kind.range(of: #"^[A-Z][A-Za-z]*(Error|Exception)$"#, options: .regularExpression) != nil else { continue }
            fault = PythonFault(file: frame.file, line: frame.line, kind: kind, message: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return fault
    }
}
