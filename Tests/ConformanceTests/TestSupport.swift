@testable import StreamLog

/// A backend with one topic, driven through consumer clients, with helpers to join, produce and
/// advance simulated time.
final class Harness {
    let log: KafkaClients
    var nowMs: Int64 = 0

    init(
        _ backend: Backend, seed: UInt64 = 42, topic: String = "orders", partitions: Int = 6,
        configure: (inout TopicConfig) -> Void = { _ in }
    ) throws {
        log = try KafkaClients(backend, random: SeededRandom(seed: seed))
        var config = TopicConfig(partitions: partitions)
        configure(&config)
        try log.createTopic(topic, config: config)
    }

    /// Ticks every 100 ms up to `time`.
    func advance(to time: Int64) {
        while nowMs < time {
            nowMs = min(time, nowMs + 100)
            log.tick(nowMs: nowMs)
        }
    }

    func join(
        _ client: String, group: String = "g", strategy: AssignmentStrategy = .range, topics: [String] = ["orders"],
        commit: CommitPolicy = .auto(), reset: OffsetResetPolicy = .earliest, sessionTimeoutMs: Int64 = 10_000
    ) throws -> String {
        var options = ConsumerOptions(topics: topics)
        options.clientId = client
        options.strategy = strategy
        options.commitPolicy = commit
        options.autoOffsetReset = reset
        options.sessionTimeoutMs = sessionTimeoutMs
        return try log.joinGroup(group, options: options, nowMs: nowMs)
    }

    /// Produces `count` records to each partition of `topic` at the current time.
    func produce(_ count: Int, topic: String = "orders") throws {
        let partitions = try log.offsets(topic: topic).count
        for partition in 0..<partitions {
            for _ in 0..<count {
                _ = try log.produce(topic: topic, key: nil, value: .int(1), timestamp: nowMs, sizeInBytes: 100, partition: partition, nowMs: nowMs)
            }
        }
    }

    func assignment(_ member: String, group: String = "g") throws -> [TopicPartition] {
        try log.group(group).members.first { $0.memberId == member }?.assignment ?? []
    }

    func partitions(_ indices: [Int], topic: String = "orders") -> [TopicPartition] {
        indices.map { TopicPartition(topic, $0) }
    }
}

extension TopicPartition {
    /// Every partition of `topic`, in order.
    static func all(_ topic: String, _ count: Int) -> [TopicPartition] {
        (0..<count).map { TopicPartition(topic, $0) }
    }
}
