import Scenario
@testable import Simulation
import StreamLog
import Testing

@testable import Dashboard

/// The words the dashboard shows about a group's lag: trend, status, and each whiteboard edge.
struct LagWordsTests {
    static let yaml = """
        scenario: 1
        id: words
        title: Words
        seed: 5
        topics:
          orders: { partitions: 2 }
          refunds: { partitions: 1 }
          audited: { partitions: 1 }
        producers:
          web: { topic: orders, rate: { constant: 20 }, record: { amount: { uniform: [1, 100] } } }
          desk: { topic: refunds, rate: { constant: 10 }, record: { amount: { uniform: [1, 100] } } }
        groups:
          eager: { topics: [orders, refunds], members: 2, process: { per_record: 1ms }, commit: per_batch, session_timeout: 20s }
          coop: { topic: orders, members: 2, assignment: cooperative-sticky, process: { per_record: 1ms }, commit: per_batch }
        processors:
          audit: { kind: filter, from: orders, where: "amount > 0", to: audited, start: earliest, commit: per_batch }
        script:
          - id: one
            marker: One
            say: Run.
            advance: key
        """

    static func engine() throws -> Engine {
        try Engine(scenario: try ScenarioLoader.parse(yaml: yaml, file: "words.yaml"), seed: nil)
    }

    static func health(_ engine: Engine, _ name: String) throws -> GroupHealth {
        let world = engine.snapshot()
        return GroupHealth(try #require(world.groups.first { $0.name == name }), nowMs: world.nowMs)
    }

    @Test func trendWords() {
        #expect(Grid.trend(.keepingUp, dot: " · ") == "keeping up")
        #expect(Grid.trend(.catchingUp(seconds: 4), dot: " · ") == "catching up · ~4.0 s")
        #expect(Grid.trend(.catchingUp(seconds: 7_200), dot: " · ") == "catching up")
        #expect(Grid.trend(.fallingBehind, dot: " · ") == "falling behind")
        #expect(Grid.trend(.notCatchingUp, dot: " · ") == "not catching up")
        #expect(Grid.trend(.notConsuming, dot: " · ") == "not consuming")
    }

    @Test func aStoppedProcessorReadsStopped() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 5_000)
        engine.perform(.stop("audit"), origin: "test")
        engine.run(untilMs: 30_000)
        let health = try Self.health(engine, "audit")
        #expect(health.label == "STOPPED")
        #expect(health.role == .warn)
    }

    @Test func crashedMembersHoldTheirPartitionsUntilTheSessionTimeout() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 5_000)
        engine.perform(.killMember(group: "eager", count: 1), origin: "test")
        engine.run(untilMs: 7_000)
        var health = try Self.health(engine, "eager")
        // Last heartbeat at the 4 990 ms tick + 20 s, seen at the 6 990 ms tick: 18 s to go.
        #expect(health.label == "1/2 CRASHED (session timeout in 18 s)")
        #expect(health.shortLabel == "1/2 CRASHED")
        #expect(health.role == .warn)
        engine.run(untilMs: 25_500)
        health = try Self.health(engine, "eager")
        #expect(health.label == "OK")
    }

    @Test func anEagerRebalanceStopsTheWorldACooperativeOneKeepsConsuming() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 5_000)
        engine.perform(.addMember(group: "eager", count: 1), origin: "test")
        engine.perform(.addMember(group: "coop", count: 1), origin: "test")
        engine.step()
        let eager = try Self.health(engine, "eager")
        let coop = try Self.health(engine, "coop")
        #expect(eager.label == "REBALANCING (all stopped)")
        #expect(eager.shortLabel == "STOP-THE-WORLD")
        #expect(coop.label == "REBALANCING (consuming)")
        #expect(coop.shortLabel == "REBALANCING")
    }

    @Test func eachWhiteboardEdgeShowsItsTopicsPartOfTheLag() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 5_000)
        engine.perform(.pause(group: "eager"), origin: "test")
        engine.run(untilMs: 15_000)
        let world = engine.snapshot()
        let eager = try #require(world.groups.first { $0.name == "eager" })
        let byTopic = Dictionary(grouping: eager.lag.partitions, by: \.topicPartition.topic).mapValues { $0.reduce(Int64(0)) { $0 + ($1.lag ?? 0) } }
        let orders = try #require(byTopic["orders"])
        let refunds = try #require(byTopic["refunds"])
        // Paused 10 s: 200 orders and 100 refunds arrived, plus the last record of each topic read
        // before the pause (per_batch commits it on the next poll).
        #expect(orders == 201)
        #expect(refunds == 101)
        #expect(orders + refunds == eager.lag.totalLag)
        let grid = DashboardView.render(world, state: DashboardState(), size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .monochrome, glyphs: .ascii))
        let edges = (0..<40).map(grid.row).filter { $0.contains("eager PAUSED lag") }
        #expect(edges.count == 2)
        #expect(edges[0].contains("eager PAUSED lag \(orders)"))
        #expect(edges[1].contains("eager PAUSED lag \(refunds)"))
    }
}
