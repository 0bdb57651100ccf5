import RdKafka
import StreamLog

/// Consumer groups: each member a real librdkafka consumer in the cluster's group.
extension ClusterLog {
    /// The scenario partition of a cluster partition (nil for a topic this run does not know).
    func logPartition(_ partition: KafkaPartition) -> LogPartition? {
        guard partition.topic.hasPrefix(settings.prefix) else { return nil }
        let name = String(partition.topic.dropFirst(settings.prefix.count))
        guard topics[name] != nil else { return nil }
        return LogPartition(name, Int(partition.partition))
    }

    /// Every cluster partition of the scenario topics `names`.
    func clusterPartitions(of names: [String]) -> [KafkaPartition] {
        names.compactMap { topics[$0] }.flatMap { topic in
            (0..<topic.partitionCount).map { KafkaPartition(topic.clusterName, Int32($0)) }
        }
    }

    /// The cluster partition of a scenario partition.
    func kafkaPartition(_ partition: LogPartition) -> KafkaPartition {
        KafkaPartition(settings.prefix + partition.topic, Int32(partition.partition))
    }

    /// JoinGroup: a new member is a new consumer subscribing in the cluster's group; a rejoin is
    /// librdkafka's own business.
    public func joinGroup(
        _ group: String, memberId: String?, options: ConsumerOptions, ownedPartitions: [LogPartition],
        client: (any GroupMemberClient)?, nowMs: Int64
    ) throws(StreamLogError) -> String {
        if let memberId {
            guard groups[group]?.member(memberId) != nil else { throw .unknownMember(group: group, memberId: memberId) }
            return memberId
        }
        guard let assignor = Self.assignorName(options.strategy) else {
            throw .invalidArgument("assignment '\(options.strategy.kafkaName)' needs the in-process log "
                                   + "(librdkafka offers range, roundrobin and cooperative-sticky)")
        }
        let state = try groupState(group, strategy: options.strategy, topics: options.topics)
        // Brokers refuse sessions shorter than group.min.session.timeout.ms (6 s by default).
        let sessionTimeoutMs = max(options.sessionTimeoutMs, Self.minimumSessionTimeoutMs)
        if sessionTimeoutMs != options.sessionTimeoutMs, state.members.isEmpty {
            events.append(.pollFailed(group: group, memberId: "", error: .invalidArgument(
                "session.timeout.ms \(options.sessionTimeoutMs) raised to \(sessionTimeoutMs): brokers refuse shorter sessions "
                    + "(group.min.session.timeout.ms)")))
        }
        let memberId = options.clientId ?? "\(group)-\(state.members.count + 1)"
        let inbox = EventInbox()
        let consumer: KafkaConsumer
        do {
            consumer = try KafkaConsumer(
                config: settings.clientConfig([
                    "group.id": state.clusterName, "client.id": memberId, "partition.assignment.strategy": assignor,
                    "session.timeout.ms": String(sessionTimeoutMs),
                    "heartbeat.interval.ms": String(max(100, min(3_000, sessionTimeoutMs / 3))),
                    "enable.auto.commit": "false", "auto.offset.reset": options.autoOffsetReset == .earliest ? "earliest" : "latest",
                    "enable.partition.eof": "false", "fetch.wait.max.ms": "100", "statistics.interval.ms": "1000",
                ]),
                onEvent: { inbox.append($0) })
            try consumer.subscribe(options.topics.map { settings.prefix + $0 })
        } catch {
            throw .invalidArgument("group '\(state.clusterName)': \(error)")
        }
        var memberOptions = options
        memberOptions.sessionTimeoutMs = sessionTimeoutMs
        state.longestSessionMs = max(state.longestSessionMs, sessionTimeoutMs)
        state.members.append(ClusterGroup.Member(memberId: memberId, options: memberOptions, consumer: consumer, inbox: inbox,
                                                 client: client))
        events.append(.memberJoined(group: group, memberId: memberId, clientId: memberId, groupInstanceId: nil))
        return memberId
    }

    /// The group named `group`, made (and its committed offsets read from the cluster) on first use.
    private func groupState(_ group: String, strategy: AssignmentStrategy, topics names: [String])
        throws(StreamLogError) -> ClusterGroup
    {
        if let state = groups[group] { return state }
        let state = ClusterGroup(name: group, clusterName: settings.prefix + group, strategy: strategy)
        do {
            for (partition, offset) in try admin.committedOffsets(group: state.clusterName, partitions: clusterPartitions(of: names)) {
                guard let local = logPartition(partition) else { continue }
                state.committed[local] = CommittedOffset(offset: offset, commits: [])
            }
        } catch {
            guard error.kind == .unknownTopic || error.code == 16 /* NOT_COORDINATOR */ || error.code == 69 /* GROUP_ID_NOT_FOUND */
            else { throw .invalidArgument("group '\(state.clusterName)': \(error)") }
        }
        groups[group] = state
        groupNames.append(group)
        return state
    }

