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
    private(set) var memberId = ""
    private(set) var generation = -1
    /// The partitions it currently consumes, sorted.
    private(set) var owned: [TopicPartition] = []
    /// Its assignment before an eager rebalance revoked everything (the sticky assignors' input).
    private var previousAssignment: [TopicPartition] = []
    /// The offset of the next record to fetch, per owned partition fetched so far.
    private(set) var positions: [TopicPartition: Int64] = [:]
    private var lastAutoCommitMs: Int64
    /// Under `.afterEachBatch`: a polled batch whose positions still need committing.
    private var batchAwaitingCommit = false
    /// Rotates the partition a poll starts from, so no partition starves.
    private var pollCursor = 0
    /// True from the start of a rebalance until its assignment arrives.
    private var awaitingAssignment = true
    /// True between the JoinGroup response and the SyncGroup response: a commit now would be
    /// answered REBALANCE_IN_PROGRESS, so the rebalance listener does not try.
    private var syncing = false
    /// True when the next heartbeat must be a JoinGroup.
    private var needsRejoin = false
    /// True once the process died: it answers nothing and sends nothing.
    private(set) var crashed = false
    /// Polls and commits the backend refused.
    private(set) var failedPolls = 0
    private(set) var failedCommits = 0

    init(group: String, options: ConsumerOptions, backend: any StreamLogBackend, ledger: DeliveryLedger, nowMs: Int64) {
        self.group = group
        self.options = options
        self.backend = backend
        self.ledger = ledger
        lastAutoCommitMs = nowMs
    }

    private var isEager: Bool { options.strategy.rebalanceProtocol == .eager }

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

    // MARK: Rebalance listener

    func rebalanceStarted(group: String, nowMs: Int64) {
        guard !crashed else { return }
        needsRejoin = true
        guard !awaitingAssignment else { return }
        awaitingAssignment = true
        commitOnPolicy(owned, nowMs: nowMs)
        guard isEager else { return }
        previousAssignment = owned
        if !owned.isEmpty { backend.report(.partitionsRevoked(group: group, memberId: memberId, partitions: owned)) }
        owned = []
        positions = [:]
    }

    func joined(_ response: JoinResponse, nowMs: Int64) -> [String: [TopicPartition]]? {
        guard !crashed else { return nil }
        generation = response.generation
        syncing = true
        guard response.isLeader else { return nil }
        return Self.leaderAssignment(response, backend: backend)
    }

    /// What the leader computes for SyncGroup: the group's assignor over every member's metadata;
    /// under the cooperative protocol a partition still owned by another member is held back
    /// until that member revoked it.
    static func leaderAssignment(_ response: JoinResponse, backend: any StreamLogBackend) -> [String: [TopicPartition]] {
        var counts: [String: Int] = [:]
        for topic in Set(response.members.flatMap(\.topics)) {
            if let offsets = try? backend.offsets(topic: topic) { counts[topic] = offsets.count }
        }
        var assignment = response.strategy.assignor.assign(members: response.members, partitionCounts: counts)
        guard response.strategy.rebalanceProtocol == .cooperative else { return assignment }
        var owner: [TopicPartition: String] = [:]
        for member in response.members { for partition in member.ownedPartitions { owner[partition] = member.memberId } }
        for (memberId, partitions) in assignment {
            assignment[memberId] = partitions.filter { owner[$0] == nil || owner[$0] == memberId }
        }
        return assignment
    }

    func assigned(_ partitions: [TopicPartition], generation: Int, nowMs: Int64) -> Bool {
        guard !crashed else { return false }
        awaitingAssignment = false
        syncing = false
        let revoked = owned.filter { !partitions.contains($0) }
        if !revoked.isEmpty {
            commitOnPolicy(revoked, nowMs: nowMs)
            backend.report(.partitionsRevoked(group: group, memberId: memberId, partitions: revoked))
            for partition in revoked { positions[partition] = nil }
        }
        let added = partitions.filter { !owned.contains($0) }
        owned = partitions
        previousAssignment = partitions
        backend.report(.partitionsAssigned(group: group, memberId: memberId, partitions: added))
        return !revoked.isEmpty
    }

    // MARK: Commits

    /// commitSync: `offsets` (nil: the current positions) under the client's generation. A
    /// refusal is counted and thrown; the coordinator reports fencing itself, the client reports
    /// anything else as a `commitRejected` event.
    func commitSync(_ offsets: [TopicPartition: Int64]? = nil, nowMs: Int64) throws(StreamLogError) {
        guard !crashed else { throw .memberNotActive(group: group, memberId: memberId) }
        let chosen = offsets ?? positions
        do {
            try backend.commitOffsets(group, memberId: memberId, generation: generation, offsets: chosen, nowMs: nowMs)
            ledger.touch(chosen.keys)
        } catch {
            failedCommits += 1
            switch error {
            case .illegalGeneration, .rebalanceInProgress: break
            default: backend.report(.commitRejected(group: group, memberId: memberId, error: error))
            }
            throw error
        }
    }

    /// A commit whose refusal is already counted and reported; true when it was stored.
    @discardableResult
    private func commit(_ offsets: [TopicPartition: Int64], nowMs: Int64) -> Bool {
        do {
            try commitSync(offsets, nowMs: nowMs)
            return true
        } catch {
            return false
        }
    }

    /// The commit a member's policy makes before a rebalance, on revocation or on a clean leave:
    /// the positions of `partitions` (manual members commit nothing).
    private func commitOnPolicy(_ partitions: [TopicPartition], nowMs: Int64) {
        if options.commitPolicy == .manual || syncing { return }
        var offsets: [TopicPartition: Int64] = [:]
        for partition in partitions { if let position = positions[partition] { offsets[partition] = position } }
        if !offsets.isEmpty { commit(offsets, nowMs: nowMs) }
        batchAwaitingCommit = false
        if case .auto = options.commitPolicy { lastAutoCommitMs = nowMs }
    }

    /// The commit piggy-backed on poll: auto-commit when its interval expired, or the previous
    /// batch under `.afterEachBatch`.
    private func commitDueOnPoll(nowMs: Int64) {
        switch options.commitPolicy {
        case .manual:
            return
        case .auto(let interval):
            guard nowMs - lastAutoCommitMs >= interval else { return }
            lastAutoCommitMs = nowMs
        case .afterEachBatch:
            guard batchAwaitingCommit else { return }
        }
        guard generation >= 0 else { return }
        if commit(positions, nowMs: nowMs) { batchAwaitingCommit = false }
    }

    // MARK: Poll

    /// Hands `body` up to `maxRecords` records from the owned partitions, where the log stores
    /// them (runs valid during the call only), advancing the positions; returns how many.
    ///
    /// First makes the commit its policy has due. Partitions are visited from a rotating start.
    /// A partition without a position starts at the committed offset; a position outside
    /// log-start...log-end is reset by `auto.offset.reset`, with an event.
    func poll(
        maxRecords: Int, nowMs: Int64, _ body: (TopicPartition, UnsafeBufferPointer<Record>) -> Void
    ) throws(StreamLogError) -> Int {
        guard !crashed else { throw .memberNotActive(group: group, memberId: memberId) }
        guard maxRecords >= 0 else { throw .invalidArgument("maxRecords must not be negative, got \(maxRecords)") }
        commitDueOnPoll(nowMs: nowMs)
        guard maxRecords > 0, !owned.isEmpty else { return 0 }
        var delivered = 0
        let start = pollCursor % owned.count
        pollCursor = (pollCursor + 1) % owned.count
        var committed: [TopicPartition: CommittedOffset]?
        for step in 0..<owned.count where delivered < maxRecords {
            let partition = owned[(start + step) % owned.count]
            var known = positions[partition]
            if known == nil {
                if committed == nil { committed = try backend.committedOffsets(group: group) }
                known = committed?[partition]?.offset
            }
            let position: Int64
            let count: Int
            do {
                (position, count) = try fetch(partition, from: known, maxRecords: maxRecords - delivered, body)
            } catch .unknownTopic, .unknownPartition {
                continue
            }
            positions[partition] = position
            guard count > 0 else { continue }
            delivered += count
            positions[partition] = position + Int64(count)
            let duplicates = ledger.note(partition, from: position, count: count)
            if duplicates > 0 {
                backend.report(.recordsRedelivered(group: group, memberId: memberId, topicPartition: partition, count: duplicates))
            }
        }
        if delivered > 0, options.commitPolicy == .afterEachBatch { batchAwaitingCommit = true }
        return delivered
    }

    /// Fetches from `known`, or from where `auto.offset.reset` says when there is no position or
    /// it fell outside the log; returns the offset read from and the count.
    private func fetch(
        _ partition: TopicPartition, from known: Int64?, maxRecords: Int, _ body: (TopicPartition, UnsafeBufferPointer<Record>) -> Void
    ) throws(StreamLogError) -> (Int64, Int) {
        var logStart: Int64
        var logEnd: Int64
        if let known {
            do {
                return (known, try backend.fetch(partition, from: known, maxRecords: maxRecords) { body(partition, $0) })
            } catch .offsetOutOfRange(_, _, let start, let end) {
                logStart = start
                logEnd = end
            }
        } else {
            guard let offsets = try backend.offsets(topic: partition.topic).first(where: { $0.topicPartition == partition }) else {
                throw .unknownPartition(topic: partition.topic, partition: partition.partition, partitionCount: 0)
            }
            logStart = offsets.logStartOffset
            logEnd = offsets.logEndOffset
        }
        let policy = options.autoOffsetReset
        let target: Int64
        switch policy {
        case .earliest: target = logStart
        case .latest: target = logEnd
        case .none:
            if let known {
                throw .offsetOutOfRange(partition, offset: known, logStartOffset: logStart, logEndOffset: logEnd)
            }
            throw .noOffsetForPartition(group: group, partition)
        }
        backend.report(
            .offsetReset(
                group: group, memberId: memberId, topicPartition: partition, from: known, to: target, policy: policy,
                logStartOffset: logStart))
        return (target, try backend.fetch(partition, from: target, maxRecords: maxRecords) { body(partition, $0) })
    }
}
