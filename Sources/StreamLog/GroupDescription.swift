/// The result of describing a group: the message Kafka prints to stderr (if any) and the rows.
public struct GroupDescription: Equatable, Sendable {
    public var group: String
    /// The group state; `.dead` for a group that does not exist.
    public var state: GroupState
    /// "has no active members", "is rebalancing" or "does not exist", as Kafka words them.
    public var notice: String?
    public var rows: [DescribeRow]
}
