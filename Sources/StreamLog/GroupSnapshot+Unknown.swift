/// What describes a group the log cannot report.
extension GroupSnapshot {
    /// A group the log has no description of: state Dead, no generation, no members (what
    /// `kafka-consumer-groups --describe` shows for a group the coordinator does not know).
    public static func unknown(_ group: String) -> GroupSnapshot {
        GroupSnapshot(group: group, state: .dead, generation: 0, strategy: nil, rebalanceProtocol: .eager, members: [])
    }
}

extension GroupLag {
    /// The lag of a group the log cannot report: no partitions, Burrow's NOTFOUND.
    public static func notFound(_ group: String) -> GroupLag {
        GroupLag(
            group: group, state: .dead, generation: 0, partitions: [], totalLag: 0, maxLag: nil, maxLagMs: nil, produceRate: 0,
            consumeRate: 0, status: .notFound, duplicates: 0)
    }
}
