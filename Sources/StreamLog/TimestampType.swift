/// Which clock a record's timestamp comes from (Kafka's `message.timestamp.type`).
public enum TimestampType: String, Sendable, Equatable {
    /// The producer's clock when the record was created (Kafka's default).
    case createTime = "CreateTime"
    /// The log's clock when the record was appended.
    case logAppendTime = "LogAppendTime"
}
