/// Everything the log refuses, with the Kafka error name where there is one.
public enum StreamLogError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidPartitionCount(topic: String, count: Int)
    case invalidConfig(topic: String, setting: String, value: Int64)
    case topicAlreadyExists(String)
    case unknownTopic(String)
    case unknownPartition(topic: String, partition: Int, partitionCount: Int)
    case unknownGroup(String)
    case unknownMember(group: String, memberId: String)
    /// The member crashed: it no longer polls, commits or heartbeats.
    case memberNotActive(group: String, memberId: String)
    case illegalGeneration(group: String, memberId: String, generation: Int, current: Int)
    case rebalanceInProgress(group: String)
    /// The member's protocols (or protocol type) share nothing with what every member of the group supports.
    case inconsistentGroupProtocol(group: String, offered: [String], groupSupports: [String])
    case offsetOutOfRange(TopicPartition, offset: Int64, logStartOffset: Int64, logEndOffset: Int64)
    case noOffsetForPartition(group: String, TopicPartition)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .invalidPartitionCount(let topic, let count):
            "INVALID_PARTITIONS: topic '\(topic)' needs at least 1 partition, got \(count)."
        case .invalidConfig(let topic, let setting, let value):
            "INVALID_CONFIG: topic '\(topic)': \(setting)=\(value) is not allowed."
        case .topicAlreadyExists(let topic):
            "TOPIC_ALREADY_EXISTS: Topic '\(topic)' already exists."
        case .unknownTopic(let topic):
            "UNKNOWN_TOPIC_OR_PARTITION: topic '\(topic)' does not exist."
        case .unknownPartition(let topic, let partition, let count):
            "UNKNOWN_TOPIC_OR_PARTITION: \(topic)-\(partition) does not exist (topic has \(count) partitions)."
        case .unknownGroup(let group):
            "GROUP_ID_NOT_FOUND: Consumer group '\(group)' does not exist."
        case .unknownMember(let group, let member):
            "UNKNOWN_MEMBER_ID: member '\(member)' is not in group '\(group)'."
        case .memberNotActive(let group, let member):
            "member '\(member)' of group '\(group)' has crashed and no longer polls or commits."
        case .illegalGeneration(let group, let member, let generation, let current):
            "ILLEGAL_GENERATION: member '\(member)' of group '\(group)' used generation \(generation), current generation is \(current)."
        case .rebalanceInProgress(let group):
            "REBALANCE_IN_PROGRESS: group '\(group)' is rebalancing; commit again after it completes."
        case .inconsistentGroupProtocol(let group, let offered, let supported):
            "INCONSISTENT_GROUP_PROTOCOL: group '\(group)' uses \(supported.isEmpty ? "another protocol type" : supported.joined(separator: ", ")), member asked for \(offered.joined(separator: ", "))."
        case .offsetOutOfRange(let tp, let offset, let logStart, let logEnd):
            offset < logStart
                ? "OFFSET_OUT_OF_RANGE: Received request for offset \(offset) for partition \(tp), but we only have log segments starting from offset: \(logStart)."
                : "OFFSET_OUT_OF_RANGE: Received request for offset \(offset) for partition \(tp), but the log ends at offset \(logEnd)."
        case .noOffsetForPartition(_, let tp):
            "Undefined offset with no reset policy for partitions: [\(tp)]"
        case .invalidArgument(let message):
            "INVALID_REQUEST: \(message)"
        }
    }
}
