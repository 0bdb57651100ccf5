import Testing

@testable import Simulation

/// Latency percentiles over a sliding window of simulated seconds.
struct LatencyWindowTests {
    @Test func aSpikeCountsWhileInTheWindowAndIsForgottenWhenItLeaves() {
        var window = LatencyWindow(seconds: 3)
        for _ in 0..<99 { window.record(ms: 0.2) }
        window.record(ms: 400)
        #expect(window.percentile(50) == 0.2)
        #expect(window.percentile(99) == 0.2)
        #expect(window.percentile(100) == 400)
        window.rotate()
        window.record(ms: 0.25, count: 100)
        #expect(window.count == 200)
        #expect(window.percentile(50) == 0.25)  // the 100th of 200 samples
        #expect(window.percentile(99) == 0.25)
        #expect(window.percentile(100) == 400)
        window.rotate()
        window.rotate()  // the spike's second leaves: only the 0.25 ms second is left
        #expect(window.count == 100)
        #expect(window.percentile(50) == 0.25)
        #expect(window.percentile(100) == 0.25)
        window.rotate()
        window.rotate()
        #expect(window.count == 0)
        #expect(window.percentile(99) == nil)
        #expect(window.allTimePercentile(100) == 400)
    }

    @Test func emptySecondsLeavingALongWindowKeepItsSamples() {
        var window = LatencyWindow(seconds: 3_600)
        window.record(ms: 7_000)
        for _ in 0..<3_599 { window.rotate() }
        #expect(window.percentile(50) == 7_000)
        window.rotate()
        #expect(window.percentile(50) == nil)
    }

    @Test func theNextTickIsDueWhenTheOwedTimeReachesATick() {
        var pacer = Pacer(tickMs: 10, speed: 2)
        #expect(pacer.secondsUntilNextTick == 0.005)
        #expect(pacer.ticks(forElapsed: 0.004) == 0)  // 8 ms owed
        #expect(abs((pacer.secondsUntilNextTick ?? 0) - 0.001) < 1e-12)
        pacer.paused = true
        #expect(pacer.secondsUntilNextTick == nil)
    }
}
