import Scenario
import StreamLog
import Testing

@testable import Simulation

/// One lag truth: the trend from how lag moves, p99 with processing, stopped and crashed groups.
struct LagTrendTests {
    /// Records `lags`, one sample every 250 ms from t = 0.
    static func trend(_ lags: [Int64], windowMs: Int64 = 3_000) -> LagTrend {
        var trend = LagTrend(windowMs: windowMs)
        for (index, lag) in lags.enumerated() { trend.record(lag: lag, atMs: Int64(index) * 250) }
        return trend
    }

    @Test func theSlopeIsTheChangeOverTheWindowPerSecond() {
        // 84 → 63 → 42 a second apart (samples every 250 ms falling 5.25 each): −21 per second.
        let falling = Self.trend(stride(from: 84.0, through: 42.0, by: -5.25).map { Int64($0.rounded()) })
        #expect(falling.slope == -21)
        #expect(Self.trend([0, 10, 20, 30, 40]).slope == 40)
        #expect(Self.trend([7, 7, 7, 7, 7, 7]).slope == 0)
    }

    @Test func noSlopeBeforeASecondOfSamples() {
        #expect(Self.trend([10, 20, 30]).slope == nil)
        #expect(Self.trend([10, 20, 30, 40, 50]).slope == 40)
    }

    @Test func onlyTheWindowCounts() {
        // Lag grew for 5 s, then fell 10 a sample for the 3 s window: only the fall counts.
        let lags: [Int64] = (0...20).map { $0 * 10 } + (1...12).map { 200 - $0 * 10 }
        #expect(Self.trend(lags).slope == -40)
    }

    @Test func aTurnInTheLastSecondCountsAtOnce() {
        // Paused: lag rose 50 a sample for 2 s; resumed: it fell 40 a sample for the last second.
        let lags: [Int64] = (0...8).map { $0 * 50 } + (1...4).map { 400 - $0 * 40 }
        #expect(Self.trend(lags).slope == -160)
    }

    @Test func aRestartForgetsTheJump() {
        var trend = Self.trend([1, 1, 1, 1, 1, 3_000])
        trend.restart()
        for (index, lag) in [Int64(3_000), 2_000, 1_000, 0, 0].enumerated() { trend.record(lag: lag, atMs: 1_500 + Int64(index) * 250) }
        #expect(trend.slope == -3_000)
    }
}

struct LagDirectionTests {
    @Test func risingLagIsFallingBehind() {
        #expect(LagDirection.judge(lag: 500, slope: 50, inRate: 100, consuming: true) == .fallingBehind)
    }

    @Test func growingLagIsFallingBehindEvenWhileSmall() {
        // A crashed member's partitions pile up 30 a second: 82 is less than a second of input, but it grows.
        #expect(LagDirection.judge(lag: 82, slope: 30, inRate: 120, consuming: true) == .fallingBehind)
    }

    @Test func fallingLagIsCatchingUpAtItsSlope() {
        // 84 left, falling 21 a second: 4 s, whatever the consume and produce rates say.
        #expect(LagDirection.judge(lag: 84, slope: -21, inRate: 10, consuming: true) == .catchingUp(seconds: 4))
    }

    @Test func flatAndSmallIsKeepingUpFlatAndLargeIsNotCatchingUp() {
        #expect(LagDirection.judge(lag: 11, slope: 0.5, inRate: 10, consuming: true) == .keepingUp)
        #expect(LagDirection.judge(lag: 0, slope: -3, inRate: 10, consuming: true) == .keepingUp)
        #expect(LagDirection.judge(lag: 12, slope: 0.5, inRate: 10, consuming: true) == .notCatchingUp)
    }

    @Test func aStoppedGroupIsNeverKeepingUp() {
        #expect(LagDirection.judge(lag: 20, slope: 10, inRate: 10, consuming: false) == .fallingBehind)
        #expect(LagDirection.judge(lag: 0, slope: 0, inRate: 0, consuming: false) == .notConsuming)
        #expect(LagDirection.judge(lag: 0, slope: nil, inRate: 0, consuming: false) == nil)
    }

