/// The coordinator's calls of the in-process log.
extension InProcessLog {
    func coordinator(_ group: String) throws(StreamLogError) -> GroupCoordinator {
        guard let coordinator = groups[group] else { throw .unknownGroup(group) }
        return coordinator
    }

    public func joinGroup(
        _ group: String, memberId: String?, options: ConsumerOptions, ownedPartitions: [TopicPartition] = [],
        client: GroupMemberClient?, nowMs: Int64
    ) throws(StreamLogError) -> String {
        guard !group.isEmpty else { throw .invalidArgument("a group id must not be empty") }
        let coordinator: GroupCoordinator
        if let existing = groups[group] {
            coordinator = existing
        } else {
            guard memberId == nil else { throw .unknownGroup(group) }
            coordinator = createGroup(group)
        }
        return try coordinator.join(
            memberId: memberId, options: options, ownedPartitions: ownedPartitions, client: client, nowMs: nowMs, topics: topics)
    }

    public func syncGroup(_ group: String, memberId: String, generation: Int, assignment: [String: [TopicPartition]]?)
        throws(StreamLogError)
    {
        try coordinator(group).sync(memberId: memberId, generation: generation, assignment: assignment)
    }

    public func heartbeat(_ group: String, memberId: String, generation: Int, nowMs: Int64) throws(StreamLogError) {
        try coordinator(group).heartbeat(memberId: memberId, generation: generation, nowMs: nowMs)
    }

    public func leaveGroup(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError) {
        try coordinator(group).leave(memberId: memberId, nowMs: nowMs, topics: topics)
    }

    /// OffsetCommit. With no member id and a negative generation it is a commit from outside
    /// the group (`assign()` and commit, an admin tool), which Kafka takes only while the group
    /// has no members — creating it if needed.
    public func commitOffsets(
        _ group: String, memberId: String, generation: Int, offsets: [TopicPartition: Int64], nowMs: Int64
    ) throws(StreamLogError) {
        if memberId.isEmpty, generation < 0 {
            guard !group.isEmpty else { throw .invalidArgument("a group id must not be empty") }
            try (groups[group] ?? createGroup(group)).commitFromOutside(offsets, nowMs: nowMs, topics: topics)
            return
        }
        try coordinator(group).commit(memberId: memberId, offsets: offsets, generation: generation, nowMs: nowMs, topics: topics)
    }

    /// A new, empty group named `group`.
    private func createGroup(_ group: String) -> GroupCoordinator {
        let coordinator = GroupCoordinator(name: group, settings: settings, events: events, random: random.fork("group:" + group))
        groups[group] = coordinator
        groupNames.append(group)
        return coordinator
    }

    public func committedOffsets(group: String) throws(StreamLogError) -> [TopicPartition: CommittedOffset] {
        try coordinator(group).committed
    }

    public func group(_ group: String) throws(StreamLogError) -> GroupSnapshot {
        try coordinator(group).snapshot
    }
}
