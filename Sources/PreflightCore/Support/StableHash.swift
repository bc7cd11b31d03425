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
