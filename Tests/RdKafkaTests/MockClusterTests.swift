import KafkaTestSupport
import RdKafka
import enum StreamLog.Murmur2
import Testing

/// The wrapper against librdkafka's in-process mock cluster: produce, consume, commit,
/// watermarks, rebalances (eager and cooperative), vanishing members and broker faults.
@Suite(.serialized) struct MockClusterTests {
    @Test func murmur2RandomPlacesKeysWhereKafkasJavaClientDoes() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("orders", partitions: 12)
        let reports = Collected<DeliveryReport>()
        let producer = try KafkaProducer(
            config: testConfig(cluster.bootstrapServers, ["partitioner": "murmur2_random"]),
            onDelivery: { reports.append($0) })
        defer { producer.close() }
        let keys = (0..<200).map { "customer-\($0)" }
        for (index, key) in keys.enumerated() {
            try producer.produce(topic: "orders", key: Array(key.utf8), value: Array("v\(index)".utf8), tag: index)
        }
        try producer.flush(timeoutMs: 10_000)
        let delivered = reports.all.sorted { $0.tag < $1.tag }
        #expect(delivered.count == 200)
        #expect(delivered.allSatisfy { $0.error == nil })
        #expect(delivered.map { Int($0.partition) } == keys.map { Murmur2.partition(forKey: $0, partitionCount: 12) })
        // Offsets within each partition count up from 0 in produce order.
        for partition in 0..<Int32(12) {
            let offsets = delivered.filter { $0.partition == partition }.map(\.offset)
            #expect(offsets == (0..<Int64(offsets.count)).map { $0 })
        }
    }

    @Test func groupConsumesEverythingAndCommitsLogEnd() throws {
        let cluster = try MockCluster(brokers: 3)
        try cluster.createTopic("payments", partitions: 6)
        let producer = try KafkaProducer(config: testConfig(cluster.bootstrapServers, ["partitioner": "murmur2_random"]))
        defer { producer.close() }
        for index in 0..<300 {
            try producer.produce(topic: "payments", key: Array("k\(index % 17)".utf8), value: Array("\(index)".utf8))
        }
        try producer.flush(timeoutMs: 10_000)
        let partitions = (0..<Int32(6)).map { TopicPartition("payments", $0) }
        let ends = try Dictionary(uniqueKeysWithValues: partitions.map {
            ($0, try producer.client.watermarks($0, timeoutMs: 5_000).high)
        })
        #expect(ends.values.reduce(0, +) == 300)

        let consumer = try KafkaConsumer(config: consumerConfig(cluster.bootstrapServers, group: "billing"))
        defer { consumer.close() }
        try consumer.subscribe(["payments"])
        var next: [TopicPartition: Int64] = [:]
        var values: [String] = []
        let done = pollAll([consumer], within: 20, each: { _, record in
            next[TopicPartition(record.topic, record.partition)] = record.offset + 1
            values.append(String(decoding: record.value, as: UTF8.self))
        }, until: { values.count >= 300 })
        #expect(done)
        #expect(Set(values) == Set((0..<300).map { "\($0)" }))
        try consumer.commit(next)
        #expect(try consumer.committed(partitions, timeoutMs: 5_000) == ends)
    }

    @Test(arguments: ["range", "roundrobin", "cooperative-sticky"])
    func secondMemberTakesHalfThePartitions(strategy: String) throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("clicks", partitions: 4)
        let events = Collected<KafkaEvent>()
        let first = try KafkaConsumer(config: consumerConfig(cluster.bootstrapServers, group: "g-\(strategy)", strategy: strategy),
                                      onEvent: { events.append($0) })
        defer { first.close() }
        try first.subscribe(["clicks"])
        #expect(pollAll([first], within: 15) { (try? first.assignment().count) == 4 })
        let second = try KafkaConsumer(config: consumerConfig(cluster.bootstrapServers, group: "g-\(strategy)", strategy: strategy))
        defer { second.close() }
        try second.subscribe(["clicks"])
        let split = pollAll([first, second], within: 30) {
            (try? first.assignment().count) == 2 && (try? second.assignment().count) == 2
        }
        #expect(split)
        let together = try Set(first.assignment() + second.assignment())
        #expect(together == Set((0..<Int32(4)).map { TopicPartition("clicks", $0) }))
        let expected: RebalanceProtocol = strategy == "cooperative-sticky" ? .cooperative : .eager
        #expect(first.rebalanceProtocol == expected)
        let revoked = events.all.compactMap { event -> [TopicPartition]? in
            if case .revoked(let partitions, let proto) = event, proto == expected { return partitions }
            return nil
        }
        // Eager gives up all four then takes two back; cooperative gives up only the two that move.
        #expect(revoked.first?.count == (expected == .cooperative ? 2 : 4))
    }

    @Test func vanishedMemberKeepsItsPartitionsUntilTheSessionTimesOut() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("jobs", partitions: 2)
        let config = consumerConfig(cluster.bootstrapServers, group: "workers", extra: ["session.timeout.ms": "3000"])
        let stays = try KafkaConsumer(config: config)
        defer { stays.close() }
        let crashes = try KafkaConsumer(config: config)
        try stays.subscribe(["jobs"])
        try crashes.subscribe(["jobs"])
        #expect(pollAll([stays, crashes], within: 30) {
            (try? stays.assignment().count) == 1 && (try? crashes.assignment().count) == 1
        })
        crashes.vanish()
        let start = ContinuousClock.now
        #expect(pollAll([stays], within: 30) { (try? stays.assignment().count) == 2 })
        // A member that left cleanly is replaced at once; one that vanished only after its session.
        #expect(ContinuousClock.now - start >= .milliseconds(2_000))
    }

    @Test func allBrokersDownIsReportedAndTheProducerRecovers() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("t", partitions: 1)
        let events = Collected<KafkaEvent>()
        let reports = Collected<DeliveryReport>()
        let producer = try KafkaProducer(
            config: testConfig(cluster.bootstrapServers, ["reconnect.backoff.max.ms": "200"]),
            onEvent: { events.append($0) }, onDelivery: { reports.append($0) })
        defer { producer.close() }
        try producer.produce(topic: "t", key: nil, value: [1])
        try producer.flush(timeoutMs: 10_000)
        try cluster.setDown(broker: 1)
        let downReported = eventually(within: 20) {
            events.all.contains { if case .error(let error, _) = $0 { return error.kind == .unreachable }; return false }
        }
        #expect(downReported)
        try producer.produce(topic: "t", key: nil, value: [2])
        try cluster.setUp(broker: 1)
        try producer.flush(timeoutMs: 20_000)
        #expect(reports.all.map(\.offset) == [0, 1])
        #expect(reports.all.allSatisfy { $0.error == nil })
    }

    @Test func statisticsArriveAsJSON() throws {
        let cluster = try MockCluster(brokers: 1)
        let events = Collected<KafkaEvent>()
        let producer = try KafkaProducer(config: testConfig(cluster.bootstrapServers, ["statistics.interval.ms": "100"]),
                                         onEvent: { events.append($0) })
        defer { producer.close() }
        let arrived = eventually(within: 10) {
            events.all.contains { if case .statistics(let json) = $0 { return json.hasPrefix("{") && json.contains("\"brokers\"") }; return false }
        }
        #expect(arrived)
    }
}