    /// Kafka's default `group.min.session.timeout.ms`.
    static let minimumSessionTimeoutMs: Int64 = 6_000

    /// librdkafka's name of an assignor (nil for eager sticky, which librdkafka does not offer).
    static func assignorName(_ strategy: AssignmentStrategy) -> String? {
        switch strategy {
        case .range: "range"
        case .roundRobin: "roundrobin"
        case .cooperativeSticky: "cooperative-sticky"
        case .sticky: nil
        }
    }

    public func syncGroup(_ group: String, memberId: String, generation: Int, assignment: [String: [LogPartition]]?)
        throws(StreamLogError) {}

    /// librdkafka heartbeats on its own threads; this only says whether the member is still here.
    public func heartbeat(_ group: String, memberId: String, generation: Int, nowMs: Int64) throws(StreamLogError) {
        guard let member = groups[group]?.member(memberId), !member.vanished else {
            throw .unknownMember(group: group, memberId: memberId)
        }
    }

    public func leaveGroup(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError) {
        guard let state = groups[group], let member = state.member(memberId) else {
            throw .unknownMember(group: group, memberId: memberId)
        }
        member.consumer.close()
        state.members.removeAll { $0 === member }
        events.append(.memberLeft(group: group, memberId: memberId))
    }

    /// OffsetCommit through the member's consumer (asynchronous): the offsets count as
    /// committed once the coordinator keeps them; a refusal comes back as a `commitRejected` event.
    public func commitOffsets(
        _ group: String, memberId: String, generation: Int, offsets: [LogPartition: Int64], nowMs: Int64
    ) throws(StreamLogError) {
        guard let state = groups[group], let member = state.member(memberId), !member.vanished else {
            throw .unknownMember(group: group, memberId: memberId)
        }
        member.requested.merge(offsets) { $1 }
        try send(offsets, of: member)
    }

    /// Sends `offsets` as an asynchronous commit of `member`'s consumer.
    private func send(_ offsets: [LogPartition: Int64], of member: ClusterGroup.Member) throws(StreamLogError) {
        var kafkaOffsets: [KafkaPartition: Int64] = [:]
        for (partition, offset) in offsets { kafkaOffsets[kafkaPartition(partition)] = offset }
        do {
            try member.consumer.commit(kafkaOffsets, async: true)
        } catch {
            throw .invalidArgument("commit: \(error)")
        }
    }

    /// Commits again what `member` last asked for (after a rebalance refused it); a refusal now is a group event.
    func recommit(_ member: ClusterGroup.Member, _ offsets: [LogPartition: Int64], group: String) {
        guard !offsets.isEmpty else { return }
        do {
            try send(offsets, of: member)
        } catch {
            events.append(.commitRejected(group: group, memberId: member.memberId, error: error))
        }
    }

    public func committedOffsets(group: String) throws(StreamLogError) -> [LogPartition: CommittedOffset] {
        guard let state = groups[group] else { throw .unknownGroup(group) }
        return state.committed
    }

    public func group(_ group: String) throws(StreamLogError) -> GroupSnapshot {
        guard let state = groups[group] else { throw .unknownGroup(group) }
        return state.snapshot()
    }

    /// Committed offsets as the cluster reports them now (an admin round trip), for checks and the summary.
    public func clusterCommittedOffsets(group: String) throws(KafkaError) -> [LogPartition: Int64] {
        var offsets: [LogPartition: Int64] = [:]
        let partitions = clusterPartitions(of: groups[group]?.members.first?.options.topics ?? [])
        for (partition, offset) in try admin.committedOffsets(group: settings.prefix + group, partitions: partitions) {
            if let local = logPartition(partition) { offsets[local] = offset }
        }
        return offsets
    }

    /// Books `offset` as `state`'s committed offset of `partition`, with a commit sample (the lag
    /// at commit time, from the log-end the replica knows) among the last ten.
    func noteCommit(_ offset: Int64, of partition: LogPartition, in state: ClusterGroup, nowMs: Int64) {
        // A partition the group commits is one of the run's topics: offsets(topic:) cannot fail.
        let end = (try? offsets(topic: partition.topic))?.first { $0.topicPartition == partition }?.logEndOffset ?? offset
        var entry = state.committed[partition] ?? CommittedOffset(offset: offset, commits: [])
        entry.offset = offset
        entry.commits.append(CommitSample(offset: offset, timestampMs: nowMs, lag: max(0, end - offset)))
        if entry.commits.count > 10 { entry.commits.removeFirst(entry.commits.count - 10) }
        state.committed[partition] = entry
    }
}
