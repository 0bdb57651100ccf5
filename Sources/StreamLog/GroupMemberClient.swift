/// The answers a group member's client receives from the coordinator, delivered at the simulated
/// instant they arrive. A simulated consumer implements it; a member without one (a wire client)
/// learns the same things from its heartbeat, JoinGroup and SyncGroup responses.
public protocol GroupMemberClient: AnyObject {
    /// A rebalance started (what a heartbeat answers with REBALANCE_IN_PROGRESS): the client runs
    /// its pre-rebalance work (commit, and under the eager protocol revoke everything) and rejoins
    /// on its next heartbeat.
    func rebalanceStarted(group: String, nowMs: Int64)
    /// The JoinGroup response. The leader's carries every member's metadata; it returns the
    /// assignment it sends in SyncGroup. Followers return nil.
    func joined(_ response: JoinResponse, nowMs: Int64) -> [String: [TopicPartition]]?
    /// The SyncGroup response: this member's partitions for `generation`. Returns true when the
    /// client gave partitions up and rejoins at once to hand them over (cooperative protocol).
    func assigned(_ partitions: [TopicPartition], generation: Int, nowMs: Int64) -> Bool
}

/// What the coordinator answers a JoinGroup with once the join phase ends.
public struct JoinResponse: Equatable, Sendable {
    public var group: String
    public var generation: Int
    /// The protocol the group settled on.
    public var strategy: AssignmentStrategy
    /// Its name as the group selected it (a wire client's assignor may be one streamstage lacks).
    public var protocolName: String
    public var leaderId: String
    public var memberId: String
    /// Every member's metadata (subscription, owned partitions) in Kafka's order; only the
    /// leader's response has it.
    public var members: [AssignorMember]
    /// The metadata bytes wire members sent for the selected protocol, by member id (leader only);
    /// simulated members have none: their subscription is in `members`.
    public var memberMetadata: [String: [UInt8]]

    public var isLeader: Bool { memberId == leaderId }

    public init(group: String, generation: Int, strategy: AssignmentStrategy, protocolName: String? = nil, leaderId: String,
                memberId: String, members: [AssignorMember], memberMetadata: [String: [UInt8]] = [:]) {
        self.group = group
        self.generation = generation
        self.strategy = strategy
        self.protocolName = protocolName ?? strategy.kafkaName
        self.leaderId = leaderId
        self.memberId = memberId
        self.members = members
        self.memberMetadata = memberMetadata
    }
}
