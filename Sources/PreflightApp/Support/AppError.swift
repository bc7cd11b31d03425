import PreflightCore

/// A use case that cannot go on, with what the user should read and how the program should end.
/// The application layer throws only this; the executable turns it into output and an exit code
/// in one place (`Preflight.main`).
public struct AppError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The command line asks for something that cannot be (exit 64, EX_USAGE).
        case usage
        /// The course, a file or the progress database cannot be used (exit 65, EX_DATAERR).
        case data
        /// The work was done and the answer is no: an example or a check failed (exit 1).
        case failed
        /// An output file or folder cannot be created or written (exit 73, EX_CANTCREAT).
        case cannotCreate
    }

    public var kind: Kind
    /// One or more plain sentences. Course text in them is escaped when printed.
    public var message: String
    /// Printed compiler-style before the message, when the problem is in course files.
    public var diagnostics: [Diagnostic]

    public init(_ kind: Kind, _ message: String, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.message = message
        self.diagnostics = diagnostics
    }

    public var exitCode: Int32 {
        switch kind {
        case .usage: return 64
        case .data: return 65
        case .failed: return 1
        case .cannotCreate: return 73
        }
    }

    public var description: String { message }
}
