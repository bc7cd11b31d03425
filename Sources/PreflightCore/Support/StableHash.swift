import Foundation

/// FNV-1a, 64 bits: a small, fast, dependency-free hash whose value never changes between runs
/// or platforms (unlike Swift's `Hasher`, which is seeded per process). Used for question ids and
/// cache keys, where stability matters and an adversary does not.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        let value = String(fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }
}

/// A fast 64-bit digest of bytes, eight at a time, for noticing that a file or a stored record
/// changed. Not FNV (a byte at a time is slow for whole courses) and not for adversaries: an
/// author gains nothing by colliding with their own course index.
public enum ContentHash {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return finish(mix(hash ^ tail))
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    public static func of(_ data: Data) -> UInt64 { data.withUnsafeBytes { of($0) } }

    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xFF51_AFD7_ED55_8CCD)
        return product.high ^ product.low
    }

    /// MurmurHash3's finaliser: every input bit reaches every output bit.
    private static func finish(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
