import Scenario
import StreamLog
import Testing

@Suite struct RateProfileTests {
    @Test func constant() {
        #expect(RateProfile.constant(5).rate(atMs: 0) == 5)
        #expect(RateProfile.constant(5).rate(atMs: 1_000_000) == 5)
    }

    @Test func rampIsLinearThenHolds() {
        let ramp = RateProfile.ramp(from: 5, to: 50, overMs: 30_000)
        #expect(ramp.rate(atMs: 0) == 5)
        #expect(ramp.rate(atMs: 15_000) == 27.5)
        #expect(ramp.rate(atMs: 30_000) == 50)
        #expect(ramp.rate(atMs: 90_000) == 50)
    }

    @Test func sineIsFlooredAtZero() {
        let sine = RateProfile.sine(base: 20, amplitude: 15, periodMs: 60_000)
        #expect(sine.rate(atMs: 0) == 20)
        #expect(abs(sine.rate(atMs: 15_000) - 35) < 1e-9)
        #expect(abs(sine.rate(atMs: 45_000) - 5) < 1e-9)
        let deep = RateProfile.sine(base: 5, amplitude: 10, periodMs: 1_000)
        #expect(deep.rate(atMs: 750) == 0)
        #expect(deep.peakRate == 15)
    }

    @Test func burstIsPeakAtTheStartOfEachCycle() {
        let burst = RateProfile.burst(base: 5, peak: 50, everyMs: 30_000, forMs: 5_000)
        #expect(burst.rate(atMs: 0) == 50)
        #expect(burst.rate(atMs: 4_999) == 50)
        #expect(burst.rate(atMs: 5_000) == 5)
        #expect(burst.rate(atMs: 30_000) == 50)
        #expect(burst.rate(atMs: 36_000) == 5)
    }

    /// Total arrivals over `ticks` ticks of `tickMs` for `profile`.
    func total(_ profile: RateProfile, mode: ArrivalMode, ticks: Int, tickMs: Int64 = 10, seed: UInt64 = 7) -> [Int] {
        var process = ArrivalProcess(mode: mode)
        var random = SeededRandom(seed: seed)
        return (0..<ticks).map { tick in
            process.arrivals(rate: profile.rate(atMs: Int64(tick) * tickMs), tickMs: tickMs, random: &random)
        }
    }

    @Test func accumulatorGivesExactCountsPerWindow() {
        let counts = total(.constant(5), mode: .accumulator, ticks: 1_000)  // 10 s of 10 ms ticks
        #expect(counts.reduce(0, +) == 50)
        #expect(counts[0..<100].reduce(0, +) == 5)  // exactly 5 in the first second
        #expect(counts.firstIndex(of: 1) == 19)  // 0.05 per tick: the 20th tick completes the first record
        #expect(counts.allSatisfy { $0 <= 1 })
        let fast = total(.constant(1_234), mode: .accumulator, ticks: 100)
        #expect(fast.reduce(0, +) == 1_234)
        #expect(Set(fast).isSubset(of: [12, 13]))
    }

    @Test func accumulatorFollowsARamp() {
        // 0 → 100/s over 10 s: the area under the ramp is 500 records.
        let counts = total(.ramp(from: 0, to: 100, overMs: 10_000), mode: .accumulator, ticks: 1_000)
        #expect(abs(counts.reduce(0, +) - 500) <= 1)
    }

    @Test func poissonMatchesTheMeanAndIsSeeded() {
        let counts = total(.constant(200), mode: .poisson, ticks: 10_000)  // mean 2 per tick
        let mean = Double(counts.reduce(0, +)) / 10_000
        #expect(abs(mean - 2) < 0.05)
        let variance = counts.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / 10_000
        #expect(abs(variance - 2) < 0.15)  // Poisson: variance = mean
        #expect(counts == total(.constant(200), mode: .poisson, ticks: 10_000))
        #expect(counts != total(.constant(200), mode: .poisson, ticks: 10_000, seed: 8))
        let large = total(.constant(10_000), mode: .poisson, ticks: 1_000)  // mean 100: normal approximation
        #expect(abs(Double(large.reduce(0, +)) / 1_000 - 100) < 1.5)
    }

    @Test func zeroAndNegativeRatesGiveNoArrivals() {
        #expect(total(.constant(0), mode: .accumulator, ticks: 100).allSatisfy { $0 == 0 })
        #expect(total(.constant(0), mode: .poisson, ticks: 100).allSatisfy { $0 == 0 })
    }
}
