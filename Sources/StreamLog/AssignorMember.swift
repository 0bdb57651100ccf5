/// A group member as an assignor sees it: id, optional static instance id, subscription, and the
/// partitions it owned in the previous generation (used by the sticky assignors).
public struct AssignorMember: Equatable, Sendable {
    public var memberId: String
    public var groupInstanceId: String?
    public var topics: [String]
    public var ownedPartitions: [TopicPartition]

    public init(memberId: String, groupInstanceId: String? = nil, topics: [String], ownedPartitions: [TopicPartition] = []) {
        self.memberId = memberId
        self.groupInstanceId = groupInstanceId
        self.topics = topics
        self.ownedPartitions = ownedPartitions
    }

    /// Kafka's member order (`AbstractPartitionAssignor.MemberInfo`): static members first by
    /// instance id, then dynamic members by member id, both compared lexicographically.
    public static func kafkaOrder(_ lhs: AssignorMember, _ rhs: AssignorMember) -> Bool {
        switch (lhs.groupInstanceId, rhs.groupInstanceId) {
        case (let left?, let right?):
            if left != right { return left.utf8.lexicographicallyPrecedes(right.utf8) }
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): break
        }
        return lhs.memberId.utf8.lexicographicallyPrecedes(rhs.memberId.utf8)
    }
}
