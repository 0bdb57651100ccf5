/// One row of `kafka-consumer-groups.sh --describe` (offsets view), plus LOG-START-OFFSET and
/// LAG-SECONDS; nil fields print as `-`.
public struct DescribeRow: Equatable, Sendable {
    public var group: String
    public var topic: String
    public var partition: Int
    public var currentOffset: Int64?
    public var logEndOffset: Int64
    public var lag: Int64?
    public var consumerId: String?
    public var host: String?
    public var clientId: String?
    public var logStartOffset: Int64
    public var lagMs: Int64?
}