    @Test func unknownSlopeSaysNothingUnlessThereIsNoLag() {
        #expect(LagDirection.judge(lag: 12, slope: nil, inRate: 10, consuming: true) == nil)
        #expect(LagDirection.judge(lag: 0, slope: nil, inRate: 10, consuming: true) == .keepingUp)
    }
}

struct LagTruthEngineTests {
    static let yaml = """
        scenario: 1
        id: truth
        title: Truth
        seed: 3
        topics:
          orders: { partitions: 2 }
          audited: { partitions: 1 }
        producers:
          web:
            topic: orders
            rate: { constant: 10 }
            record:
              amount: { uniform: [1, 100] }
        groups:
          payments: { topic: orders, members: 2, process: { per_record: 40ms }, commit: per_batch, session_timeout: 20s }
        processors:
          audit:
            kind: filter
            from: orders
            where: "amount > 0"
            to: audited
            start: earliest
            enabled: false
            commit: per_batch
        script:
          - id: one
            marker: One
            say: Run.
            advance: key
        """

    static func engine() throws -> Engine {
        try Engine(scenario: try ScenarioLoader.parse(yaml: yaml, file: "truth.yaml"), seed: nil)
    }

    static func group(_ engine: Engine, _ name: String) throws -> GroupStatus {
        try #require(engine.snapshot().groups.first { $0.name == name })
    }

    @Test func p99IncludesProcessingTime() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 10_000)
        let p99 = try #require(try Self.group(engine, "payments").latencyP99Ms)
        #expect(p99 >= 40)
        #expect(p99 < 60)
    }

    @Test func p99IncludesTheTimeSpentWaitingInTheLag() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 2_000)
        engine.perform(.pause(group: "payments"), origin: "test")
        engine.run(untilMs: 14_500)
        #expect(try #require(engine.metric(.lagSeconds, of: "payments")) >= 12)
        engine.perform(.resume(group: "payments"), origin: "test")
        engine.run(untilMs: 15_500)
        let p99 = try #require(try Self.group(engine, "payments").latencyP99Ms)
        #expect(p99 >= 12_000)
    }

    @Test func aNewProcessorFromEarliestHasTheWholeLogAsLagBeforeItsFirstCommit() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 10_000)
        engine.perform(.start("audit"), origin: "test")
        engine.step()
        let audit = try Self.group(engine, "audit")
        #expect(audit.lag.partitions.map(\.committedOffset) == [nil, nil])
        #expect(audit.lag.totalLag == 100)
        #expect(engine.metric(.lag, of: "audit") == 100)
    }

    @Test func aStoppedProcessorReadsStoppedAndIsNotKeepingUp() throws {
        let engine = try Self.engine()
        engine.perform(.start("audit"), origin: "test")
        engine.run(untilMs: 10_000)
        #expect(try Self.group(engine, "audit").lagDirection == .keepingUp)
        engine.perform(.stop("audit"), origin: "test")
        engine.run(untilMs: 20_000)
        let audit = try Self.group(engine, "audit")
        #expect(audit.stopped)
        // 100 records arrived while stopped, plus the last one read before the stop: per_batch
        // commits a batch on the next poll, which never came.
        #expect(audit.lag.totalLag == 101)
        #expect(audit.lagDirection == .fallingBehind)
        #expect(audit.lag.status == .err)
        #expect(RunSummary.status(audit) == "STOPPED")
    }

    @Test func aCrashedMemberKeepsItsPartitionsUntilTheSessionTimeout() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 5_000)
        engine.perform(.killMember(group: "payments", count: 2), origin: "test")
        engine.run(untilMs: 12_000)
        var payments = try Self.group(engine, "payments")
        #expect(payments.liveMembers == 0)
        #expect(payments.membership.members.count == 2)
        #expect(payments.membership.members.map(\.isCrashed) == [true, true])
        #expect(payments.membership.members.map(\.assignment.count) == [1, 1])
        // Last heartbeat at the 4 990 ms tick, plus the 20 s session timeout.
        #expect(payments.membership.members.compactMap(\.sessionExpiresAtMs) == [24_990, 24_990])
        #expect(payments.lagDirection == .fallingBehind)
        engine.run(untilMs: 26_000)
        payments = try Self.group(engine, "payments")
        #expect(payments.membership.members.isEmpty)
    }
}
