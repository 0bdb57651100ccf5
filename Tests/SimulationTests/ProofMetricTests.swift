import Foundation
import Scenario
import StreamLog
import Testing

@testable import Simulation

/// The measurements `show:` items and headlines share, on small worlds with known answers.
struct ProofMetricTests {
    /// One source topic, a filter that drops everything into one sink and one that keeps
    /// everything into another.
    static let pipeline = """
        scenario: 1
        id: pipe
        title: Pipe
        seed: 3
        topics:
          raw: { partitions: 2 }
          none: { sink: true }
          all: { sink: true }
        producers:
          src: { topic: raw, rate: { constant: 50 }, record: { v: 1 } }
        processors:
          drop-all: { kind: filter, from: raw, where: "v > 100", to: none, commit: per_batch }
          keep-all: { kind: filter, from: raw, where: "v < 100", to: all, commit: per_batch }
        script:
          - { id: one, say: go }
        """

    @Test func bytesAreCumulativeAndASinkSavesWhatItsFiltersDropped() throws {
        let engine = try EngineTests.engine(Self.pipeline)
        engine.run(untilMs: 4_000)
        let raw = try #require(engine.snapshot().topics.first { $0.name == "raw" })
        #expect(engine.metric(.bytes, of: "raw") == Double(raw.totalBytes))
        #expect(raw.totalBytes > 0)
        #expect(engine.metric(.bytes, of: "none") == 0)
        #expect(engine.metric(.savedPct, of: "none") == 100)
        #expect(engine.metric(.savedPct, of: "raw") == nil)
        let kept = try #require(engine.metric(.bytes, of: "all"))
        #expect(engine.metric(.savedPct, of: "all") == 100 * (1 - kept / Double(raw.totalBytes)))
    }

    @Test func aTopicMetricReadsTheTopicWhenAGroupSharesItsName() throws {
        let yaml = Self.pipeline.replacingOccurrences(of: "        script:\n", with: "        groups:\n          raw: { topic: raw }\n        script:\n")
        let engine = try EngineTests.engine(yaml)
        engine.run(untilMs: 2_000)
        let raw = try #require(engine.snapshot().topics.first { $0.name == "raw" })
        #expect(raw.totalBytes > 0)
        #expect(engine.metric(.bytes, of: "raw") == Double(raw.totalBytes))
        #expect(engine.metric(.deleted, of: "raw") == 0)
    }

    /// Two groups of two members each; a third member joins each at 2 s.
    static let rebalancing = """
        scenario: 1
        id: reb
        title: Rebalance
        seed: 3
        topics:
          t: { partitions: 6 }
        producers:
          p: { topic: t, rate: { constant: 60 }, record: { v: 1 } }
        groups:
          eager: { topic: t, members: 2, assignment: range, process: { per_record: 1ms }, commit: per_batch }
          coop: { topic: t, members: 2, assignment: cooperative-sticky, process: { per_record: 1ms }, commit: per_batch }
        script:
          - { id: one, say: go }
          - id: two
            say: scale
            do: [ { add_member: { group: eager } }, { add_member: { group: coop } } ]
        """

    /// A rebalance is a 200 ms join and a 100 ms sync phase: range stops for exactly that long,
    /// cooperative-sticky never stops.
    @Test func rangeStopsTheWorldForTheRebalanceAndCooperativeNever() throws {
        let engine = try EngineTests.engine(Self.rebalancing)
        engine.run(untilMs: 2_000)
        #expect(engine.metric(.stoppedMs, of: "eager") == 0)
        #expect(engine.metric(.rebalances, of: "eager") == 0)
        engine.apply(.nextStep)
        engine.run(untilMs: 5_000)
        #expect(engine.metric(.stoppedMs, of: "eager") == 300)
        #expect(engine.metric(.rebalances, of: "eager") == 1)
        #expect(engine.metric(.stoppedMs, of: "coop") == 0)
        // Incremental cooperative rebalancing takes two generations: revoke, then assign.
        #expect(engine.metric(.rebalances, of: "coop") == 2)
    }

    /// Retention keeps the last 100 records per partition (whole 1 000-record segments go); a
    /// replay from earliest at 25 s misses everything it deleted.
    static let replay = """
        scenario: 1
        id: rep
        title: Replay
        seed: 3
        topics:
          t: { partitions: 1, retention: { max_records: 100 } }
        producers:
          p: { topic: t, rate: { constant: 100 }, record: { v: 1 } }
        groups:
          g: { topic: t, members: 1, process: { per_record: 1ms }, commit: per_batch }
        script:
          - { id: one, say: go }
          - id: two
            say: replay
            do: [ { reset_offsets: { group: g, to: earliest } } ]
        """

