import KafkaWire
import StreamLog

/// A real Kafka client in a group, as the coordinator reaches it: the callbacks answer the
/// client's pending JoinGroup and SyncGroup, encoding what the coordinator decided in the
/// consumer protocol.
final class WireGroupMember: GroupMemberClient {
    let group: String
    /// The id the coordinator gave it.
    var memberId = ""
    /// Its JoinGroup waiting for the join phase to end.
    var pendingJoin: DeferredReply?
    /// Its SyncGroup waiting for the leader's assignment.
    var pendingSync: DeferredReply?

    init(group: String) { self.group = group }

    /// A rebalance started: nothing to send now (the next heartbeat answers REBALANCE_IN_PROGRESS),
    /// but a SyncGroup still waiting belongs to a generation that will never complete.
    func rebalanceStarted(group: String, nowMs: Int64) {
        guard let sync = pendingSync else { return }
        pendingSync = nil
        sync.respond(SyncGroupResponse(errorCode: .rebalanceInProgress, assignment: []).encoded(version: sync.version))
    }

    /// The join phase ended: the JoinGroup response, with every member's subscription for the leader.
    func joined(_ response: JoinResponse, nowMs: Int64) -> [String: [TopicPartition]]? {
        guard let join = pendingJoin else { return nil }
        pendingJoin = nil
        let members = response.members.map { member in
            JoinGroupResponse.Member(
                memberId: member.memberId, groupInstanceId: member.groupInstanceId,
                metadata: response.memberMetadata[member.memberId] ?? Self.subscription(member).encoded())
        }
        join.respond(JoinGroupResponse(
            generationId: Int32(response.generation), protocolName: response.protocolName, leader: response.leaderId,
            memberId: response.memberId, members: members).encoded(version: join.version))
        return nil
    }

    /// The sync phase ended: this member's partitions as a ConsumerProtocolAssignment.
    func assigned(_ partitions: [TopicPartition], generation: Int, nowMs: Int64) -> Bool {
        guard let sync = pendingSync else { return false }
        pendingSync = nil
        sync.respond(SyncGroupResponse(assignment: Self.assignment(partitions).encoded()).encoded(version: sync.version))
        return false
    }

    /// A simulated member's subscription as a wire leader reads it (v1: topics and owned partitions).
    static func subscription(_ member: AssignorMember) -> ConsumerProtocolSubscription {
        ConsumerProtocolSubscription(version: 1, topics: member.topics, ownedPartitions: byTopic(member.ownedPartitions))
    }

    /// `partitions` as assignment bytes every client reads (v0).
    static func assignment(_ partitions: [TopicPartition]) -> ConsumerProtocolAssignment {
        ConsumerProtocolAssignment(version: 0, partitions: byTopic(partitions))
    }

    /// Partitions grouped by topic, topics in first-seen order, partitions sorted.
    static func byTopic(_ partitions: [TopicPartition]) -> [ConsumerProtocolTopic] {
        var order: [String] = []
        var numbers: [String: [Int32]] = [:]
        for partition in partitions {
            if numbers[partition.topic] == nil { order.append(partition.topic) }
            numbers[partition.topic, default: []].append(Int32(partition.partition))
        }
        return order.map { ConsumerProtocolTopic(topic: $0, partitions: (numbers[$0] ?? []).sorted()) }
    }

    /// Assignment topics as the log's partitions.
    static func partitions(_ topics: [ConsumerProtocolTopic]) -> [TopicPartition] {
        topics.flatMap { topic in topic.partitions.map { TopicPartition(topic.topic, Int($0)) } }
    }
}

/// Which wire member: its group and member id.
struct WireMemberKey: Hashable {
    var group: String
    var memberId: String
}
