import StreamLog

/// The rebalance listener, and the leader's assignor.
extension ConsumerClient {
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
}
