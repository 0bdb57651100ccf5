/// Kafka's `RoundRobinAssignor`: all partitions (topics sorted) dealt over the sorted members with
/// one circular cursor that skips members not subscribed to the partition's topic.
public struct RoundRobinAssignor: PartitionAssignor {
    public init() {}

    public func assign(members: [AssignorMember], partitionCounts: [String: Int]) -> [String: [TopicPartition]] {
        var assignment = emptyAssignment(members)
        let sorted = members.sorted(by: AssignorMember.kafkaOrder)
        guard !sorted.isEmpty else { return assignment }
        var cursor = 0
        for topic in subscribedTopics(members, partitionCounts) {
            for partition in 0..<(partitionCounts[topic] ?? 0) {
                while !sorted[cursor].topics.contains(topic) { cursor = (cursor + 1) % sorted.count }
                assignment[sorted[cursor].memberId, default: []].append(TopicPartition(topic, partition))
                cursor = (cursor + 1) % sorted.count
            }
        }
        return assignment
    }
}
