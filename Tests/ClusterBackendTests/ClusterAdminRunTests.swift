import ClusterBackend
import Foundation
import KafkaTestSupport
import RdKafka
import Simulation
import StreamLog
import Testing

/// `set_retention` and `reset_offsets` on a cluster: the topic's configs on the broker, and a
/// group whose members leave, whose offsets move and whose members rejoin and read again.
@Suite(.serialized) struct ClusterAdminRunTests {
    /// 6 partitions, 200 records/s for 4 s, one group of two that catches up, then a reset of
    /// its offsets to earliest at 10 s and 10 s to read everything again.
    static let replay = ClusterScenarios.oneGroup(id: "cluster-replay", title: "Cluster replay", script: """
          - id: produce
            say: Produce.
            advance: { after: 4s }
          - id: drain
            say: Stop and drain.
            do: [ { stop: web } ]
            advance: { after: 6s }
          - id: replay
            say: Replay from earliest.
            do: [ { reset_offsets: { group: billing, to: earliest } } ]
            advance: { after: 10s }
        """)

    /// On noida-db: librdkafka 2.0.2's mock cluster refuses every OffsetCommit from outside a
    /// group it has seen (UNKNOWN_MEMBER_ID even when the group is empty), so it cannot reset offsets.
    @Test func resetToEarliestCommitsTheLogStartThenTheGroupReadsEverythingAgain() throws {
        try #require(NoidaBroker.isInstalled, "run Tests/kafka/setup.sh to make .venv-kafka")
        let broker = try NoidaBroker()
        defer { broker.stop() }
        let log = try ClusterLog(settings: ClusterScenarios.settings(broker.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        let engine = try ClusterScenarios.engine(Self.replay, on: log)
        var atReset: (committed: [StreamLog.TopicPartition: Int64], lag: Int64)?
        var caughtUpBefore = false
        var hooks: [Int64: () -> Void] = [9_900: {
            caughtUpBefore = engine.describe(group: "billing").rows.allSatisfy { $0.lag == 0 }
        }]
        // The reset happens on the tick the step begins; the first tick after it is read here,
        // before the rejoined members (new consumers: a join takes a round trip or more) commit.
        for ms in stride(from: Int64(10_000), to: 12_000, by: 10) {
            hooks[ms] = {
                guard atReset == nil, Self.resetLine(engine) != nil else { return }
                let lag = engine.describe(group: "billing").rows.reduce(Int64(0)) { $0 + ($1.lag ?? 0) }
                atReset = ((try? log.clusterCommittedOffsets(group: "billing")) ?? [:], lag)  // a failed read shows as [:] below
            }
        }
        ClusterScenarios.runAtWallClock(engine, atMs: hooks)
        #expect(caughtUpBefore)
        let reset = try #require(atReset)
        let start = Dictionary(uniqueKeysWithValues: try log.offsets(topic: "orders").map { ($0.topicPartition, $0.logStartOffset) })
        #expect(reset.committed == start)
        #expect(start.values.allSatisfy { $0 == 0 })
        #expect(reset.lag == 800)  // the whole retained log is lag again
        #expect(Self.resetLine(engine) == "billing: offsets reset to earliest: "
                + (0..<6).map { "orders-\($0)→0" }.joined(separator: " "))
        let logEnd = Dictionary(uniqueKeysWithValues: try log.offsets(topic: "orders").map { ($0.topicPartition, $0.logEndOffset) })
        // The dashboard books a commit once the member hears the broker kept it: a tick or so later.
        let drained = ClusterScenarios.keepRunning(engine, seconds: 30) {
            (try? log.clusterCommittedOffsets(group: "billing")) == logEnd  // a failed read: not drained yet
                && engine.describe(group: "billing").rows.allSatisfy { $0.lag == 0 }
        }
        #expect(drained)
        let oracle = try broker.oracle(groups: ["streamstage.billing"]).groups["streamstage.billing"]
        #expect(oracle == Dictionary(uniqueKeysWithValues: logEnd.map { ("streamstage.orders-\($0.key.partition)", $0.value) }))
        // On the reset's tick the two members left and two new consumers joined in their place.
        let groupLines = engine.snapshot().feed.compactMap { entry -> (ms: Int64, text: String)? in
            if case .group(let name, let text) = entry.kind, name == "billing" { return (entry.timeMs, text) }
            return nil
        }
        let resetMs = try #require(groupLines.first { $0.text.hasPrefix("billing: offsets reset") }).ms
        let onReset = groupLines.filter { $0.ms == resetMs }.map(\.text)
        #expect(onReset.filter { $0.hasSuffix("left the group") }.count == 2, "\(onReset)")
        #expect(onReset.filter { $0.contains(" joined ") }.count == 2, "\(onReset)")
    }

    /// The feed's reset line, once there is one.
    static func resetLine(_ engine: Engine) -> String? {
        engine.snapshot().feed.lazy.compactMap { entry -> String? in
            if case .group(_, let text) = entry.kind, text.hasPrefix("billing: offsets reset") { return text }
            return nil
        }.first
    }

    @Test func setRetentionReplacesTheTopicsRetentionConfigsOnTheBroker() throws {
        try #require(NoidaBroker.isInstalled, "run Tests/kafka/setup.sh to make .venv-kafka")
        let broker = try NoidaBroker()
        defer { broker.stop() }
        let log = try ClusterLog(settings: ClusterScenarios.settings(broker.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        var config = TopicConfig(partitions: 2)
        config.retentionMs = 604_800_000
        config.retentionBytes = 1_048_576
        try log.createTopic("payments", config: config)
        #expect(try broker.oracle(groups: [], configsOf: ["streamstage.payments"]).configs
                == ["streamstage.payments": ["retention.ms": "604800000", "retention.bytes": "1048576"]])

        try log.alterRetention(topic: "payments", timeMs: 30_000, bytes: nil, records: nil)
        #expect(try broker.oracle(groups: [], configsOf: ["streamstage.payments"]).configs
                == ["streamstage.payments": ["retention.ms": "30000", "retention.bytes": "-1"]])
        try log.alterRetention(topic: "payments", timeMs: nil, bytes: 65_536, records: nil)
        #expect(try broker.oracle(groups: [], configsOf: ["streamstage.payments"]).configs
                == ["streamstage.payments": ["retention.ms": "-1", "retention.bytes": "65536"]])

        #expect(throws: StreamLogError.invalidArgument(
            "retention by record count has no Kafka config (a cluster has retention.ms and retention.bytes): give the "
                + "topic's retention a time or a size")) {
            try log.alterRetention(topic: "payments", timeMs: 30_000, bytes: nil, records: 1_000)
        }
        #expect(try broker.oracle(groups: [], configsOf: ["streamstage.payments"]).configs
                == ["streamstage.payments": ["retention.ms": "-1", "retention.bytes": "65536"]])
    }
}
