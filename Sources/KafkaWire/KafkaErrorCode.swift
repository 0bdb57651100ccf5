/// A Kafka protocol error code (int16), with the numeric values Apache Kafka assigns.
///
/// A struct rather than an enum so a code this codec has no name for still round-trips.
public struct KafkaErrorCode: RawRepresentable, Hashable, Sendable {
    /// The code as it appears on the wire.
    public var rawValue: Int16

    /// Wraps a code read from the wire.
    public init(rawValue: Int16) { self.rawValue = rawValue }

    public static let unknownServerError = KafkaErrorCode(rawValue: -1)
    public static let none = KafkaErrorCode(rawValue: 0)
    public static let offsetOutOfRange = KafkaErrorCode(rawValue: 1)
    public static let corruptMessage = KafkaErrorCode(rawValue: 2)
    public static let unknownTopicOrPartition = KafkaErrorCode(rawValue: 3)
    public static let messageTooLarge = KafkaErrorCode(rawValue: 10)
    public static let coordinatorNotAvailable = KafkaErrorCode(rawValue: 15)
    public static let notCoordinator = KafkaErrorCode(rawValue: 16)
    public static let invalidTopicException = KafkaErrorCode(rawValue: 17)
    public static let invalidRequiredAcks = KafkaErrorCode(rawValue: 21)
    public static let illegalGeneration = KafkaErrorCode(rawValue: 22)
    public static let inconsistentGroupProtocol = KafkaErrorCode(rawValue: 23)
    public static let invalidGroupId = KafkaErrorCode(rawValue: 24)
    public static let unknownMemberId = KafkaErrorCode(rawValue: 25)
    public static let invalidSessionTimeout = KafkaErrorCode(rawValue: 26)
    public static let rebalanceInProgress = KafkaErrorCode(rawValue: 27)
    public static let unsupportedVersion = KafkaErrorCode(rawValue: 35)
    public static let topicAlreadyExists = KafkaErrorCode(rawValue: 36)
    public static let invalidPartitions = KafkaErrorCode(rawValue: 37)
    public static let invalidReplicationFactor = KafkaErrorCode(rawValue: 38)
    public static let invalidRequest = KafkaErrorCode(rawValue: 42)
    public static let unsupportedCompressionType = KafkaErrorCode(rawValue: 76)
    public static let memberIdRequired = KafkaErrorCode(rawValue: 79)

    /// Kafka's upper-case name for the code, or `nil` for one this codec does not name.
    public var name: String? {
        switch rawValue {
        case -1: "UNKNOWN_SERVER_ERROR"
        case 0: "NONE"
        case 1: "OFFSET_OUT_OF_RANGE"
        case 2: "CORRUPT_MESSAGE"
        case 3: "UNKNOWN_TOPIC_OR_PARTITION"
        case 10: "MESSAGE_TOO_LARGE"
        case 15: "COORDINATOR_NOT_AVAILABLE"
        case 16: "NOT_COORDINATOR"
        case 17: "INVALID_TOPIC_EXCEPTION"
        case 21: "INVALID_REQUIRED_ACKS"
        case 22: "ILLEGAL_GENERATION"
        case 23: "INCONSISTENT_GROUP_PROTOCOL"
        case 24: "INVALID_GROUP_ID"
        case 25: "UNKNOWN_MEMBER_ID"
        case 26: "INVALID_SESSION_TIMEOUT"
        case 27: "REBALANCE_IN_PROGRESS"
        case 35: "UNSUPPORTED_VERSION"
        case 36: "TOPIC_ALREADY_EXISTS"
        case 37: "INVALID_PARTITIONS"
        case 38: "INVALID_REPLICATION_FACTOR"
        case 42: "INVALID_REQUEST"
        case 76: "UNSUPPORTED_COMPRESSION_TYPE"
        case 79: "MEMBER_ID_REQUIRED"
        default: nil
        }
    }
}
