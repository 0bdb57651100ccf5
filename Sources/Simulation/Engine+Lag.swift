import StreamLog

/// Lag as the engine reads it: the monitor above the backend, fed with the consumers' progress.
extension Engine {
    /// A group's lag, rates and Burrow status.
    func lag(_ consumer: ConsumerRuntime, nowMs: Int64) throws(StreamLogError) -> GroupLag {
        try monitor.lag(group: consumer.name, consumers: consumer.progress, nowMs: nowMs)
    }

    /// A group's lag for the trend and history; nil before its first member joined. When the log
    /// cannot report it (the group went missing), it is a log problem: said once in the feed.
    func reportedLag(_ consumer: ConsumerRuntime, nowMs: Int64) -> GroupLag? {
        guard consumer.clientCounter > 0 else { return nil }
        do {
            return try lag(consumer, nowMs: nowMs)
        } catch {
            noteLogProblem(.group(name: consumer.name, text: "\(consumer.name): no lag: \(error)"), nowMs: nowMs)
            return nil
        }
    }

    /// Counts what the log refused or could not report about a group or a topic (a `.group` or
    /// `.topic` feed line); the feed says it the first time.
    func noteLogProblem(_ kind: FeedEntry.Kind, nowMs: Int64) {
        let entry = FeedEntry(timeMs: nowMs, kind: kind)
        let text: String
        switch kind {
        case .group(_, let line), .topic(_, let line), .script(let line): text = line
        case .record, .clientRecord: return
        }
        if logProblems.note(subject: entry.subject ?? "", text) { feed.append(entry) }
    }

    /// The consumer groups the log knows, in creation order.
    public var groupNames: [String] { log.groupNames }

    /// `kafka-consumer-groups --describe` for a group, now.
    public func describe(group name: String) -> GroupDescription {
        monitor.describe(group: name, consumers: consumer(named: name)?.progress ?? ConsumerProgress(), nowMs: nowMs)
    }
}