    @Test func aReplayMissesWhatRetentionDeletedBeforeIt() throws {
        let engine = try EngineTests.engine(Self.replay)
        engine.run(untilMs: 25_000)
        #expect(engine.metric(.missed, of: "g") == nil)
        let deleted = try #require(engine.metric(.deleted, of: "t"))
        let offsets = try engine.log.offsets(topic: "t")
        #expect(deleted == Double(offsets[0].logStartOffset))
        #expect(deleted >= 1_000)
        engine.apply(.nextStep)
        #expect(engine.metric(.missed, of: "g") == deleted)
    }

    /// Normal traffic never reaches `alerts`; the step that starts `burst` is what does.
    static let alerting = """
        scenario: 1
        id: alert
        title: Alert
        seed: 3
        topics:
          t: { partitions: 1 }
          alerts: { partitions: 1 }
        producers:
          normal: { topic: t, rate: { constant: 20 }, record: { kind: ok } }
          burst: { topic: t, rate: { constant: 20 }, enabled: false, record: { kind: bad } }
        processors:
          watch: { kind: filter, from: t, where: "kind == 'bad'", to: alerts, commit: per_batch }
        script:
          - { id: one, say: go }
          - { id: two, say: burst, do: [ { start: burst } ] }
        """

    @Test func alertTimeRunsFromTheScriptedStartToTheFirstAlert() throws {
        let engine = try EngineTests.engine(Self.alerting)
        engine.run(untilMs: 3_000)
        #expect(engine.metric(.alertMs, of: "alerts") == nil)
        #expect(engine.metric(.alertWaitMs, of: "alerts") == nil)
        engine.apply(.nextStep)
        #expect(engine.metric(.alertMs, of: "alerts") == nil)
        #expect(engine.metric(.alertWaitMs, of: "alerts") == 0)
        engine.run(ticks: 1)
        #expect(engine.metric(.alertWaitMs, of: "alerts") == 10)
        engine.run(untilMs: 5_000)
        let first = try #require(engine.insights.firstRecordMs["alerts"])
        #expect(engine.metric(.alertMs, of: "alerts") == Double(first - 3_000))
        #expect(engine.metric(.alertWaitMs, of: "alerts") == nil)
        #expect(first > 3_000 && first < 3_500)
        engine.run(untilMs: 8_000)
        #expect(engine.metric(.alertMs, of: "alerts") == Double(first - 3_000))
    }

    /// Three producers (two on `a`, one on `b`); readers of a (2 sources), a+b (3) and a+b (3).
    static let whiteboard = """
        scenario: 1
        id: wb
        title: Whiteboard
        seed: 3
        topics: { a: {}, b: {} }
        producers:
          p1: { topic: a, rate: 1, record: { v: 1 } }
          p2: { topic: a, rate: 1, record: { v: 1 } }
          p3: { topic: b, rate: 1, record: { v: 1 } }
        groups:
          g1: { topic: a }
          g2: { topics: [a, b] }
          g3: { topics: [a, b] }
        script:
          - { id: one, say: go }
          - id: two
            say: join
            do: [ { add_group: { name: g4, topics: [b] } } ]
        """

    @Test func connectionsPointToPointGrowWithSourcesTimesReaders() throws {
        let engine = try EngineTests.engine(Self.whiteboard)
        engine.run(untilMs: 1_000)
        #expect(engine.worldMetric(.linksPointToPoint) == 8)
        #expect(engine.worldMetric(.linksPlatform) == 6)
        engine.apply(.nextStep)
        #expect(engine.worldMetric(.linksPointToPoint) == 9)
        #expect(engine.worldMetric(.linksPlatform) == 7)
    }

    @Test func theSnapshotCarriesTheStepsShowValues() throws {
        let yaml = Self.whiteboard.replacingOccurrences(
            of: "    say: join\n",
            with: "    say: join\n    show: [ { label: p2p, value: \"links_point_to_point()\" }, { label: share, value: \"100 * links_platform() / links_point_to_point()\", format: percent } ]\n")
        let engine = try EngineTests.engine(yaml)
        #expect(engine.snapshot().proofs.isEmpty)
        engine.apply(.nextStep)
        let proofs = engine.snapshot().proofs
        #expect(proofs.map(\.label) == ["p2p", "share"])
        #expect(proofs.map(\.text) == ["9", "77.8 %"])
    }
}
