import Testing
@testable import StreamLog

/// `Divisor` gives exactly `/` and `%`: small, odd, even, power-of-two, near-power-of-two and
/// huge divisors, against dividends at the edges (0, around multiples, the top of the range)
/// and seeded random ones.
struct DivisorTests {
    static let divisors: [UInt64] = [
        2, 3, 5, 6, 7, 10, 12, 100, 496, 641, 4_999, 5_000, 65_536, 65_537, 1 << 31, (1 << 32) - 1, 1 << 32,
        (1 << 32) + 1, 1_000_000_007, (1 << 63) - 1, 1 << 63, (1 << 63) + 1, UInt64.max - 1, UInt64.max,
    ]

    @Test(arguments: divisors) func quotientAndRemainderAreExact(_ divisor: UInt64) {
        let prepared = Divisor(divisor)
        var dividends: [UInt64] = [0, 1, divisor - 1, divisor, UInt64.max, UInt64.max - 1, UInt64.max / 2, UInt64.max / 2 + 1]
        let multiple = (UInt64.max / divisor) * divisor
        dividends += [multiple, multiple - 1]
        if divisor < UInt64.max / 2 { dividends += [2 * divisor - 1, 2 * divisor, 2 * divisor + 1] }
        var random = SeededRandom(seed: divisor)
        for _ in 0..<10_000 { dividends.append(random.next()) }
        for _ in 0..<1_000 { dividends.append(random.next() >> (random.next() % 64)) }
        for dividend in dividends {
            #expect(prepared.quotient(dividend) == dividend / divisor, "\(dividend) / \(divisor)")
            #expect(prepared.remainder(dividend) == dividend % divisor, "\(dividend) % \(divisor)")
        }
    }
}
