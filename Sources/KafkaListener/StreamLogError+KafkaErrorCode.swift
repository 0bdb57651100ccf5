import KafkaWire
import StreamLog

extension StreamLogError {
    /// The error code a Kafka group coordinator answers with for this refusal.
    ///
    /// There is no NOT_COORDINATOR or COORDINATOR_NOT_AVAILABLE: this listener is every group's
    /// coordinator. A group that does not exist is, to a member, an unknown member.
    var groupErrorCode: KafkaErrorCode {
        switch self {
        case .unknownMember, .unknownGroup, .memberNotActive: .unknownMemberId
        case .illegalGeneration: .illegalGeneration
        case .rebalanceInProgress: .rebalanceInProgress
        case .inconsistentGroupProtocol: .inconsistentGroupProtocol
        case .offsetOutOfRange: .offsetOutOfRange
        case .unknownTopic, .unknownPartition: .unknownTopicOrPartition
        case .invalidArgument: .invalidRequest
        case .invalidPartitionCount, .invalidConfig, .topicAlreadyExists, .noOffsetForPartition: .unknownServerError
        }
    }
}
