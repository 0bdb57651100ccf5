import Scenario
import StreamLog
import Testing

@testable import Simulation

/// The engine on small scenarios: what a presenter sees happen, as numbers.
struct EngineTests {
    static let orders = """
        scenario: 1
        id: mini
        title: Mini
        seed: 7
        topics:
          orders: { partitions: 3 }
        producers:
          web:
            topic: orders
            key: customer
            rate: { constant: 100 }
            record:
              customer: { pick: { range: [1, 50] }, format: "c-{:02}" }
              amount: { uniform: [1, 100] }
        groups:
          fast: { topic: orders, members: 2, process: { per_record: 1ms }, commit: per_batch }
          slow: { topic: orders, members: 1, process: { per_record: 20ms }, commit: per_batch }
        script:
          - id: one
            marker: One
            say: Just run.
            advance: key
          - id: two
            marker: Two
            say: Kill one.
            do:
              - kill_member: { group: fast, count: 1 }
            advance: { after: 5s }
          - id: three
            marker: Three
            say: Done.
            advance: { when: "lag(fast) < 5", timeout: 60s }
        """

    static func engine(_ yaml: String = orders, seed: UInt64? = nil) throws -> Engine {
        let spec = try ScenarioLoader.parse(yaml: yaml, file: "mini.yaml")
        return try Engine(scenario: spec, seed: seed)
    }

    @Test func producersProduceTheirRateAndAFastGroupKeepsUp() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 10_000)
        let snapshot = engine.snapshot()
        #expect(snapshot.producers[0].produced == 1_000)
        #expect(snapshot.topics[0].totalRecords == 1_000)
        let fast = try #require(snapshot.groups.first { $0.name == "fast" })
        #expect(fast.lag.totalLag < 10)
        #expect(fast.membership.members.count == 2)
    }

    /// 1 member × 1000 / 20 ms = 50/s against 100/s in: the lag grows 50 per second.
    @Test func aGroupSlowerThanItsInputFallsBehindAtTheDifference() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 10_000)
        let lag10 = try #require(engine.metric(.lag, of: "slow"))
        engine.run(untilMs: 20_000)
        let lag20 = try #require(engine.metric(.lag, of: "slow"))
        #expect(abs((lag20 - lag10) - 500) < 30)
        let seconds = try #require(engine.metric(.lagSeconds, of: "slow"))
        #expect(seconds > 5)
    }

    @Test func stepsAdvanceByKeyAfterATimeAndOnACondition() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 2_000)
        #expect(engine.stepIndex == 0)
        engine.apply(.nextStep)
        #expect(engine.stepIndex == 1)
        #expect(engine.consumer(named: "fast")?.members.count == 1)
        engine.run(untilMs: 7_010)
        #expect(engine.stepIndex == 2)
        // The killed member keeps its partitions until session.timeout.ms (45 s) has passed:
        // their records pile up meanwhile.
        engine.run(untilMs: 40_000)
        #expect(engine.stepIndex == 2)
        #expect((engine.metric(.lag, of: "fast") ?? 0) > 500)
        engine.run(untilMs: 70_000)
        #expect(engine.scriptEnded)
        #expect(engine.timedOutSteps.isEmpty)
    }

    @Test func theSameSeedAndActionsGiveTheSameWorld() throws {
        func run(_ seed: UInt64) throws -> [String] {
            let engine = try Self.engine(seed: seed)
            var lines: [String] = []
            engine.onAppend = { lines.append("\($0.topic)/\($0.partition)@\($0.offset) \($0.key.map { String(decoding: $0, as: UTF8.self) } ?? "-") \(String(decoding: $0.value, as: UTF8.self))") }
            engine.run(untilMs: 3_000)
            engine.apply(.killMember(group: "fast"))
            engine.run(untilMs: 6_000)
            lines.append(engine.describe(group: "fast").table(extraColumns: true))
            return lines
        }
        let first = try run(11)
        #expect(first == (try run(11)))
        #expect(first != (try run(12)))
    }
}

/// Going back a step re-simulates exactly.
struct EngineRewindTests {
    @Test func rewindingToAStepGivesTheWorldAsItWasWhenThatStepBegan() throws {
        let engine = try EngineTests.engine()
        engine.run(untilMs: 3_000)
        engine.apply(.addMember(group: "slow"))
        engine.run(untilMs: 4_000)
        engine.apply(.nextStep)  // step 2 begins at 4 s and kills a member of fast
        let atStepTwo = engine.snapshot()
        engine.run(untilMs: 9_500)  // step 3 began at 9 s, after 5 s
        #expect(engine.stepIndex == 2)
        let back = try engine.rewound(toStep: 1)
        #expect(back.stepIndex == 1)
        #expect(back.tick == engine.stepStartTicks[1])
        #expect(back.snapshot() == atStepTwo)
        let start = try engine.rewound(toStep: 0)
        #expect(start.tick == 0)
        #expect(start.snapshot() == (try EngineTests.engine()).snapshot())
    }
}
