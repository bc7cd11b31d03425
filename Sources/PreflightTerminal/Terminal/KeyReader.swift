import CTerminalSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    case controlC, controlD
}

public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize
    /// The extra descriptor given to `next(watching:timeoutMilliseconds:)` is readable.
    case ready
    /// Nothing happened within the timeout.
    case timeout
    /// Standard input ended (the terminal went away).
    case endOfInput
}

/// Reads keys from standard input in raw mode and decodes the escape sequences terminals send
/// for arrows and paging keys. Also wakes on SIGWINCH.
public final class KeyReader {
    private var buffer: [UInt8] = []

    public init() {}

    /// The next key or resize; with `watching`, also wakes when that descriptor is readable,
    /// and with a timeout, returns `.timeout` when nothing happened.
    public func next(watching extra: Int32? = nil, timeoutMilliseconds: Int32 = -1) -> TerminalEvent {
        while true {
            if let event = decode() { return event }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            let resizeIndex = fds.count
            let resizeFD = pf_term_resize_fd()
            if resizeFD >= 0 { fds.append(pollfd(fd: resizeFD, events: Int16(POLLIN), revents: 0)) }
            let extraIndex = fds.count
            if let extra { fds.append(pollfd(fd: extra, events: Int16(POLLIN), revents: 0)) }
            let wait: Int32 = buffer.isEmpty ? timeoutMilliseconds : 30
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 { if errno == EINTR { continue } else { return .endOfInput } }
            if ready == 0 {
                // A lone ESC with nothing after it within 30 ms is the Escape key.
                if !buffer.isEmpty { buffer.removeFirst(); return .key(.escape) }
                return .timeout
            }
            if extra != nil, fds[extraIndex].revents != 0 { return .ready }
            if resizeIndex < extraIndex, fds[resizeIndex].revents != 0 {
                pf_term_drain_resize()
                return .resize
            }
            var chunk = [UInt8](repeating: 0, count: 256)
            let count = read(0, &chunk, chunk.count)
            if count == 0 { return .endOfInput }
            if count < 0 { if errno == EINTR || errno == EAGAIN { continue } else { return .endOfInput } }
            buffer += chunk[..<count]
        }
    }

    /// Decodes one event from the front of the buffer, or nil when more bytes are needed.
    func decode() -> TerminalEvent? {
        guard let first = buffer.first else { return nil }
        if first == 0x1B {
            guard buffer.count >= 2 else { return nil }
            if buffer[1] == UInt8(ascii: "[") || buffer[1] == UInt8(ascii: "O") {
                guard let end = buffer.dropFirst(2).firstIndex(where: { (0x40...0x7E).contains($0) }) else { return nil }
                let sequence = Array(buffer[0...end])
                buffer.removeFirst(end + 1)
                return .key(Self.named(sequence) ?? .escape)
            }
            buffer.removeFirst()
            return .key(.escape)
        }
        switch first {
        case 0x03: buffer.removeFirst(); return .key(.controlC)
        case 0x04: buffer.removeFirst(); return .key(.controlD)
        case 0x0D, 0x0A: buffer.removeFirst(); return .key(.enter)
        case 0x7F, 0x08: buffer.removeFirst(); return .key(.backspace)
        case 0x09: buffer.removeFirst(); return .key(.tab)
        default: break
        }
        // One UTF-8 character.
        let length = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
        guard buffer.count >= length else { return nil }
        let bytes = Array(buffer[..<length])
        buffer.removeFirst(length)
        guard let text = String(validating: bytes, as: UTF8.self), let character = text.first else { return decode() }
        return .key(.character(character))
    }

    static func named(_ sequence: [UInt8]) -> Key? {
        switch String(decoding: sequence.dropFirst(), as: UTF8.self) {
        case "[A", "OA": return .up
        case "[B", "OB": return .down
        case "[C", "OC": return .right
        case "[D", "OD": return .left
        case "[5~": return .pageUp
        case "[6~": return .pageDown
        case "[H", "OH", "[1~": return .home
        case "[F", "OF", "[4~": return .end
        default: return nil
        }
    }

    /// For tests: feed bytes as if typed.
    func feed(_ bytes: [UInt8]) { buffer += bytes }
}
