/// A stable 64-bit FNV-1a hash of bytes, written as `fnv1a64:` and 16 lowercase hex digits.
///
/// Used to tell whether a scenario file still has the content a journal was recorded with; it
/// is stable across runs, platforms and Swift versions (unlike `Hasher`), not cryptographic.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The hash value.
    public let value: UInt64

    /// Hashes `bytes`.
    public init(of bytes: some Sequence<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// Reads the `fnv1a64:` form; `nil` for anything else.
    public init?(_ text: String) {
        let prefix = "fnv1a64:"
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count)
        guard digits.count == 16, digits.allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
              let value = UInt64(digits, radix: 16)
        else { return nil }
        self.value = value
    }

    public var description: String {
        let digits = String(value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
