/// Computes which member consumes which partitions.
public protocol PartitionAssignor {
    /// The assignment for every member (members that get nothing map to an empty list).
    /// `partitionCounts` holds the existing topics; subscriptions to other topics are ignored.
    func assign(members: [AssignorMember], partitionCounts: [String: Int]) -> [String: [TopicPartition]]
}

extension PartitionAssignor {
    /// An empty assignment for every member.
    func emptyAssignment(_ members: [AssignorMember]) -> [String: [TopicPartition]] {
        Dictionary(uniqueKeysWithValues: members.map { ($0.memberId, []) })
    }

    /// The subscribed, existing topics, sorted.
    func subscribedTopics(_ members: [AssignorMember], _ partitionCounts: [String: Int]) -> [String] {
        Set(members.flatMap(\.topics)).filter { partitionCounts[$0] != nil }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
