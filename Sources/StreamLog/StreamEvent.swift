/// Something that happened in the log, for the dashboard's feed.
public enum StreamEvent: Equatable, Sendable, CustomStringConvertible {
    case memberJoined(group: String, memberId: String, clientId: String, groupInstanceId: String?)
    case memberLeft(group: String, memberId: String)
    /// The member stopped (crashed): it no longer heartbeats, and is removed after the session timeout.
    case memberCrashed(group: String, memberId: String)
    case memberTimedOut(group: String, memberId: String, sessionTimeoutMs: Int64, lostPartitions: [TopicPartition])
    /// The member kept its session but did not rejoin within the rebalance timeout: removed, as Kafka does.
    case memberMissedRebalance(group: String, memberId: String, rebalanceTimeoutMs: Int64)
    case rebalanceStarted(group: String, reason: String, protocol: RebalanceProtocol)
    case rebalanceCompleted(group: String, generation: Int, strategy: AssignmentStrategy, protocol: RebalanceProtocol)
    case partitionsRevoked(group: String, memberId: String, partitions: [TopicPartition])
    case partitionsAssigned(group: String, memberId: String, partitions: [TopicPartition])
    /// A consumer position was set by `auto.offset.reset`; `from` is nil when there was no committed offset.
    case offsetReset(
        group: String, memberId: String, topicPartition: TopicPartition, from: Int64?, to: Int64,
        policy: OffsetResetPolicy, logStartOffset: Int64)
    case segmentDeleted(SegmentDeletion)
    case commitRejected(group: String, memberId: String, error: StreamLogError)
    /// A consumer's poll was refused (the records stay where they are; the next poll tries again).
    case pollFailed(group: String, memberId: String, error: StreamLogError)
    /// A consumer's heartbeat (or the JoinGroup it rejoins with) was refused.
    case heartbeatFailed(group: String, memberId: String, error: StreamLogError)
    /// Records at or below the highest offset the group had already been given (at-least-once).
    case recordsRedelivered(group: String, memberId: String, topicPartition: TopicPartition, count: Int64)
    /// A cluster backend lost a broker or every broker (its client library's error event).
    case clusterFault(String)
    /// A cluster backend reaches its brokers again after a fault.
    case clusterRecovered(String)

    public var description: String {
        switch self {
        case .memberJoined(let group, let member, let client, let instance):
            "\(group): \(member) joined (client.id \(client)\(instance.map { ", static \($0)" } ?? ""))"
        case .memberLeft(let group, let member):
            "\(group): \(member) left the group"
        case .memberCrashed(let group, let member):
            "\(group): \(member) crashed and stopped heartbeating"
        case .memberTimedOut(let group, let member, let timeout, let lost):
            "\(group): \(member) timed out after session.timeout.ms=\(timeout), partitions lost: \(lost.listing)"
        case .memberMissedRebalance(let group, let member, let timeout):
            "\(group): \(member) did not rejoin within the rebalance timeout (\(timeout) ms) and was removed"
        case .rebalanceStarted(let group, let reason, let proto):
            "\(group): rebalance started (\(proto.rawValue)): \(reason)"
        case .rebalanceCompleted(let group, let generation, let strategy, let proto):
            "\(group): rebalance completed, generation \(generation), \(strategy.kafkaName) (\(proto.rawValue))"
        case .partitionsRevoked(let group, let member, let partitions):
            "\(group): \(member) revoked \(partitions.listing)"
        case .partitionsAssigned(let group, let member, let partitions):
            "\(group): \(member) assigned \(partitions.listing)"
        case .offsetReset(let group, _, let tp, let from, let to, let policy, let logStart):
            if let from {
                "\(group): fetch position \(from) is out of range for partition \(tp) (log starts at \(logStart)), resetting offset to \(to) (auto.offset.reset=\(policy.rawValue))"
            } else {
                "\(group): no committed offset for partition \(tp), resetting offset to \(to) (auto.offset.reset=\(policy.rawValue))"
            }
        case .segmentDeleted(let deletion):
            "\(deletion.topicPartition): \(deletion.segmentCount) segment(s) with \(deletion.recordCount) records deleted by \(deletion.reason.rawValue), log-start offset now \(deletion.newLogStartOffset)"
        case .commitRejected(let group, let member, let error):
            "\(group): commit by \(member) rejected: \(error)"
        case .pollFailed(let group, let member, let error):
            "\(group): poll by \(member) failed: \(error)"
        case .heartbeatFailed(let group, let member, let error):
            "\(group): heartbeat by \(member) failed: \(error)"
        case .recordsRedelivered(let group, let member, let tp, let count):
            "\(group): \(count) records of \(tp) re-delivered to \(member) (at-least-once duplicates)"
        case .clusterFault(let message):
            "cluster: \(message)"
        case .clusterRecovered(let message):
            "cluster: \(message)"
        }
    }
}
