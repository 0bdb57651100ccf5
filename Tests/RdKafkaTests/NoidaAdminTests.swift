import Foundation
import KafkaTestSupport
import RdKafka
import Testing

/// The wrapper's admin calls against an independent broker (noida-db), checked by kafka-python's
/// admin client.
@Suite(.serialized) struct NoidaAdminTests {
    @Test func topicsGroupsAndOffsetsAgreeWithKafkaPython() throws {
        try #require(NoidaBroker.isInstalled, "run Tests/kafka/setup.sh to make .venv-kafka")
        let broker = try NoidaBroker()
        defer { broker.stop() }
        let admin = try KafkaAdmin(config: testConfig(broker.bootstrapServers))
        defer { admin.close() }
        try admin.createTopics([NewTopic(name: "orders", partitions: 4, configs: ["retention.ms": "600000"]),
                                NewTopic(name: "audit", partitions: 1)])
        #expect(throws: KafkaError.self) { try admin.createTopics([NewTopic(name: "orders", partitions: 4)]) }
        do {
            try admin.createTopics([NewTopic(name: "orders", partitions: 4)])
        } catch {
            #expect(error.kind == .topicExists)
        }
        let counts = try admin.client.partitionCounts(timeoutMs: 5_000)
        #expect(counts["orders"] == 4)
        #expect(counts["audit"] == 1)

        let producer = try KafkaProducer(config: testConfig(broker.bootstrapServers, ["partitioner": "murmur2_random"]))
        defer { producer.close() }
        for index in 0..<40 { try producer.produce(topic: "orders", key: Array("k\(index)".utf8), value: Array("\(index)".utf8)) }
        try producer.flush(timeoutMs: 10_000)

        let consumer = try KafkaConsumer(config: consumerConfig(broker.bootstrapServers, group: "shipping"))
        try consumer.subscribe(["orders"])
        var next: [TopicPartition: Int64] = [:]
        var seen = 0
        #expect(pollAll([consumer], within: 30, each: { _, record in
            next[TopicPartition(record.topic, record.partition)] = record.offset + 1
            seen += 1
        }, until: { seen >= 40 }))
        try consumer.commit(next)

        let description = try admin.describeGroups(["shipping"])
        #expect(description.map(\.groupId) == ["shipping"])
        #expect(description.first?.members.count == 1)
        #expect(description.first?.members.first?.partitions.count == 4)
        #expect(try admin.listGroups().contains("shipping"))
        let committed = try admin.committedOffsets(group: "shipping")
        #expect(committed == next)
        consumer.close()

        let oracle = try broker.oracle(groups: ["shipping"])
        #expect(oracle.topics == ["orders": 4, "audit": 1])
        #expect(oracle.groups["shipping"] == Dictionary(uniqueKeysWithValues: committed.map { ("\($0.key)", $0.value) }))
        #expect(oracle.groups["shipping"]?.values.reduce(0, +) == 40)

        try admin.deleteTopics(["audit"])
        #expect(try eventually(within: 10) { try admin.client.partitionCounts(timeoutMs: 5_000)["audit"] == nil })
    }

    @Test func unreachableBootstrapIsReportedAsUnreachable() throws {
        let port = try NoidaBroker.freePort()
        let events = Collected<KafkaEvent>()
        let admin = try KafkaAdmin(config: testConfig("127.0.0.1:\(port)"), timeoutMs: 2_000, onEvent: { events.append($0) })
        defer { admin.close() }
        #expect(throws: KafkaError.self) { try admin.client.partitionCounts(timeoutMs: 2_000) }
        #expect(eventually(within: 10) {
            events.all.contains { if case .error(let error, _) = $0 { return error.kind == .unreachable }; return false }
        })
    }
}
