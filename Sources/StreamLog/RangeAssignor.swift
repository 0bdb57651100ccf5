/// Kafka's `RangeAssignor`: per topic, contiguous ranges; the first `P % C` members get one extra.
public struct RangeAssignor: PartitionAssignor {
    public init() {}

    public func assign(members: [AssignorMember], partitionCounts: [String: Int]) -> [String: [TopicPartition]] {
        var assignment = emptyAssignment(members)
        for topic in subscribedTopics(members, partitionCounts) {
            let consumers = members.filter { $0.topics.contains(topic) }.sorted(by: AssignorMember.kafkaOrder)
            let partitions = partitionCounts[topic] ?? 0
            let quota = partitions / consumers.count
            let extra = partitions % consumers.count
            var next = 0
            for (index, consumer) in consumers.enumerated() {
                let count = quota + (index < extra ? 1 : 0)
                assignment[consumer.memberId, default: []] += (next..<(next + count)).map { TopicPartition(topic, $0) }
                next += count
            }
        }
        return assignment
    }
}
