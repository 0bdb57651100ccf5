/// A consumer in a group, with the client-side state Kafka keeps in the consumer: its
/// assignment and positions.
final class GroupMember {
    let memberId: String
    let clientId: String
    let options: ConsumerOptions
    /// The generation this member last joined (-1 before its first completed join).
    var generation = -1
    /// The partitions it currently consumes, sorted.
    var owned: [TopicPartition] = []
    /// Its assignment before an eager rebalance revoked everything (input to the sticky assignor).
    var previousAssignment: [TopicPartition] = []
    /// The offset of the next record to hand out, per owned partition that has been fetched.
    var positions: [TopicPartition: Int64] = [:]
    var lastHeartbeatMs: Int64
    var crashed = false
    var lastAutoCommitMs: Int64
    /// Under `.afterEachBatch`: a polled batch whose positions still need committing.
    var batchAwaitingCommit = false
    /// Rotates the partition a poll starts from, so no partition starves.
    var pollCursor = 0

    init(memberId: String, clientId: String, options: ConsumerOptions, nowMs: Int64) {
        self.memberId = memberId
        self.clientId = clientId
        self.options = options
        lastHeartbeatMs = nowMs
        lastAutoCommitMs = nowMs
    }

    var assignorView: AssignorMember {
        AssignorMember(memberId: memberId, groupInstanceId: options.groupInstanceId, topics: options.topics, ownedPartitions: owned)
    }
}
