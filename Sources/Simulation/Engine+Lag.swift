import StreamLog

/// Lag as the engine reads it: the monitor above the backend, fed with the consumers' progress.
extension Engine {
    /// A group's lag, rates and Burrow status.
    func lag(_ consumer: ConsumerRuntime, nowMs: Int64) throws(StreamLogError) -> GroupLag {
        try monitor.lag(group: consumer.name, consumers: consumer.progress, nowMs: nowMs)
    }

    /// The consumer groups the log knows, in creation order.
    public var groupNames: [String] { log.groupNames }

    /// `kafka-consumer-groups --describe` for a group, now.
    public func describe(group name: String) -> GroupDescription {
        monitor.describe(group: name, consumers: consumer(named: name)?.progress ?? ConsumerProgress(), nowMs: nowMs)
    }
}
