import Testing
import StreamLog

/// The lag monitor on a group it does not run (as on a real cluster): offsets and commits only.
struct LagMonitorTests {
    @Test(arguments: Backend.all) func aGroupOfWireClientsIsMeasuredFromOffsetsAndCommitsAlone(_ backend: Backend) throws {
        let log = try backend.make(SeededRandom(seed: 8), LogSettings())
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        var options = ConsumerOptions(topics: ["orders"])
        options.clientId = "kcat"
        let id = try log.joinGroup("g", memberId: nil, options: options, ownedPartitions: [], client: WireMember(), nowMs: 0)
        log.tick(nowMs: 200)
        try log.syncGroup("g", memberId: id, generation: 1, assignment: [id: TopicPartition.all("orders", 2)])
        log.tick(nowMs: 300)
        for index in 0..<10 {
            _ = try log.produce(
                topic: "orders", key: nil, value: .int(Int64(index)), headers: [], timestamp: 1_000, sizeInBytes: 10, partition: 0,
                nowMs: 1_000)
        }
        try log.commitOffsets("g", memberId: id, generation: 1, offsets: [TopicPartition("orders", 0): 4], nowMs: 2_000)
        let monitor = LagMonitor(backend: log)
        let lag = try monitor.lag(group: "g", consumers: ConsumerProgress(resetPolicy: .earliest), nowMs: 3_000)
        #expect(lag.partitions.map(\.lag) == [6, 0])
        #expect(lag.partitions.map(\.lagMs) == [2_000, 0])
        #expect(lag.partitions.map(\.ownerMemberId) == [id, id])
        #expect(lag.totalLag == 6 && lag.status == .ok && lag.state == .stable && lag.generation == 1)
        let rows = monitor.describe(group: "g", consumers: ConsumerProgress(), nowMs: 3_000).rows
        #expect(rows.map(\.currentOffset) == [4, nil] && rows.map(\.lag) == [6, nil] && rows.map(\.clientId) == ["kcat", "kcat"])
        #expect(throws: StreamLogError.unknownGroup("nobody")) { try monitor.lag(group: "nobody", consumers: ConsumerProgress(), nowMs: 0) }
    }
}
