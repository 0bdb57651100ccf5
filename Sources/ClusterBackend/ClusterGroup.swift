import RdKafka
import StreamLog

/// One scenario group as a real consumer group: its members' consumers, what each owns, and the
/// offsets this run committed.
final class ClusterGroup {
    /// One member: a librdkafka consumer in the group, and the engine's client it reports to.
    final class Member {
        let memberId: String
        let options: ConsumerOptions
        let consumer: KafkaConsumer
        let inbox: EventInbox
        let client: (any GroupMemberClient)?
        var owned: [LogPartition] = []
        var generation = 0
        /// Destroyed without leaving: the group keeps it until its session times out.
        var vanished = false
        var vanishedAtMs: Int64 = 0
        /// The consumer error last shown for it (each shown once until another comes).
        var lastError: String?
        /// The offsets it last asked to commit: asked again after each assignment, since a commit
        /// sent while the group rebalanced is refused and the records behind it are already processed.
        var requested: [LogPartition: Int64] = [:]

        init(memberId: String, options: ConsumerOptions, consumer: KafkaConsumer, inbox: EventInbox,
             client: (any GroupMemberClient)?) {
            self.memberId = memberId
            self.options = options
            self.consumer = consumer
            self.inbox = inbox
            self.client = client
        }
    }

    let name: String
    let clusterName: String
    let strategy: AssignmentStrategy
    var members: [Member] = []
    var committed: [LogPartition: CommittedOffset] = [:]
    var generation = 0
    var lastNowMs: Int64 = 0
    /// The longest session timeout any member joined with: how long the broker may keep a member.
    var longestSessionMs: Int64 = 0

    init(name: String, clusterName: String, strategy: AssignmentStrategy) {
        self.name = name
        self.clusterName = clusterName
        self.strategy = strategy
    }

    /// The member with `memberId`, if it is still here.
    func member(_ memberId: String) -> Member? { members.first { $0.memberId == memberId } }

    /// Serves every live member's consumer (rebalances happen here) and hands each assignment
    /// change to its engine client, as a rebalance listener would.
    func serve(nowMs: Int64, log: ClusterLog) {
        lastNowMs = nowMs
        for member in members where !member.vanished {
            member.consumer.serve(timeoutMs: 0)
            for event in member.inbox.take() { handle(event, of: member, nowMs: nowMs, log: log) }
        }
        // A vanished member's session has run out: the rest own its partitions by now.
        members.removeAll { $0.vanished && nowMs - $0.vanishedAtMs > $0.options.sessionTimeoutMs }
    }

    private func handle(_ event: KafkaEvent, of member: Member, nowMs: Int64, log: ClusterLog) {
        switch event {
        case .assigned(let partitions, let kafkaProtocol):
            let added = partitions.compactMap { log.logPartition($0) }
            do {
                try member.consumer.pause(partitions)  // its records come from the replica
            } catch {
                log.fail(error)
            }
            let owned = kafkaProtocol == .cooperative ? Array(Set(member.owned).union(added)).sorted() : added.sorted()
            reassign(member, to: owned, nowMs: nowMs, log: log)
        case .revoked(let partitions, let kafkaProtocol):
            let removed = Set(partitions.compactMap { log.logPartition($0) })
            if kafkaProtocol == .cooperative {
                reassign(member, to: member.owned.filter { !removed.contains($0) }, nowMs: nowMs, log: log)
            } else {
                log.events.append(.rebalanceStarted(group: name, reason: "the group changed", protocol: .eager))
                member.client?.rebalanceStarted(group: name, nowMs: nowMs)
                member.owned = []
            }
        case .error(let error, _):
            if error.kind == .unreachable {
                log.fail(error)  // the connection, not the group: shown once as a cluster fault
            } else if member.lastError == error.message {
                break  // shown already
            } else if error.message.hasPrefix("commit") {
                member.lastError = error.message
                log.events.append(.commitRejected(group: name, memberId: member.memberId, error: .invalidArgument(error.message)))
            } else {
                member.lastError = error.message
                log.events.append(.pollFailed(group: name, memberId: member.memberId, error: .invalidArgument(error.message)))
            }
        case .committed(let offsets):
            // Booked when the coordinator keeps them: a commit lost in a rebalance or an outage
            // is not the group's committed offset, and the partition's next owner starts before it.
            for (partition, offset) in offsets.sorted(by: { $0.key < $1.key }) {
                if let local = log.logPartition(partition) { log.noteCommit(offset, of: local, in: self, nowMs: nowMs) }
            }
        case .statistics(let json):
            log.noteStatistics(json, nowMs: nowMs)
        }
    }

    /// Gives `member` its new partitions through its client's JoinGroup/SyncGroup responses.
    private func reassign(_ member: Member, to owned: [LogPartition], nowMs: Int64, log: ClusterLog) {
        // The first member to hear of a rebalance opens its generation; the others join it.
        if member.generation == generation {
            generation += 1
            log.events.append(.rebalanceCompleted(group: name, generation: generation, strategy: strategy,
                                                  protocol: strategy.rebalanceProtocol))
        }
        member.generation = generation
        member.owned = owned
        if let client = member.client {
            let response = JoinResponse(group: name, generation: generation, strategy: strategy, leaderId: "",
                                        memberId: member.memberId, members: [])
            _ = client.joined(response, nowMs: nowMs)
            _ = client.assigned(owned, generation: generation, nowMs: nowMs)
        }
        let again = member.requested.filter { owned.contains($0.key) }
        member.requested = again
        log.recommit(member, again, group: name)
    }

    /// Destroys `memberId`'s consumer without leaving the group.
    func vanish(_ memberId: String) {
        guard let member = member(memberId), !member.vanished else { return }
        member.vanished = true
        member.vanishedAtMs = lastNowMs
        member.consumer.vanish()
    }

    /// Every live member leaves.
    func closeAll() {
        for member in members where !member.vanished { member.consumer.close() }
        members = []
    }

    /// The group as DescribeGroups would show it, from what the members were assigned.
    func snapshot() -> GroupSnapshot {
        let live = members.filter { !$0.vanished }
        let settled = !live.isEmpty && Set(live.flatMap(\.owned)).count == live.flatMap(\.owned).count
        let state: GroupState = members.isEmpty ? .empty : (settled ? .stable : .preparingRebalance)
        let snapshots = members.map { member in
            var snapshot = MemberSnapshot(
                memberId: member.memberId, clientId: member.options.clientId ?? member.memberId, groupInstanceId: nil,
                host: member.options.host, topics: member.options.topics, generation: member.generation,
                assignment: member.owned, lastHeartbeatMs: member.vanished ? member.vanishedAtMs : lastNowMs,
                sessionTimeoutMs: member.options.sessionTimeoutMs)
            snapshot.isCrashed = member.vanished
            return snapshot
        }
        return GroupSnapshot(group: name, state: state, generation: generation, strategy: strategy,
                             rebalanceProtocol: strategy.rebalanceProtocol, members: snapshots)
    }
}
