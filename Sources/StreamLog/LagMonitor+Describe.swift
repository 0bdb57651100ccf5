/// `kafka-consumer-groups.sh --describe` from what the backend reports.
extension LagMonitor {
    /// Members with partitions (most partitions first), each member's partitions sorted by
    /// partition; then committed partitions nobody owns, with `-` for the member columns. Never
    /// throws: an unknown group says so in `notice`.
    public func describe(group name: String, consumers: ConsumerProgress, nowMs: Int64) -> GroupDescription {
        guard let group = try? backend.group(name), let lag = try? lag(group: name, consumers: consumers, nowMs: nowMs) else {
            return GroupDescription(group: name, state: .dead, notice: "Consumer group '\(name)' does not exist.", rows: [])
        }
        let lagByPartition = Dictionary(uniqueKeysWithValues: lag.partitions.map { ($0.topicPartition, $0) })
        var rows: [DescribeRow] = []
        func row(_ topicPartition: TopicPartition, _ member: MemberSnapshot?) -> DescribeRow? {
            guard let lag = lagByPartition[topicPartition] else { return nil }
            return DescribeRow(
                group: name, topic: topicPartition.topic, partition: topicPartition.partition, currentOffset: lag.committedOffset,
                logEndOffset: lag.logEndOffset, lag: lag.describeLag, consumerId: member?.memberId, host: member?.host,
                clientId: member?.clientId, logStartOffset: lag.logStartOffset, lagMs: lag.describeLagMs)
        }
        let byPartition: (TopicPartition, TopicPartition) -> Bool = {
            $0.partition != $1.partition ? $0.partition < $1.partition : $0 < $1
        }
        let owning = group.members.filter { !$0.assignment.isEmpty }.enumerated()
            .sorted {
                $0.element.assignment.count != $1.element.assignment.count
                    ? $0.element.assignment.count > $1.element.assignment.count : $0.offset < $1.offset
            }
            .map(\.element)
        var owned = Set<TopicPartition>()
        for member in owning {
            for topicPartition in member.assignment.sorted(by: byPartition) {
                owned.insert(topicPartition)
                if let row = row(topicPartition, member) { rows.append(row) }
            }
        }
        let unowned = lag.partitions.filter { $0.committedOffset != nil && !owned.contains($0.topicPartition) }
            .map(\.topicPartition).sorted(by: byPartition)
        for topicPartition in unowned { if let row = row(topicPartition, nil) { rows.append(row) } }
        let notice: String? =
            switch group.state {
            case .empty: "Consumer group '\(name)' has no active members."
            case .preparingRebalance, .completingRebalance: "Warning: Consumer group '\(name)' is rebalancing."
            case .dead: "Consumer group '\(name)' does not exist."
            case .stable: nil
            }
        return GroupDescription(group: name, state: group.state, notice: notice, rows: rows)
    }
}
