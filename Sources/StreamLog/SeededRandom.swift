/// The one source of randomness in streamstage: a seeded, splittable generator (SplitMix64).
///
/// Same seed, same sequence, on every machine. Components that need their own stream derive one
/// with `fork(_:)`, so adding a producer does not change what another producer generates.
///
///     var rng = SeededRandom(seed: 42)
///     let roll = Int.random(in: 1...6, using: &rng)
public struct SeededRandom: RandomNumberGenerator, Hashable, Sendable {
    private var state: UInt64

    /// Creates a generator whose whole sequence is decided by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent generator for the component called `name`, derived from this one's seed
    /// without advancing it.
    public func fork(_ name: String) -> SeededRandom {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the name's UTF-8 bytes
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SeededRandom(seed: state ^ hash)
        return SeededRandom(seed: mixer.next())
    }

    /// A uniformly distributed Double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A random version-4 UUID string (lowercase, hyphenated), drawn from this generator.
    public mutating func uuid() -> String {
        var high = next()
        var low = next()
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 10
        let hex = hexDigits(high, 16) + hexDigits(low, 16)
        let chars = Array(hex)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
            + String(chars[16..<20]) + "-" + String(chars[20..<32])
    }

    private func hexDigits(_ value: UInt64, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: width - digits.count) + digits
    }
}
