#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes every byte to `fd`, retrying short writes and EINTR. False on any other error, with
/// `errno` left as the failing write set it.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let count = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 { if errno == EINTR { continue } else { return false } }
        offset += count
    }
    return true
}
