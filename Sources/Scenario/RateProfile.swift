import Foundation

/// How many records (or requests) per second a producer (or chain) emits over time.
///
/// Time `t` is measured in sim milliseconds from the moment the profile took effect (scenario
/// start, or the tick a `set_rate` action ran).
///
///     let spike = RateProfile.burst(base: 5, peak: 50, everyMs: 30_000, forMs: 5_000)
///     spike.rate(atMs: 2_000)   // 50
///     spike.rate(atMs: 10_000)  // 5
public enum RateProfile: Sendable, Equatable {
    /// A fixed rate per second.
    case constant(Double)
    /// Linear from `from` to `to` over `overMs`, then holds `to`.
    case ramp(from: Double, to: Double, overMs: Int64)
    /// `base + amplitude·sin(2πt/period)`, floored at 0.
    case sine(base: Double, amplitude: Double, periodMs: Int64)
    /// `peak` while `t mod every < for`, else `base`.
    case burst(base: Double, peak: Double, everyMs: Int64, forMs: Int64)

    /// The rate per second at `t` ms after the profile took effect; never negative.
    public func rate(atMs t: Int64) -> Double {
        let value: Double
        switch self {
        case .constant(let rate):
            value = rate
        case .ramp(let from, let to, let over):
            if t >= over || over <= 0 {
                value = to
            } else if t <= 0 {
                value = from
            } else {
                value = from + (to - from) * Double(t) / Double(over)
            }
        case .sine(let base, let amplitude, let period):
            guard period > 0 else { return max(0, base) }
            let phase = Double(t % period) / Double(period)
            value = base + amplitude * sin(2 * Double.pi * phase)
        case .burst(let base, let peak, let every, let duration):
            guard every > 0 else { return max(0, base) }
            let inCycle = ((t % every) + every) % every
            value = inCycle < duration ? peak : base
        }
        return max(0, value)
    }

    /// The highest rate the profile ever reaches (for sizing panels and checks).
    public var peakRate: Double {
        switch self {
        case .constant(let rate): max(0, rate)
        case .ramp(let from, let to, _): max(0, from, to)
        case .sine(let base, let amplitude, _): max(0, base + abs(amplitude))
        case .burst(let base, let peak, _, _): max(0, base, peak)
        }
    }
}
