import StreamLog

/// A group member that behaves like a client on the wire: it records the coordinator's
/// responses and sends nothing by itself (no background heartbeat, no automatic SyncGroup).
final class WireMember: GroupMemberClient {
    var rebalanceNotices: [Int64] = []
    var joins: [JoinResponse] = []
    var assignments: [[TopicPartition]] = []

    func rebalanceStarted(group: String, nowMs: Int64) { rebalanceNotices.append(nowMs) }

    func joined(_ response: JoinResponse, nowMs: Int64) -> [String: [TopicPartition]]? {
        joins.append(response)
        return nil
    }

    func assigned(_ partitions: [TopicPartition], generation: Int, nowMs: Int64) -> Bool {
        assignments.append(partitions)
        return false
    }
}
