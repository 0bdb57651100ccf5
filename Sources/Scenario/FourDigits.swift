/// The numbers 0…9999 as four zero-padded ASCII digits each, one little-endian `UInt32` a
/// number: a number below 10 000 is written with one load and one store (`"0042"` is the word
/// for 42; shifted right by 16 bits it is `"42"`).
enum FourDigits {
    /// The 10 000 words, built on first use and kept for the life of the process (never written
    /// after, so sharing it across threads is safe).
    nonisolated(unsafe) static let table: UnsafePointer<UInt32> = {
        let words = UnsafeMutablePointer<UInt32>.allocate(capacity: 10_000)
        let zero = UInt32(UInt8(ascii: "0"))
        for n in 0..<10_000 {
            let digits = (UInt32(n / 1_000), UInt32(n / 100 % 10), UInt32(n / 10 % 10), UInt32(n % 10))
            words[n] = (zero + digits.0) | (zero + digits.1) << 8 | (zero + digits.2) << 16 | (zero + digits.3) << 24
        }
        return UnsafePointer(words)
    }()
}
