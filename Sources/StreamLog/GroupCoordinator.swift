/// One consumer group under the classic protocol, in the broker's role only: membership,
/// generations, join → sync → stable, heartbeats and session timeouts, and the offset store.
///
/// Positions, polling and auto-commit belong to the consumers (clients); the assignment comes
/// from the group leader's SyncGroup.
final class GroupCoordinator {
    let name: String
    let settings: LogSettings
    let events: EventLog
    var random: SeededRandom
    var state = GroupState.empty
    var generation = 0
    /// The protocol (assignor) the group selected when its last join phase ended; until then,
    /// its first member's preference.
    var protocolName: String?
    /// The protocol type every member joined with ("consumer").
    var protocolType: String?
    var members: [String: GroupMember] = [:]
    /// Committed offsets and Burrow's commit windows.
    var offsets: [TopicPartition: PartitionProgress] = [:]
    /// When the current rebalance phase ends (at the earliest).
    var phaseEndsAtMs: Int64 = 0
    /// When the join phase under way started (its members' rebalance timeouts count from here).
    var rebalanceStartedAtMs: Int64 = 0
    /// The member chosen to compute the assignment in the current generation.
    var leaderId: String?
    /// The leader's SyncGroup assignment, handed out when the sync phase ends.
    var pendingAssignment: [String: [TopicPartition]]?
    /// The `<n>` of the next default client id `consumer-<group>-<n>`.
    var nextClientNumber = 1
    /// Partition counts of the subscribed topics when the last assignment was computed.
    var assignedTopicCounts: [String: Int] = [:]

    init(name: String, settings: LogSettings, events: EventLog, random: SeededRandom) {
        self.name = name
        self.settings = settings
        self.events = events
        self.random = random
    }

    /// The selected protocol as a strategy streamstage runs (nil for an assignor only a wire client has).
    var strategy: AssignmentStrategy? { protocolName.flatMap(AssignmentStrategy.init(kafkaName:)) }

    var rebalanceProtocol: RebalanceProtocol { strategy?.rebalanceProtocol ?? .eager }

    /// Members in Kafka's order: static by instance id first, then by member id.
    var orderedMembers: [GroupMember] {
        members.values.sorted { AssignorMember.kafkaOrder($0.metadata, $1.metadata) }
    }

    func member(_ memberId: String) throws(StreamLogError) -> GroupMember {
        guard let member = members[memberId] else { throw .unknownMember(group: name, memberId: memberId) }
        return member
    }

    /// JoinGroup. Without `memberId` a new member is added (and a rebalance starts); with it, an
    /// existing member rejoins the rebalance under way, sending the partitions it owns.
    func join(
        memberId existing: String?, options: ConsumerOptions, ownedPartitions: [TopicPartition], client: GroupMemberClient?,
        nowMs: Int64, topics: [String: Topic]
    ) throws(StreamLogError) -> String {
        if let existing {
            let member = try member(existing)
            member.metadata.ownedPartitions = ownedPartitions
            if !options.protocols.isEmpty {
                member.metadata.topics = options.topics
                member.protocols = options.protocols
            }
            member.lastHeartbeatMs = max(member.lastHeartbeatMs, nowMs)
            member.rejoined = true
            if state != .preparingRebalance {
                requestRebalance(reason: "member \(existing) re-joined", atMs: nowMs, topics: topics, joining: existing)
            }
            return existing
        }
        let offered = options.protocolNames
        guard !offered.isEmpty else { throw .invalidArgument("a JoinGroup must offer at least one protocol") }
        if !members.isEmpty {
            let supported = supportedProtocols
            guard options.protocolType == protocolType, offered.contains(where: supported.contains) else {
                throw .inconsistentGroupProtocol(
                    group: name, offered: offered, groupSupports: options.protocolType == protocolType ? supported : [])
            }
        }
        guard options.sessionTimeoutMs > 0 else { throw .invalidArgument("session.timeout.ms must be positive") }
        if members.isEmpty {
            protocolName = offered[0]
            protocolType = options.protocolType
        }
        let clientId = options.clientId ?? "consumer-\(name)-\(nextClientNumber)"
        if options.clientId == nil { nextClientNumber += 1 }
        let memberId = clientId + "-" + random.uuid()
        members[memberId] = GroupMember(
            memberId: memberId, clientId: clientId, options: options, ownedPartitions: ownedPartitions, client: client, nowMs: nowMs)
        events.append(.memberJoined(group: name, memberId: memberId, clientId: clientId, groupInstanceId: options.groupInstanceId))
        requestRebalance(reason: "member \(memberId) joined", atMs: nowMs, topics: topics, joining: memberId)
        return memberId
    }

