/// Consumer-group calls of the in-process log.
extension InProcessLog {
    func coordinator(_ group: String) throws(StreamLogError) -> GroupCoordinator {
        guard let coordinator = groups[group] else { throw .unknownGroup(group) }
        return coordinator
    }

    public func joinGroup(_ group: String, options: ConsumerOptions, nowMs: Int64) throws(StreamLogError) -> String {
        guard !group.isEmpty else { throw .invalidArgument("a group id must not be empty") }
        let coordinator: GroupCoordinator
        if let existing = groups[group] {
            coordinator = existing
        } else {
            coordinator = GroupCoordinator(name: group, settings: settings, events: events, random: random.fork("group:" + group))
            groups[group] = coordinator
            groupNames.append(group)
        }
        return try coordinator.join(options: options, nowMs: nowMs, topics: topics)
    }

    public func leaveGroup(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError) {
        try coordinator(group).leave(memberId: memberId, nowMs: nowMs, topics: topics)
    }

    public func crashMember(_ group: String, memberId: String) throws(StreamLogError) {
        try coordinator(group).crash(memberId: memberId)
    }

    public func heartbeat(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError) {
        try coordinator(group).heartbeat(memberId: memberId, nowMs: nowMs)
    }

    public func poll(_ group: String, memberId: String, maxRecords: Int, nowMs: Int64) throws(StreamLogError) -> [ConsumerRecord] {
        try coordinator(group).poll(memberId: memberId, maxRecords: maxRecords, nowMs: nowMs, topics: topics)
    }

    /// Polls like `poll(_:memberId:maxRecords:nowMs:)` but hands `body` the records where the log
    /// stores them, in runs valid during the call only, copying nothing; returns how many.
    @discardableResult
    public func poll(
        _ group: String, memberId: String, maxRecords: Int, nowMs: Int64,
        each body: (TopicPartition, RecordBatch) -> Void
    ) throws(StreamLogError) -> Int {
        try coordinator(group).poll(memberId: memberId, maxRecords: maxRecords, nowMs: nowMs, topics: topics, body)
    }

    public func commit(
        _ group: String, memberId: String, offsets: [TopicPartition: Int64]? = nil, generation: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) {
        try coordinator(group).commit(memberId: memberId, offsets: offsets, generation: generation, nowMs: nowMs, topics: topics)
    }

    public func group(_ group: String) throws(StreamLogError) -> GroupSnapshot {
        try coordinator(group).snapshot
    }

    public func lag(group: String, nowMs: Int64) throws(StreamLogError) -> GroupLag {
        try coordinator(group).lag(nowMs: nowMs, topics: topics, produceRates: produceRates)
    }

    public func describe(group: String, nowMs: Int64) -> GroupDescription {
        guard let coordinator = groups[group] else {
            return GroupDescription(group: group, state: .dead, notice: "Consumer group '\(group)' does not exist.", rows: [])
        }
        return coordinator.describe(nowMs: nowMs, topics: topics, produceRates: produceRates)
    }
}
