import Foundation
@testable import Simulation
import StreamLog
import Testing

/// What every backend must do whatever its clock: keys placed by Kafka's partitioner, commits
/// read back, the three assignors' outcomes, lag arithmetic. Waits are bounded (20 s of wall
/// time on a cluster).
@Suite(.serialized) struct AnyClockTests {
    @Test(arguments: Backend.all) func keyedRecordsLandWhereKafkasPartitionerPutsThem(_ backend: Backend) throws {
        let f = try backend.fixture(partitions: 12)
        let keys = (0..<120).map { "customer-\($0)" }
        var placed: [Int] = []
        for key in keys {
            placed.append(try f.log.produce(topic: "orders", key: key, value: .string(key), headers: [], timestamp: 0,
                                            sizeInBytes: nil, partition: nil, nowMs: f.nowMs).topicPartition.partition)
        }
        #expect(placed == keys.map { Murmur2.partition(forKey: $0, partitionCount: 12) })
        let expected = (0..<12).map { partition in Int64(placed.filter { $0 == partition }.count) }
        #expect(f.settle(within: 20) { (try? f.log.offsets(topic: "orders"))?.map(\.logEndOffset) == expected })
    }

    @Test(arguments: Backend.all) func commitsAreReadBackPerPartition(_ backend: Backend) throws {
        let f = try backend.fixture(partitions: 2)
        for partition in 0..<2 {
            for index in 0..<5 {
                _ = try f.log.produce(topic: "orders", key: nil, value: .int(Int64(index)), headers: [], timestamp: 0, sizeInBytes: nil,
                                      partition: partition, nowMs: f.nowMs)
            }
        }
        var options = ConsumerOptions(topics: ["orders"])
        options.commitPolicy = .manual
        options.autoOffsetReset = .earliest
        options.sessionTimeoutMs = 6_000
        let member = try f.clients.joinGroup("g", options: options, nowMs: f.nowMs)
        #expect(f.settle(within: 20) { (try? f.clients.group("g"))?.members.first?.assignment.count == 2 })
        var polled = 0
        #expect(f.settle(within: 20) {
            polled += (try? f.clients.poll("g", memberId: member, maxRecords: 100, nowMs: f.nowMs))?.count ?? 0
            return polled == 10
        })
        try f.clients.commit("g", memberId: member, nowMs: f.nowMs)
        let expected = [TopicPartition("orders", 0): Int64(5), TopicPartition("orders", 1): 5]
        #expect(f.settle(within: 20) { (try? f.log.committedOffsets(group: "g"))?.mapValues(\.offset) == expected })
    }

    @Test(arguments: Backend.all, [AssignmentStrategy.range, .roundRobin, .cooperativeSticky])
    func twoMembersShareSixPartitionsAsTheirAssignorSays(_ backend: Backend, _ strategy: AssignmentStrategy) throws {
        let f = try backend.fixture(partitions: 6)
        var options = ConsumerOptions(topics: ["orders"])
        options.strategy = strategy
        options.sessionTimeoutMs = 6_000
        options.clientId = "a"
        let a = try f.clients.joinGroup("g", options: options, nowMs: f.nowMs)
        options.clientId = "b"
        let b = try f.clients.joinGroup("g", options: options, nowMs: f.nowMs)
        let assignments = { () -> [[Int]] in
            let members = (try? f.clients.group("g"))?.members ?? []
            return [a, b].map { id in (members.first { $0.memberId == id }?.assignment.map(\.partition) ?? []).sorted() }
        }
        let shared = f.settle(within: 30) {
            let now = assignments()
            return now.allSatisfy { $0.count == 3 } && Set(now.joined()) == Set(0..<6)
        }
        #expect(shared, "\(strategy.kafkaName): \(assignments())")
        let sorted = assignments().sorted { $0.first ?? 0 < $1.first ?? 0 }
        switch strategy {
        case .range: #expect(sorted == [[0, 1, 2], [3, 4, 5]])
        case .roundRobin: #expect(sorted == [[0, 2, 4], [1, 3, 5]])
        default: #expect(sorted.map(\.count) == [3, 3])
        }
    }

    @Test(arguments: Backend.all) func lagInRecordsAndSecondsPerPartition(_ backend: Backend) throws {
        let f = try backend.fixture(partitions: 2)
        let send = { (partition: Int, count: Int, timestamp: Int64) in
            for index in 0..<count {
                _ = try f.log.produce(topic: "orders", key: "k\(index)", value: .int(Int64(index)), headers: [], timestamp: timestamp,
                                      sizeInBytes: nil, partition: partition, nowMs: f.nowMs)
            }
        }
        try send(0, 3, f.nowMs)
        #expect(f.settle(within: 20) { (try? f.log.offsets(topic: "orders"))?.map(\.logEndOffset) == [3, 0] })
        let second = f.nowMs
        try send(0, 2, second)
        try send(1, 4, second)
        var options = ConsumerOptions(topics: ["orders"])
        options.commitPolicy = .manual
        options.autoOffsetReset = .earliest
        options.sessionTimeoutMs = 6_000
        let member = try f.clients.joinGroup("g", options: options, nowMs: f.nowMs)
        #expect(f.settle(within: 20) {
            (try? f.clients.group("g"))?.members.first?.assignment.count == 2
                && (try? f.log.offsets(topic: "orders"))?.map(\.logEndOffset) == [5, 4]
        })
        try f.log.commitOffsets("g", memberId: member, generation: try f.log.group("g").generation,
                                offsets: [TopicPartition("orders", 0): 3], nowMs: f.nowMs)
        // A commit counts once the coordinator keeps it: at once in process, an answer later on a cluster.
        #expect(f.settle(within: 20) { (try? f.log.committedOffsets(group: "g"))?[TopicPartition("orders", 0)]?.offset == 3 })
        let at = second + 1_500
        let lag = try LagMonitor(backend: f.log).lag(
            group: "g", consumers: ConsumerProgress(positions: [:], resetPolicy: .earliest, deliveries: [:]), nowMs: at)
        #expect(lag.partitions.map(\.lag) == [2, 4])
        #expect(lag.partitions.map(\.lagMs) == [at - f.appendTime(0, 3), at - f.appendTime(1, 0)])
        #expect(lag.totalLag == 6)
        #expect(lag.partitions.map(\.committedOffset) == [3, nil])
    }
}

extension Fixture {
    /// When the record at `offset` of partition `partition` of `orders` was appended.
    func appendTime(_ partition: Int, _ offset: Int64) -> Int64 {
        log.appendTime(TopicPartition("orders", partition), at: offset) ?? -1
    }
}
