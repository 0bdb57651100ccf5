import Testing
@testable import StreamLog
@testable import Simulation

/// Burrow's evaluation rules (reference §4.1), one per status, and the group roll-up.
struct BurrowTests {
    func status(_ window: [(Int64, Int64, Int64)], lag: Int64, now: Int64) -> BurrowStatus {
        Burrow.partitionStatus(
            window: window.map { CommitSample(offset: $0.0, timestampMs: $0.1, lag: $0.2) }, currentLag: lag, nowMs: now, allowedLag: 0)
    }

    @Test func noCommitsIsNotFound() {
        #expect(status([], lag: 10, now: 0) == .notFound)
    }

    @Test func caughtUpIsOkWhateverTheWindow() {
        #expect(status([(100, 0, 5), (100, 1_000, 9)], lag: 0, now: 50_000) == .ok)
    }

    @Test func stopWhenTheLastCommitIsOlderThanTheWindowSpan() {
        let window: [(Int64, Int64, Int64)] = [(10, 0, 5), (20, 1_000, 5)]
        #expect(status(window, lag: 5, now: 2_001) == .stop)
        #expect(status(window, lag: 5, now: 2_000) != .stop)
    }

    @Test func rewindWhenAnOffsetDroppedAndNeverRecovered() {
        #expect(status([(100, 0, 10), (110, 1_000, 10), (50, 2_000, 70), (60, 3_000, 70)], lag: 70, now: 3_500) == .rewind)
        #expect(status([(100, 0, 10), (50, 1_000, 70), (120, 2_000, 10)], lag: 10, now: 2_500) != .rewind)
    }

    @Test func stallWhenCommittingTheSameOffsetWhileLagging() {
        #expect(status([(100, 0, 10), (100, 1_000, 20), (100, 2_000, 30)], lag: 30, now: 2_500) == .stall)
    }

    @Test func warnWhenMovingButLagNeverDecreases() {
        #expect(status([(100, 0, 10), (110, 1_000, 15), (120, 2_000, 20)], lag: 20, now: 2_500) == .warn)
    }

    @Test func okWhenLagDecreasedOrWasZeroInTheWindow() {
        #expect(status([(100, 0, 10), (110, 1_000, 5), (120, 2_000, 8)], lag: 8, now: 2_500) == .ok)
        #expect(status([(100, 0, 0), (100, 1_000, 5), (100, 2_000, 8)], lag: 8, now: 2_500) == .ok)
    }

    @Test func groupStatusIsTheWorstWithStopStallRewindAsErr() {
        #expect(Burrow.groupStatus([.ok, .warn, .ok]) == .warn)
        #expect(Burrow.groupStatus([.ok, .stop]) == .err)
        #expect(Burrow.groupStatus([.stall, .warn]) == .err)
        #expect(Burrow.groupStatus([.rewind]) == .err)
        #expect(Burrow.groupStatus([.notFound, .ok]) == .ok)
        #expect(Burrow.groupStatus([.notFound]) == .notFound)
        #expect(BurrowStatus.err.description == "ERR")
    }

    @Test(arguments: Backend.all) func aStoppedConsumerTurnsTheGroupToErr(_ backend: Backend) throws {
        let h = try Harness(backend, partitions: 1)
        let a = try h.join("a", sessionTimeoutMs: 60_000)
        h.advance(to: 1_000)
        for time in [Int64(1_000), 5_000, 10_000] {
            h.advance(to: time)
            try h.produce(30)
            _ = try h.log.poll("g", memberId: a, maxRecords: 10, nowMs: time)
        }
        let moving = try h.log.lag(group: "g", nowMs: 10_000)
        #expect(moving.status == .warn)
        #expect(
            moving.partitions[0].commitWindow == [
                CommitSample(offset: 10, timestampMs: 5_000, lag: 50), CommitSample(offset: 20, timestampMs: 10_000, lag: 70),
            ])
        try h.log.crashMember("g", memberId: a)
        h.advance(to: 16_000)
        let lag = try h.log.lag(group: "g", nowMs: 16_000)
        #expect(lag.partitions[0].status == .stop)
        #expect(lag.status == .err)
    }
}
