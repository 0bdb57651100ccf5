import StreamLog

/// Groups only real Kafka clients joined (through the listener): the log has them, the scenario
/// does not. They are shown like any other group, from what the log and the lag monitor know
/// (membership, commits, log ends); what only a simulated consumer knows (processing time,
/// latency, its position between commits) stays empty.
extension Engine {
    /// The groups in the log that no scenario group or processor drives, in creation order.
    var externalGroupNames: [String] {
        let driven = Set(consumerNames)
        return log.groupNames.filter { !driven.contains($0) }
    }

    /// An external group's status for the dashboard; nil when the log no longer reports it.
    func externalGroupStatus(_ name: String) -> GroupStatus? {
        guard let membership = try? log.group(name),
              let lag = try? monitor.lag(group: name, consumers: ConsumerProgress(), nowMs: nowMs) else { return nil }
        var topics: [String] = []
        for topic in membership.members.flatMap(\.topics) + lag.partitions.map(\.topicPartition.topic) where !topics.contains(topic) {
            topics.append(topic)
        }
        return GroupStatus(
            name: name, isProcessor: false, topics: topics, membership: membership, lag: lag, lagHistory: [], lagDirection: nil,
            consumedPerSecond: lag.consumeRate, consumedHistory: [], consumed: 0, paused: false, stopped: false,
            perRecordMs: 0, configuredPerRecordMs: 0, latencyP50Ms: nil, latencyP99Ms: nil, liveMembers: membership.members.count)
    }
}
