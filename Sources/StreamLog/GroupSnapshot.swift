/// A group's membership: state, generation, strategy and who owns what.
public struct GroupSnapshot: Equatable, Sendable {
    public var group: String
    public var state: GroupState
    public var generation: Int
    public var strategy: AssignmentStrategy?
    public var rebalanceProtocol: RebalanceProtocol
    /// Members in Kafka's order (static by instance id, then by member id).
    public var members: [MemberSnapshot]

    /// A snapshot as a backend outside this module (a real cluster's) reports it.
    public init(group: String, state: GroupState, generation: Int, strategy: AssignmentStrategy?,
                rebalanceProtocol: RebalanceProtocol, members: [MemberSnapshot]) {
        self.group = group
        self.state = state
        self.generation = generation
        self.strategy = strategy
        self.rebalanceProtocol = rebalanceProtocol
        self.members = members
    }

    /// The member that owns `partition`, if any.
    public func owner(of partition: TopicPartition) -> String? {
        members.first { $0.assignment.contains(partition) }?.memberId
    }
}

extension GroupCoordinator {
    var snapshot: GroupSnapshot {
        GroupSnapshot(
            group: name, state: state, generation: generation, strategy: strategy, rebalanceProtocol: rebalanceProtocol,
            members: orderedMembers.map {
                var member = MemberSnapshot(
                    memberId: $0.memberId, clientId: $0.clientId, groupInstanceId: $0.groupInstanceId, host: $0.host,
                    topics: $0.metadata.topics, generation: $0.generation, assignment: $0.assignment,
                    lastHeartbeatMs: $0.lastHeartbeatMs, sessionTimeoutMs: $0.sessionTimeoutMs)
                member.isExternal = !$0.protocols.isEmpty
                return member
            })
    }
}
