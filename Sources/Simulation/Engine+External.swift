import StreamLog

/// Records and topics that come from outside the scenario: real Kafka clients through the listener.
extension Engine {
    /// Creates a topic a Kafka client asked for, with one partition (Kafka's
    /// `auto.create.topics.enable` default); false when the log refuses the name.
    public func createExternalTopic(_ name: String) -> Bool {
        guard !log.topicNames.contains(name) else { return true }
        do {
            try log.createTopic(name, config: TopicConfig(partitions: 1))
        } catch {
            return false
        }
        topicRecords[name] = RateMeter(tickMs: tickMs)
        topicBytes[name] = RateMeter(tickMs: tickMs)
        topicTotals[name] = (0, 0)
        externalTopics.append(name)
        return true
    }
}
