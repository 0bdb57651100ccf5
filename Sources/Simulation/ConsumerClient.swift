import StreamLog

/// One consumer as a Kafka client runs it on top of a backend: its assignment and fetch
/// positions, poll, auto-commit and commits on revocation, the rebalance listener, and — when it
/// is the group leader — the assignor.
///
/// It reaches the log only through `StreamLogBackend`. Events the client observes (revocations,
/// assignments, offset resets, duplicates, a crash) go into the backend's event stream, in the
/// order they happen.
final class ConsumerClient: GroupMemberClient {
    let group: String
    let options: ConsumerOptions
    unowned let backend: any StreamLogBackend
    let ledger: DeliveryLedger
    /// The id the coordinator gave it ("" before its first JoinGroup).
    var memberId = ""
    /// The generation of its last JoinGroup response (-1 before the first).
    var generation = -1
    /// The partitions it currently consumes, sorted. (This and the poll's other state below are
    /// read and written once a partition, never across a call that could reach them again, so
    /// they go without the runtime's exclusivity checks.)
    @exclusivity(unchecked) var owned: [TopicPartition] = []
    /// Its assignment before an eager rebalance revoked everything (the sticky assignors' input).
    var previousAssignment: [TopicPartition] = []
    /// The offset of the next record to fetch, per owned partition fetched so far.
    @exclusivity(unchecked) var positions: [TopicPartition: Int64] = [:]
    /// When auto-commit last ran (or the member joined).
    var lastAutoCommitMs: Int64
    /// Under `.afterEachBatch`: a polled batch whose positions still need committing.
    @exclusivity(unchecked) var batchAwaitingCommit = false
    /// Rotates the partition a poll starts from, so no partition starves.
    @exclusivity(unchecked) var pollCursor = 0
    /// True from the start of a rebalance until its assignment arrives.
    var awaitingAssignment = true
    /// True between the JoinGroup response and the SyncGroup response: a commit now would be
    /// answered REBALANCE_IN_PROGRESS, so the rebalance listener does not try.
    var syncing = false
    /// True when the next heartbeat must be a JoinGroup.
    var needsRejoin = false
    /// True once the process died: it answers nothing and sends nothing.
    var crashed = false
    /// Commits the backend refused.
    var failedCommits = 0

    init(group: String, options: ConsumerOptions, backend: any StreamLogBackend, ledger: DeliveryLedger, nowMs: Int64) {
        self.group = group
        self.options = options
        self.backend = backend
        self.ledger = ledger
        lastAutoCommitMs = nowMs
    }

    var isEager: Bool { options.strategy.rebalanceProtocol == .eager }

    /// Sends the first JoinGroup; returns the member id.
    func join(nowMs: Int64) throws(StreamLogError) -> String {
        if case .auto(let interval) = options.commitPolicy, interval <= 0 {
            throw .invalidArgument("auto.commit.interval.ms must be positive")
        }
        memberId = try backend.joinGroup(group, memberId: nil, options: options, ownedPartitions: [], client: self, nowMs: nowMs)
        return memberId
    }

    /// The background heartbeat; rejoins when the coordinator asks for it.
    func heartbeat(nowMs: Int64) throws(StreamLogError) {
        guard !crashed else { throw .memberNotActive(group: group, memberId: memberId) }
        if !needsRejoin {
            guard generation >= 0 else { return }
            do {
                try backend.heartbeat(group, memberId: memberId, generation: generation, nowMs: nowMs)
                return
            } catch .rebalanceInProgress {
                needsRejoin = true
            }
        }
        needsRejoin = false
        let metadata = isEager ? previousAssignment : owned
        _ = try backend.joinGroup(group, memberId: memberId, options: options, ownedPartitions: metadata, client: nil, nowMs: nowMs)
    }

    /// Leaves cleanly: commits per policy, revokes, sends LeaveGroup.
    func leave(nowMs: Int64) throws(StreamLogError) {
        guard !crashed else { throw .memberNotActive(group: group, memberId: memberId) }
        commitOnPolicy(owned, nowMs: nowMs)
        if !owned.isEmpty { backend.report(.partitionsRevoked(group: group, memberId: memberId, partitions: owned)) }
        try backend.leaveGroup(group, memberId: memberId, nowMs: nowMs)
    }

    /// The process dies: no more polls, commits or heartbeats; the coordinator notices only when
    /// the session times out.
    func crash() {
        guard !crashed else { return }
        crashed = true
        backend.report(.memberCrashed(group: group, memberId: memberId))
    }
}
