/// One consumer group under the classic protocol: membership, generations, rebalances, committed
/// offsets, and the consumers' positions.
final class GroupCoordinator {
    let name: String
    let settings: LogSettings
    let events: EventLog
    var random: SeededRandom
    var state = GroupState.empty
    var generation = 0
    /// The group's strategy, fixed by its first member.
    var strategy: AssignmentStrategy?
    var members: [String: GroupMember] = [:]
    var progress: [TopicPartition: PartitionProgress] = [:]
    /// When the current rebalance phase ends.
    var phaseEndsAtMs: Int64 = 0
    /// The assignment computed at the end of the join phase, handed out at the end of the sync phase.
    var pendingAssignment: [String: [TopicPartition]] = [:]
    /// The `<n>` of the next default client id `consumer-<group>-<n>`.
    var nextClientNumber = 1
    /// Partition counts of the subscribed topics when the last assignment was computed.
    var assignedTopicCounts: [String: Int] = [:]
    /// `auto.offset.reset` of the member that joined last: where partitions without a commit start.
    var resetPolicy = OffsetResetPolicy.latest

    init(name: String, settings: LogSettings, events: EventLog, random: SeededRandom) {
        self.name = name
        self.settings = settings
        self.events = events
        self.random = random
    }

    var rebalanceProtocol: RebalanceProtocol { strategy?.rebalanceProtocol ?? .eager }

    /// Members in Kafka's order: static by instance id first, then by member id.
    var orderedMembers: [GroupMember] {
        members.values.sorted { AssignorMember.kafkaOrder($0.assignorView, $1.assignorView) }
    }

    func member(_ memberId: String) throws(StreamLogError) -> GroupMember {
        guard let member = members[memberId] else { throw .unknownMember(group: name, memberId: memberId) }
        return member
    }

    func activeMember(_ memberId: String) throws(StreamLogError) -> GroupMember {
        let member = try member(memberId)
        guard !member.crashed else { throw .memberNotActive(group: name, memberId: memberId) }
        return member
    }

    func progress(for partition: TopicPartition) -> PartitionProgress {
        progress[partition] ?? PartitionProgress(rateWindowMs: settings.rateWindowMs, rateSampleMs: settings.rateSampleMs)
    }

    /// Adds a member and starts (or joins) a rebalance; returns the member id.
    func join(options: ConsumerOptions, nowMs: Int64, topics: [String: Topic]) throws(StreamLogError) -> String {
        if let strategy, strategy != options.strategy, !members.isEmpty {
            throw .inconsistentGroupProtocol(group: name, strategy: options.strategy, groupStrategy: strategy)
        }
        guard options.sessionTimeoutMs > 0 else { throw .invalidArgument("session.timeout.ms must be positive") }
        if case .auto(let interval) = options.commitPolicy, interval <= 0 {
            throw .invalidArgument("auto.commit.interval.ms must be positive")
        }
        strategy = options.strategy
        resetPolicy = options.autoOffsetReset
        let clientId = options.clientId ?? "consumer-\(name)-\(nextClientNumber)"
        if options.clientId == nil { nextClientNumber += 1 }
        let memberId = clientId + "-" + random.uuid()
        members[memberId] = GroupMember(memberId: memberId, clientId: clientId, options: options, nowMs: nowMs)
        events.append(.memberJoined(group: name, memberId: memberId, clientId: clientId, groupInstanceId: options.groupInstanceId))
        requestRebalance(reason: "member \(memberId) joined", atMs: nowMs, topics: topics)
        return memberId
    }

    /// Removes a member cleanly: commits (unless manual), revokes its partitions, rebalances the rest.
    func leave(memberId: String, nowMs: Int64, topics: [String: Topic]) throws(StreamLogError) {
        let member = try activeMember(memberId)
        commitOnPolicy(member, partitions: member.owned, nowMs: nowMs, topics: topics)
        if !member.owned.isEmpty {
            events.append(.partitionsRevoked(group: name, memberId: memberId, partitions: member.owned))
        }
        members[memberId] = nil
        events.append(.memberLeft(group: name, memberId: memberId))
        requestRebalance(reason: "member \(memberId) left the group", atMs: nowMs, topics: topics)
    }

    /// Stops a member without leaving: no more polls, commits or heartbeats until the session times out.
    func crash(memberId: String) throws(StreamLogError) {
        let member = try activeMember(memberId)
        member.crashed = true
        events.append(.memberCrashed(group: name, memberId: memberId))
    }

    /// Records a heartbeat from a live member.
    func heartbeat(memberId: String, nowMs: Int64) throws(StreamLogError) {
        try activeMember(memberId).lastHeartbeatMs = nowMs
    }

    /// Advances the group to `nowMs`: background heartbeats of live members, session timeouts,
    /// rebalance phases, and consume-rate samples.
    func tick(nowMs: Int64, topics: [String: Topic]) {
        for member in orderedMembers {
            if !member.crashed {
                member.lastHeartbeatMs = max(member.lastHeartbeatMs, nowMs)
            } else if nowMs - member.lastHeartbeatMs >= member.options.sessionTimeoutMs {
                expire(member, topics: topics)
            }
        }
        if state == .stable, subscribedTopicCounts(topics) != assignedTopicCounts {
            requestRebalance(reason: "subscribed topic metadata changed", atMs: nowMs, topics: topics)
        }
        advanceRebalance(nowMs: nowMs, topics: topics)
        for (partition, var entry) in progress {
            entry.consumeRate.record(entry.highestDelivered + 1, atMs: nowMs)
            progress[partition] = entry
        }
    }

    private func expire(_ member: GroupMember, topics: [String: Topic]) {
        let timeout = member.options.sessionTimeoutMs
        members[member.memberId] = nil
        events.append(.memberTimedOut(group: name, memberId: member.memberId, sessionTimeoutMs: timeout, lostPartitions: member.owned))
        let expiredAt = member.lastHeartbeatMs + timeout
        if state == .preparingRebalance { phaseEndsAtMs = max(phaseEndsAtMs, expiredAt) }
        requestRebalance(
            reason: "member \(member.memberId) timed out (session.timeout.ms=\(timeout))", atMs: expiredAt, topics: topics)
    }

    /// The partition counts of the existing topics.
    func partitionCounts(_ topics: [String: Topic]) -> [String: Int] {
        topics.mapValues { $0.partitions.count }
    }

    /// Partition counts of the existing topics the members subscribe to (Kafka's metadata view).
    func subscribedTopicCounts(_ topics: [String: Topic]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for topic in Set(members.values.flatMap(\.options.topics)) { counts[topic] = topics[topic]?.partitions.count }
        return counts
    }

    /// The partitions the group reads or has committed: subscribed topics plus committed partitions.
    func trackedPartitions(_ topics: [String: Topic]) -> [TopicPartition] {
        var tracked = Set(progress.filter { $0.value.committed != nil }.keys)
        for topic in Set(members.values.flatMap(\.options.topics)) {
            guard let partitions = topics[topic]?.partitions.count else { continue }
            for index in 0..<partitions { tracked.insert(TopicPartition(topic, index)) }
        }
        return tracked.sorted()
    }
}
