import ClusterBackend
import Foundation
import KafkaTestSupport
import Simulation
import StreamLog
import Testing

/// A scenario headless against an independent broker process (noida-db), with kafka-python's
/// admin client as the oracle for topics, partition counts and committed offsets.
@Suite(.serialized) struct NoidaRunTests {
    @Test func topicsAndCommittedOffsetsAgreeWithKafkaPython() throws {
        try #require(NoidaBroker.isInstalled, "run Tests/kafka/setup.sh to make .venv-kafka")
        let broker = try NoidaBroker()
        defer { broker.stop() }
        let log = try ClusterLog(settings: ClusterScenarios.settings(broker.bootstrapServers, prefix: "demo."),
                                 random: SeededRandom(seed: 1))
        let engine = try ClusterScenarios.engine(ClusterScenarios.oneGroup(killAt: nil), on: log)
        var appended: Int64 = 0
        engine.onAppend = { _ in appended += 1 }
        ClusterScenarios.runAtWallClock(engine)
        let ends = try log.offsets(topic: "orders")
        let logEnd = Dictionary(uniqueKeysWithValues: ends.map { ("demo.orders-\($0.topicPartition.partition)", $0.logEndOffset) })
        #expect(logEnd.values.reduce(0, +) == appended)
        #expect(appended == 1_600)
        let settled = try eventually(within: 10) { try broker.oracle(groups: ["demo.billing"]).groups["demo.billing"] == logEnd }
        let oracle = try broker.oracle(groups: ["demo.billing"])
        #expect(settled, "kafka-python sees \(oracle.groups), log-end \(logEnd)")
        #expect(oracle.topics == ["demo.orders": 6])
        let lines = log.finish(deleting: false)
        #expect(lines == ["cluster: left in place: topics demo.orders (created), none (reused); groups demo.billing "
                          + "(--cleanup deletes what the run created)"])
    }

    @Test func cleanupDeletesTheTopicsItCreated() throws {
        try #require(NoidaBroker.isInstalled, "run Tests/kafka/setup.sh to make .venv-kafka")
        let broker = try NoidaBroker()
        defer { broker.stop() }
        let log = try ClusterLog(settings: ClusterScenarios.settings(broker.bootstrapServers), random: SeededRandom(seed: 1))
        let engine = try ClusterScenarios.engine(ClusterScenarios.oneGroup(killAt: nil), on: log)
        engine.run(ticks: 100)
        // Both members hold their partitions first: cleanup is not racing the group's first join.
        #expect(ClusterScenarios.keepRunning(engine, seconds: 60) {
            (try? log.group("billing"))?.members.flatMap(\.assignment).count == 6
        })
        #expect(try broker.oracle(groups: []).topics == ["streamstage.orders": 6])
        let lines = log.finish(deleting: true)
        #expect(lines == ["cluster: deleted groups streamstage.billing and topics streamstage.orders"])
        #expect(try eventually(within: 10) { try broker.oracle(groups: []).topics.isEmpty })
    }

    @Test func aTopicWithAnotherPartitionCountIsAClearError() throws {
        try #require(NoidaBroker.isInstalled, "run Tests/kafka/setup.sh to make .venv-kafka")
        let broker = try NoidaBroker()
        defer { broker.stop() }
        let first = try ClusterLog(settings: ClusterScenarios.settings(broker.bootstrapServers), random: SeededRandom(seed: 1))
        try first.createTopic("orders", config: TopicConfig(partitions: 3))
        first.close()
        let log = try ClusterLog(settings: ClusterScenarios.settings(broker.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        #expect(throws: EngineError.self) { try ClusterScenarios.engine(ClusterScenarios.oneGroup(killAt: nil), on: log) }
        do {
            _ = try ClusterScenarios.engine(ClusterScenarios.oneGroup(killAt: nil), on: log)
        } catch let error as EngineError {
            #expect(error.description == "topic 'orders': INVALID_REQUEST: topic 'streamstage.orders' exists on the cluster "
                    + "with 3 partitions, the scenario has 6: delete it, or run with another --prefix")
        }
    }
}
