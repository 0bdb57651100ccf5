import Foundation
import Histogram
import StreamLog
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
}

/// The window's own bucket scan answers what the hdrhistogram it mirrors would.
struct LatencyBucketsTests {
    @Test func percentilesMatchTheHistogramOverTheSameSamples() {
        var random = SeededRandom(seed: 7)
        var window = LatencyWindow(seconds: 2)
        var histogram = LatencyWindow.histogram()
        for round in 0..<400 {
            // From sub-microsecond to minutes, spread over magnitudes, some zero and some clamped.
            let exponent = Double(random.next() % 1_000) / 100 - 4
            let ms = round % 50 == 0 ? 0 : (round % 97 == 0 ? 9e9 : pow(10, exponent))
            let count = UInt64(random.next() % 3 + 1)
            window.record(ms: ms, count: count)
            let micros = UInt64(min(Double(LatencyWindow.highest), max(0, ms * 1000)).rounded())
            histogram.record(micros, count: count)
        }
        for percentile in [0, 1, 25, 50, 75, 90, 99, 99.9, 100] {
            #expect(window.percentile(percentile) == Double(histogram.valueAtPercentile(percentile)) / 1000, "p\(percentile)")
        }
        #expect(window.count == histogram.totalCount)
    }
}
