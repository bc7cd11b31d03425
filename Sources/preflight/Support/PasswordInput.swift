import Foundation
import PreflightApp

#if canImport(Glibc)
import Glibc
#endif

/// A password, never from a flag (others can read flags in the process list): asked on the
/// terminal with echo off, or read as the first line of standard input when that is not a
/// terminal (`pass show lrs | preflight lrs connect …`).
enum PasswordInput {
    static func read(prompt: String) throws -> String {
        let line: String?
        if isatty(0) == 1 {
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            let canHide = tcgetattr(0, &saved) == 0
            if canHide {
                var quiet = saved
                quiet.c_lflag &= ~tcflag_t(ECHO)
                tcsetattr(0, TCSAFLUSH, &quiet)
            }
            line = Swift.readLine(strippingNewline: true)
            if canHide { tcsetattr(0, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        } else {
            line = Swift.readLine(strippingNewline: true)
        }
        guard let password = line?.trimmingCharacters(in: CharacterSet(charactersIn: "\r")), !password.isEmpty else {
            throw AppError(.usage, "no password given: type it at the prompt, or pipe it on standard input (it is never taken from a flag)")
        }
        return password
    }
}
