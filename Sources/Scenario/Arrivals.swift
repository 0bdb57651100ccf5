import Foundation
import StreamLog

/// How a rate becomes whole arrivals per tick.
public enum ArrivalMode: String, Sendable, Equatable, CaseIterable {
    /// Add rate × tick to a running total each tick and emit its integer part (exact, even spacing).
    case accumulator
    /// Draw a Poisson-distributed count with mean rate × tick from the seeded generator.
    case poisson
}

/// Turns a rate per second into integer arrivals per tick, deterministically.
///
///     var arrivals = ArrivalProcess(mode: .accumulator)
///     var rng = SeededRandom(seed: 1)
///     // 5/s with 10 ms ticks: one arrival every 20th tick, 5 per 100 ticks exactly.
///     let n = arrivals.arrivals(rate: 5, tickMs: 10, random: &rng)
public struct ArrivalProcess: Sendable, Equatable {
    /// The arrival mode.
    public let mode: ArrivalMode
    /// The fractional arrivals carried to the next tick (accumulator mode).
    public private(set) var carry: Double = 0

    public init(mode: ArrivalMode) {
        self.mode = mode
    }

    /// The number of arrivals in one tick of `tickMs` at `rate` per second.
    ///
    /// The accumulator mode never touches `random`; Poisson mode draws from it.
    public mutating func arrivals(rate: Double, tickMs: Int64, random: inout SeededRandom) -> Int {
        let mean = max(0, rate) * Double(tickMs) / 1000
        guard mean.isFinite else { return 0 }
        switch mode {
        case .accumulator:
            carry += mean
            let whole = carry.rounded(.down)
            // Guard against 0.9999999 from summing binary fractions such as 0.05.
            let nudged = (carry - whole) > 1 - 1e-9 ? whole + 1 : whole
            carry = max(0, carry - nudged)
            return Int(min(nudged, Double(Int32.max)))
        case .poisson:
            return ArrivalProcess.poisson(mean: mean, random: &random)
        }
    }

    /// A Poisson-distributed count with the given mean: Knuth's product method for small means,
    /// a rounded normal approximation (Box–Muller) above 30.
    static func poisson(mean: Double, random: inout SeededRandom) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            let draw = mean + mean.squareRoot() * standardNormal(random: &random)
            return Int(min(Double(Int32.max), max(0, draw.rounded())))
        }
        let limit = exp(-mean)
        var product = random.unit()
        var count = 0
        while product > limit {
            count += 1
            product *= random.unit()
        }
        return count
    }

    /// A standard normal draw (Box–Muller, one of the pair).
    static func standardNormal(random: inout SeededRandom) -> Double {
        let u1 = max(random.unit(), Double.leastNonzeroMagnitude)
        let u2 = random.unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
