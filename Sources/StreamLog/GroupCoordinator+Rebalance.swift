/// Rebalances: the join phase (PreparingRebalance) and the sync phase (CompletingRebalance).
extension GroupCoordinator {
    /// Starts a rebalance, or lets a running join phase absorb the change.
    ///
    /// Every member but `joining` (which just sent its JoinGroup) must rejoin; simulated clients
    /// hear of it at once and do their pre-rebalance work (commit; eager: revoke everything). Under
    /// the eager protocol the broker's view of every assignment empties too: the group stops.
    func requestRebalance(reason: String, atMs: Int64, topics: [String: Topic], joining: String? = nil) {
        if state == .preparingRebalance { return }
        let wasCompleting = state == .completingRebalance
        let initialDelay = state == .empty ? settings.initialRebalanceDelayMs : 0
        state = .preparingRebalance
        rebalanceStartedAtMs = atMs
        phaseEndsAtMs = atMs + initialDelay + settings.joinPhaseMs
        pendingAssignment = nil
        leaderId = nil
        guard !members.isEmpty else { return }
        events.append(.rebalanceStarted(group: name, reason: reason, protocol: rebalanceProtocol))
        let ordered = orderedMembers
        for member in ordered where member.memberId != joining { member.rejoined = false }
        for member in ordered where member.memberId != joining { member.client?.rebalanceStarted(group: name, nowMs: atMs) }
        guard !wasCompleting, rebalanceProtocol == .eager else { return }
        for member in ordered { member.assignment = [] }
    }

    /// Moves through whichever rebalance phases have ended by `nowMs`.
    func advanceRebalance(nowMs: Int64, topics: [String: Topic]) {
        while true {
            switch state {
            case .preparingRebalance:
                if members.isEmpty {
                    generation += 1
                    state = .empty
                    return
                }
                guard nowMs >= phaseEndsAtMs, members.values.allSatisfy(\.rejoined) else { return }
                completeJoin(nowMs: nowMs, topics: topics)
            case .completingRebalance:
                guard nowMs >= phaseEndsAtMs, pendingAssignment != nil else { return }
                completeSync(topics: topics)
            case .empty, .stable, .dead:
                return
            }
        }
    }

    /// End of the join phase: next generation, a leader, and the JoinGroup responses (the leader's
    /// with every member's metadata, for the assignment it sends back in SyncGroup).
    private func completeJoin(nowMs: Int64, topics: [String: Topic]) {
        generation += 1
        let ordered = orderedMembers
        guard let leader = ordered.first else { return }
        leaderId = leader.memberId
        for member in ordered {
            member.generation = generation
            member.lastHeartbeatMs = max(member.lastHeartbeatMs, nowMs)
        }
        assignedTopicCounts = subscribedTopicCounts(topics)
        state = .completingRebalance
        phaseEndsAtMs += settings.syncPhaseMs
        protocolName = selectProtocol() ?? protocolName
        let selected = protocolName ?? AssignmentStrategy.range.kafkaName
        let metadata = ordered.map(\.metadata)
        let wireMetadata = wireMetadata(for: selected)
        for member in ordered {
            let isLeader = member === leader
            let response = JoinResponse(
                group: name, generation: generation, strategy: strategy ?? .range, protocolName: selected,
                leaderId: leader.memberId, memberId: member.memberId, members: isLeader ? metadata : [],
                memberMetadata: isLeader ? wireMetadata : [:])
            let assignment = member.client?.joined(response, nowMs: nowMs)
            if member === leader, let assignment { pendingAssignment = assignment }
        }
    }

    /// End of the sync phase: every member gets its part of the leader's assignment; members that
    /// gave partitions up (cooperative) rejoin at once to hand them over.
    private func completeSync(topics: [String: Topic]) {
        state = .stable
        let completedAt = phaseEndsAtMs
        let assignment = pendingAssignment ?? [:]
        pendingAssignment = nil
        events.append(.rebalanceCompleted(group: name, generation: generation, strategy: strategy ?? .range, protocol: rebalanceProtocol))
        var rejoining: [String] = []
        for member in orderedMembers {
            let target = (assignment[member.memberId] ?? []).sorted()
            member.assignment = target
            if member.client?.assigned(target, generation: generation, nowMs: completedAt) == true {
                rejoining.append(member.memberId)
            }
        }
        if !rejoining.isEmpty {
            requestRebalance(
                reason: "\(rejoining.joined(separator: ", ")) revoked partitions and re-joined to hand them over",
                atMs: completedAt, topics: topics)
        }
    }
}
