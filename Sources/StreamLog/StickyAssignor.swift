/// The sticky assignment (Kafka's `StickyAssignor`, also the core of `CooperativeStickyAssignor`):
/// balance first (partition counts differ by at most one), then keep as many previously owned
/// partitions as balance allows. Freed partitions go, in topic/partition order, to the eligible
/// member with the fewest partitions (ties: Kafka member order).
public struct StickyAssignor: PartitionAssignor {
    public init() {}

    public func assign(members: [AssignorMember], partitionCounts: [String: Int]) -> [String: [TopicPartition]] {
        var assignment = emptyAssignment(members)
        let sorted = members.sorted(by: AssignorMember.kafkaOrder)
        guard !sorted.isEmpty else { return assignment }
        let all = subscribedTopics(members, partitionCounts).flatMap { topic in
            (0..<(partitionCounts[topic] ?? 0)).map { TopicPartition(topic, $0) }
        }
        let uniform = Set(sorted.map { Set($0.topics) }).count == 1
        var taken = Set<TopicPartition>()
        let minQuota = all.count / sorted.count
        var slotsOverMin = all.count % sorted.count
        for member in sorted {
            let valid = member.ownedPartitions.filter {
                $0.partition < (partitionCounts[$0.topic] ?? 0) && member.topics.contains($0.topic) && !taken.contains($0)
            }
            var keep = valid.count
            if uniform {
                if valid.count > minQuota && slotsOverMin > 0 {
                    keep = minQuota + 1
                    slotsOverMin -= 1
                } else {
                    keep = min(valid.count, minQuota)
                }
            }
            let kept = Array(valid.prefix(keep))
            assignment[member.memberId] = kept
            taken.formUnion(kept)
        }
        for partition in all where !taken.contains(partition) {
            let eligible = sorted.filter { $0.topics.contains(partition.topic) }
            guard let first = eligible.first else { continue }
            var target = first.memberId
            for member in eligible where (assignment[member.memberId]?.count ?? 0) < (assignment[target]?.count ?? 0) {
                target = member.memberId
            }
            assignment[target, default: []].append(partition)
        }
        if !uniform { rebalance(&assignment, sorted) }
        return assignment
    }

    /// Moves partitions from a member with 2+ more to an eligible member with fewer, until none can move.
    private func rebalance(_ assignment: inout [String: [TopicPartition]], _ sorted: [AssignorMember]) {
        var moved = true
        while moved {
            moved = false
            search: for giver in sorted {
                for taker in sorted where giver.memberId != taker.memberId {
                    let giving = assignment[giver.memberId] ?? []
                    guard giving.count >= (assignment[taker.memberId]?.count ?? 0) + 2,
                        let index = giving.lastIndex(where: { taker.topics.contains($0.topic) })
                    else { continue }
                    let partition = giving[index]
                    assignment[giver.memberId]?.remove(at: index)
                    assignment[taker.memberId, default: []].append(partition)
                    moved = true
                    break search
                }
            }
        }
    }
}