    /// LeaveGroup: the member is removed at once and the rest rebalance.
    func leave(memberId: String, nowMs: Int64, topics: [String: Topic]) throws(StreamLogError) {
        _ = try member(memberId)
        members[memberId] = nil
        events.append(.memberLeft(group: name, memberId: memberId))
        requestRebalance(reason: "member \(memberId) left the group", atMs: nowMs, topics: topics)
    }

    /// Heartbeat: keeps the session alive. Answers REBALANCE_IN_PROGRESS while a join phase waits
    /// for this member to rejoin, ILLEGAL_GENERATION for a stale generation.
    func heartbeat(memberId: String, generation used: Int, nowMs: Int64) throws(StreamLogError) {
        let member = try member(memberId)
        member.lastHeartbeatMs = max(member.lastHeartbeatMs, nowMs)
        if state == .preparingRebalance {
            if !member.rejoined { throw .rebalanceInProgress(group: name) }
            return
        }
        if used != generation {
            throw .illegalGeneration(group: name, memberId: memberId, generation: used, current: generation)
        }
    }

    /// SyncGroup: the leader hands in the assignment; followers only wait for theirs. A SyncGroup
    /// arriving after the group became stable in the same generation is not an error: as in Kafka,
    /// the member gets the assignment it already has (see `GroupSnapshot`).
    func sync(memberId: String, generation used: Int, assignment: [String: [TopicPartition]]?) throws(StreamLogError) {
        _ = try member(memberId)
        if used != generation {
            throw .illegalGeneration(group: name, memberId: memberId, generation: used, current: generation)
        }
        if state == .stable { return }
        guard state == .completingRebalance else { throw .rebalanceInProgress(group: name) }
        if memberId == leaderId, let assignment { pendingAssignment = assignment }
    }

    /// Advances the group to `nowMs`: session timeouts, metadata changes and rebalance phases.
    func tick(nowMs: Int64, topics: [String: Topic]) {
        for member in orderedMembers where nowMs - member.lastHeartbeatMs >= member.sessionTimeoutMs {
            // A member whose JoinGroup waits for the join phase is parked, not expired (as in Kafka).
            if state == .preparingRebalance && member.rejoined { continue }
            expire(member, topics: topics)
        }
        evictMembersThatMissedTheRebalance(nowMs: nowMs, topics: topics)
        if state == .stable, subscribedTopicCounts(topics) != assignedTopicCounts {
            requestRebalance(reason: "subscribed topic metadata changed", atMs: nowMs, topics: topics)
        }
        advanceRebalance(nowMs: nowMs, topics: topics)
    }

    /// Kafka's end of a join phase that waited too long: once the members' longest rebalance
    /// timeout has passed since it started, the members that did not rejoin are removed (a live
    /// client that stopped polling), and the join completes with the rest.
    private func evictMembersThatMissedTheRebalance(nowMs: Int64, topics: [String: Topic]) {
        guard state == .preparingRebalance, let timeout = members.values.map(\.rebalanceTimeoutMs).max(),
              nowMs >= rebalanceStartedAtMs + timeout else { return }
        for member in orderedMembers where !member.rejoined {
            members[member.memberId] = nil
            events.append(.memberMissedRebalance(group: name, memberId: member.memberId, rebalanceTimeoutMs: member.rebalanceTimeoutMs))
        }
    }

    private func expire(_ member: GroupMember, topics: [String: Topic]) {
        let timeout = member.sessionTimeoutMs
        members[member.memberId] = nil
        events.append(
            .memberTimedOut(group: name, memberId: member.memberId, sessionTimeoutMs: timeout, lostPartitions: member.assignment))
        let expiredAt = member.lastHeartbeatMs + timeout
        if state == .preparingRebalance { phaseEndsAtMs = max(phaseEndsAtMs, expiredAt) }
        requestRebalance(
            reason: "member \(member.memberId) timed out (session.timeout.ms=\(timeout))", atMs: expiredAt, topics: topics)
    }

    /// Partition counts of the existing topics the members subscribe to (Kafka's metadata view).
    func subscribedTopicCounts(_ topics: [String: Topic]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for topic in Set(members.values.flatMap(\.metadata.topics)) { counts[topic] = topics[topic]?.partitions.count }
        return counts
    }
}
