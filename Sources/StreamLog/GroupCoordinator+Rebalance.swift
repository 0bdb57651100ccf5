/// Rebalances: the join phase (PreparingRebalance), the sync phase (CompletingRebalance), and the
/// eager and cooperative ways of moving partitions.
extension GroupCoordinator {
    /// Starts a rebalance, or lets a running join phase absorb the change.
    ///
    /// Eager: every member commits (unless manual) and revokes all its partitions now: the group
    /// stops. Cooperative: members keep consuming; only moving partitions are revoked, at sync.
    func requestRebalance(reason: String, atMs: Int64, topics: [String: Topic]) {
        if state == .preparingRebalance { return }
        let wasCompleting = state == .completingRebalance
        let initialDelay = state == .empty ? settings.initialRebalanceDelayMs : 0
        state = .preparingRebalance
        phaseEndsAtMs = atMs + initialDelay + settings.joinPhaseMs
        pendingAssignment = [:]
        guard !members.isEmpty else { return }
        events.append(.rebalanceStarted(group: name, reason: reason, protocol: rebalanceProtocol))
        guard !wasCompleting else { return }
        for member in orderedMembers where !member.crashed {
            commitOnPolicy(member, partitions: member.owned, nowMs: atMs, topics: topics)
        }
        guard rebalanceProtocol == .eager else { return }
        for member in orderedMembers {
            member.previousAssignment = member.owned
            if !member.owned.isEmpty && !member.crashed {
                events.append(.partitionsRevoked(group: name, memberId: member.memberId, partitions: member.owned))
            }
            member.owned = []
            member.positions = [:]
        }
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
                guard nowMs >= phaseEndsAtMs, !members.values.contains(where: \.crashed) else { return }
                completeJoin(topics: topics)
            case .completingRebalance:
                guard nowMs >= phaseEndsAtMs else { return }
                completeSync(topics: topics)
            case .empty, .stable, .dead:
                return
            }
        }
    }

    /// End of the join phase: next generation, the leader's assignment is computed.
    private func completeJoin(topics: [String: Topic]) {
        generation += 1
        let ordered = orderedMembers
        for member in ordered { member.generation = generation }
        let eager = rebalanceProtocol == .eager
        let input = ordered.map { member in
            var view = member.assignorView
            if eager { view.ownedPartitions = member.previousAssignment }
            return view
        }
        var assignment = (strategy ?? .range).assignor.assign(members: input, partitionCounts: partitionCounts(topics))
        if !eager {
            var owner: [TopicPartition: String] = [:]
            for member in ordered { for partition in member.owned { owner[partition] = member.memberId } }
            for (memberId, partitions) in assignment {
                assignment[memberId] = partitions.filter { owner[$0] == nil || owner[$0] == memberId }
            }
        }
        pendingAssignment = assignment
        assignedTopicCounts = subscribedTopicCounts(topics)
        state = .completingRebalance
        phaseEndsAtMs += settings.syncPhaseMs
    }

    /// End of the sync phase: members get their assignment; cooperative losers revoke and rejoin.
    private func completeSync(topics: [String: Topic]) {
        state = .stable
        let completedAt = phaseEndsAtMs
        let ordered = orderedMembers
        events.append(.rebalanceCompleted(group: name, generation: generation, strategy: strategy ?? .range, protocol: rebalanceProtocol))
        var revokers: [String] = []
        for member in ordered {
            let target = (pendingAssignment[member.memberId] ?? []).sorted()
            let revoked = member.owned.filter { !target.contains($0) }
            if !revoked.isEmpty {
                commitOnPolicy(member, partitions: revoked, nowMs: completedAt, topics: topics)
                events.append(.partitionsRevoked(group: name, memberId: member.memberId, partitions: revoked))
                for partition in revoked { member.positions[partition] = nil }
                revokers.append(member.memberId)
            }
            let added = target.filter { !member.owned.contains($0) }
            member.owned = target
            member.previousAssignment = target
            events.append(.partitionsAssigned(group: name, memberId: member.memberId, partitions: added))
        }
        pendingAssignment = [:]
        if !revokers.isEmpty {
            requestRebalance(
                reason: "\(revokers.joined(separator: ", ")) revoked partitions and re-joined to hand them over",
                atMs: completedAt, topics: topics)
        }
    }
}
