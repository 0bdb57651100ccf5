/// `--describe` for a group.
extension GroupCoordinator {
    /// Members with partitions (most partitions first), each member's partitions sorted by
    /// partition; then committed partitions nobody owns, with `-` for the member columns.
    func describe(nowMs: Int64, topics: [String: Topic], produceRates: [TopicPartition: RateWindow]) -> GroupDescription {
        let lagByPartition = Dictionary(
            uniqueKeysWithValues: lag(nowMs: nowMs, topics: topics, produceRates: produceRates).partitions.map { ($0.topicPartition, $0) })
        var rows: [DescribeRow] = []
        func row(_ topicPartition: TopicPartition, _ member: GroupMember?) -> DescribeRow? {
            guard let lag = lagByPartition[topicPartition] else { return nil }
            return DescribeRow(
                group: name, topic: topicPartition.topic, partition: topicPartition.partition, currentOffset: lag.committedOffset,
                logEndOffset: lag.logEndOffset, lag: lag.describeLag, consumerId: member?.memberId, host: member?.options.host,
                clientId: member?.clientId, logStartOffset: lag.logStartOffset, lagMs: lag.describeLagMs)
        }
        let byPartition: (TopicPartition, TopicPartition) -> Bool = {
            $0.partition != $1.partition ? $0.partition < $1.partition : $0 < $1
        }
        let owning = orderedMembers.filter { !$0.owned.isEmpty }.enumerated()
            .sorted { $0.element.owned.count != $1.element.owned.count ? $0.element.owned.count > $1.element.owned.count : $0.offset < $1.offset }
            .map(\.element)
        var owned = Set<TopicPartition>()
        for member in owning {
            for topicPartition in member.owned.sorted(by: byPartition) {
                owned.insert(topicPartition)
                if let row = row(topicPartition, member) { rows.append(row) }
            }
        }
        let unowned = progress.filter { $0.value.committed != nil && !owned.contains($0.key) }.keys.sorted(by: byPartition)
        for topicPartition in unowned { if let row = row(topicPartition, nil) { rows.append(row) } }
        let notice: String? =
            switch state {
            case .empty: "Consumer group '\(name)' has no active members."
            case .preparingRebalance, .completingRebalance: "Warning: Consumer group '\(name)' is rebalancing."
            case .dead: "Consumer group '\(name)' does not exist."
            case .stable: nil
            }
        return GroupDescription(group: name, state: state, notice: notice, rows: rows)
    }
}
