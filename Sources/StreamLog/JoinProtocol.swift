/// One protocol a wire client offers in its JoinGroup: an assignor name and the metadata bytes
/// that go with it (for "consumer", the encoded subscription), kept as sent so an external
/// leader receives them unchanged.
public struct JoinProtocol: Equatable, Sendable {
    /// The protocol's name (`range`, `roundrobin`, `cooperative-sticky`, …).
    public var name: String
    /// The metadata bytes, opaque to the coordinator.
    public var metadata: [UInt8]

    public init(name: String, metadata: [UInt8]) {
        self.name = name
        self.metadata = metadata
    }
}

extension AssignmentStrategy {
    /// The strategy Kafka names `kafkaName` in `partition.assignment.strategy`, if streamstage has it.
    public init?(kafkaName: String) {
        guard let strategy = Self.allCases.first(where: { $0.kafkaName == kafkaName }) else { return nil }
        self = strategy
    }
}
