import ClusterBackend
import Foundation
import KafkaTestSupport
import RdKafka
import StreamLog
import Testing

/// Lag arithmetic through the lag monitor above the seam, from the cluster's offsets and this
/// run's commits (mock cluster), and murmur2 placement through the backend.
@Suite(.serialized) struct ClusterLagTests {
    /// A member client that only remembers what it was given.
    final class Listener: GroupMemberClient {
        var assignment: [StreamLog.TopicPartition] = []
        func rebalanceStarted(group: String, nowMs: Int64) { assignment = [] }
        func joined(_ response: JoinResponse, nowMs: Int64) -> [String: [StreamLog.TopicPartition]]? { nil }
        func assigned(_ partitions: [StreamLog.TopicPartition], generation: Int, nowMs: Int64) -> Bool {
            assignment = partitions
            return false
        }
    }

    @Test func lagInRecordsAndSecondsPerPartition() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 2)
        let log = try ClusterLog(settings: ClusterScenarios.settings(cluster.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        let send = { (partition: Int, count: Int, nowMs: Int64) in
            for index in 0..<count {
                _ = try log.produce(topic: "orders", key: "k\(index)", value: .int(Int64(index)), headers: [], timestamp: nowMs,
                                    sizeInBytes: nil, partition: partition, nowMs: nowMs)
            }
        }
        try send(0, 3, 1_000)
        try send(0, 2, 2_000)
        try send(1, 4, 2_000)
        let listener = Listener()
        var options = ConsumerOptions(topics: ["orders"])
        options.autoOffsetReset = .earliest
        options.sessionTimeoutMs = 6_000
        let member = try log.joinGroup("g", memberId: nil, options: options, ownedPartitions: [], client: listener, nowMs: 2_000)
        let ready = eventually(within: 20) {
            log.tick(nowMs: 2_000)
            let ends = (try? log.offsets(topic: "orders"))?.map(\.logEndOffset)
            return listener.assignment.count == 2 && ends == [5, 4]
        }
        #expect(ready)
        try log.commitOffsets("g", memberId: member, generation: 1, offsets: [StreamLog.TopicPartition("orders", 0): 3], nowMs: 2_000)
        let lag = try LagMonitor(backend: log).lag(
            group: "g", consumers: ConsumerProgress(positions: [:], resetPolicy: .earliest, deliveries: [:]), nowMs: 3_500)
        #expect(lag.partitions.map(\.lag) == [2, 4])
        #expect(lag.partitions.map(\.lagMs) == [1_500, 1_500])
        #expect(lag.totalLag == 6)
        #expect(lag.partitions.map(\.committedOffset) == [3, nil])
        #expect(try eventually(within: 10) { try log.clusterCommittedOffsets(group: "g") == [StreamLog.TopicPartition("orders", 0): 3] })
    }

    @Test func keyedRecordsLandWhereKafkasPartitionerPutsThem() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 12)
        let log = try ClusterLog(settings: ClusterScenarios.settings(cluster.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        try log.createTopic("orders", config: TopicConfig(partitions: 12))
        let keys = (0..<120).map { "customer-\($0)" }
        var placed: [Int] = []
        for key in keys {
            placed.append(try log.produce(topic: "orders", key: key, value: .string(key), headers: [], timestamp: 0,
                                          sizeInBytes: nil, partition: nil, nowMs: 0).topicPartition.partition)
        }
        #expect(placed == keys.map { Murmur2.partition(forKey: $0, partitionCount: 12) })
        // And the cluster agrees: each partition's log-end counts the keys placed there.
        let expected = (0..<12).map { partition in Int64(placed.filter { $0 == partition }.count) }
        #expect(eventually(within: 20) {
            log.tick(nowMs: 0)
            return (try? log.offsets(topic: "orders"))?.map(\.logEndOffset) == expected
        })
    }
}
