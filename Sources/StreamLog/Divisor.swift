/// Division by a number fixed in advance, as a multiply and shifts: the same quotient and
/// remainder as `/` and `%` for every 64-bit dividend, without the processor's slow divide.
///
/// The branch-free form of Granlund and Montgomery's method as libdivide computes it
/// (`libdivide_u64_branchfree_gen`): a 64-bit magic number and a shift, with the 65th bit of
/// the magic folded in by one halving add.
///
///     let partitions = Divisor(12)
///     partitions.remainder(1_234_567)   // 1_234_567 % 12 == 7
public struct Divisor: Sendable, Equatable {
    /// The number divided by (at least 2).
    public let divisor: UInt64
    @usableFromInline let magic: UInt64
    @usableFromInline let shift: UInt64

    /// Prepares division by `divisor`, which must be at least 2.
    public init(_ divisor: UInt64) {
        precondition(divisor >= 2, "Divisor needs at least 2, got \(divisor)")
        self.divisor = divisor
        let floorLog2 = UInt64(63 - divisor.leadingZeroBitCount)
        if divisor & (divisor - 1) == 0 {
            magic = 0
            shift = floorLog2 - 1
        } else {
            // ⌊2^(64 + floorLog2) / divisor⌋ and its remainder, doubled with the carry kept.
            let (proposed, rest) = divisor.dividingFullWidth((high: 1 << floorLog2, low: 0))
            var doubled = proposed &+ proposed
            let twiceRest = rest &+ rest
            if twiceRest >= divisor || twiceRest < rest { doubled &+= 1 }
            magic = doubled &+ 1
            shift = floorLog2
        }
    }

    /// `dividend / divisor`.
    @inlinable @inline(__always)
    public func quotient(_ dividend: UInt64) -> UInt64 {
        let high = magic.multipliedFullWidth(by: dividend).high
        return (((dividend &- high) &>> 1) &+ high) &>> shift
    }

    /// `dividend % divisor`.
    @inlinable @inline(__always)
    public func remainder(_ dividend: UInt64) -> UInt64 {
        dividend &- quotient(dividend) &* divisor
    }
}
