import StreamLog

/// Lag as the engine reads it: the monitor above the backend, fed with the consumers' progress.
extension Engine {
    /// A group's lag, rates and Burrow status.
    func lag(_ consumer: ConsumerRuntime, nowMs: Int64) throws(StreamLogError) -> GroupLag {
        try monitor.lag(group: consumer.name, consumers: consumer.progress, nowMs: nowMs)
    }

    /// A group's lag for the trend and history; nil before its first member joined. When the log
    /// cannot report it (the group went missing), the feed says so once per group.
    func reportedLag(_ consumer: ConsumerRuntime, nowMs: Int64) -> GroupLag? {
        guard consumer.clientCounter > 0 else { return nil }
        do {
            return try lag(consumer, nowMs: nowMs)
        } catch {
            if unreportable.insert(consumer.name).inserted {
                feed.append(FeedEntry(timeMs: nowMs, kind: .group(name: consumer.name, text: "\(consumer.name): no lag: \(error)")))
            }
            return nil
        }
    }

    /// The consumer groups the log knows, in creation order.
    public var groupNames: [String] { log.groupNames }

    /// `kafka-consumer-groups --describe` for a group, now.
    public func describe(group name: String) -> GroupDescription {
        monitor.describe(group: name, consumers: consumer(named: name)?.progress ?? ConsumerProgress(), nowMs: nowMs)
    }
}
