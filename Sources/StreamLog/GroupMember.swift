/// A consumer in a group as the coordinator (the broker) sees it: identity, subscription,
/// session, the generation it joined and the assignment the leader gave it.
final class GroupMember {
    let memberId: String
    let clientId: String
    let groupInstanceId: String?
    let host: String
    let sessionTimeoutMs: Int64
    /// How long a rebalance waits for it to rejoin.
    let rebalanceTimeoutMs: Int64
    /// The JoinGroup metadata: subscribed topics and the partitions the client says it owns.
    var metadata: AssignorMember
    /// The generation this member last joined (-1 before its first completed join).
    var generation = -1
    /// The partitions the last SyncGroup gave it (cleared when an eager rebalance starts).
    var assignment: [TopicPartition] = []
    var lastHeartbeatMs: Int64
    /// True once the member sent its JoinGroup for the rebalance under way.
    var rejoined = true
    /// Where the coordinator's responses go: the simulated consumer, or the listener's stand-in
    /// that answers a wire client's pending JoinGroup and SyncGroup.
    let client: GroupMemberClient?
    /// The protocols a wire client offered (name and metadata bytes); empty for a simulated member.
    var protocols: [JoinProtocol]
    /// The protocol names it supports, most preferred first.
    var protocolNames: [String]

    init(memberId: String, clientId: String, options: ConsumerOptions, ownedPartitions: [TopicPartition],
         client: GroupMemberClient?, nowMs: Int64) {
        self.memberId = memberId
        self.clientId = clientId
        groupInstanceId = options.groupInstanceId
        host = options.host
        sessionTimeoutMs = options.sessionTimeoutMs
        rebalanceTimeoutMs = options.rebalanceTimeoutMs
        metadata = AssignorMember(
            memberId: memberId, groupInstanceId: options.groupInstanceId, topics: options.topics, ownedPartitions: ownedPartitions)
        self.client = client
        protocols = options.protocols
        protocolNames = options.protocolNames
        lastHeartbeatMs = nowMs
    }
}
