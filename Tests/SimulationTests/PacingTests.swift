import Testing

@testable import Simulation

/// Rates and pacing on the virtual clock.
struct PacingTests {
    @Test func theRateIsTheExactCountOverTheLastSecond() {
        var meter = RateMeter(tickMs: 10)
        for tick in 0..<150 {
            meter.add(tick < 100 ? 2 : 0)
            meter.endTick()
        }
        #expect(meter.perSecond == 100)  // ticks 50…99 counted 2 each, ticks 100…149 nothing
        #expect(meter.history == [200])
        #expect(meter.total == 200)
    }

    @Test func realTimeAtSpeedTwoRunsTwiceTheTicks() {
        var pacer = Pacer(tickMs: 10, speed: 2)
        #expect(pacer.ticks(forElapsed: 0.1) == 20)
        #expect(pacer.ticks(forElapsed: 0.004) == 0)
        #expect(pacer.ticks(forElapsed: 0.001) == 1)  // 10 ms owed in total
        pacer.paused = true
        #expect(pacer.ticks(forElapsed: 5) == 0)
    }

    @Test func speedStepsAreClampedToTheSupportedRange() {
        var pacer = Pacer(tickMs: 10, speed: 1)
        pacer.step(up: true)
        #expect(pacer.speed == 2)
        for _ in 0..<10 { pacer.step(up: true) }
        #expect(pacer.speed == 20)
        for _ in 0..<20 { pacer.step(up: false) }
        #expect(pacer.speed == 0.1)
    }

    @Test func theAchievedSpeedIsMeasuredOverThreeSeconds() {
        var pacer = Pacer(tickMs: 10, speed: 2, maxTicksPerCall: 50)
        for _ in 0..<5 { #expect(pacer.ticks(forElapsed: 0.5) == 50) }  // 100 ticks due each time
        #expect(pacer.achievedSpeed == nil)  // 2.5 s measured: not yet
        _ = pacer.ticks(forElapsed: 0.5)
        #expect(pacer.achievedSpeed == 1)  // 3 000 simulated ms in 3 s of wall time
        pacer.setSpeed(1)
        #expect(pacer.achievedSpeed == nil)  // a new speed is measured afresh
        for _ in 0..<6 { _ = pacer.ticks(forElapsed: 0.5) }
        #expect(pacer.achievedSpeed == 1)  // 50 ticks due and run: it keeps up
        pacer.paused = true
        _ = pacer.ticks(forElapsed: 0.5)
        #expect(pacer.achievedSpeed == nil)
    }

    @Test func theMeasurementForgetsCallsOlderThanTheWindow() {
        var pacer = Pacer(tickMs: 10, speed: 2, maxTicksPerCall: 50)
        for _ in 0..<6 { _ = pacer.ticks(forElapsed: 0.5) }
        #expect(pacer.achievedSpeed == 1)
        for _ in 0..<12 { _ = pacer.ticks(forElapsed: 0.25) }  // 50 ticks due and run each time
        #expect(pacer.achievedSpeed == 2)
    }

    @Test func aStalledFrameNeverRunsMoreThanTheCap() {
        var pacer = Pacer(tickMs: 10, speed: 1, maxTicksPerCall: 50)
        #expect(pacer.ticks(forElapsed: 10) == 50)
        #expect(pacer.ticks(forElapsed: 0.01) == 1)  // the backlog was dropped, not carried
    }
}
