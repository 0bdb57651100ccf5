/// The partition assignment strategies of the classic consumer group protocol.
public enum AssignmentStrategy: String, Sendable, Equatable, CaseIterable {
    case range
    case roundRobin
    case sticky
    case cooperativeSticky

    /// The name Kafka uses in `partition.assignment.strategy` and `--describe --state`.
    public var kafkaName: String {
        switch self {
        case .range: "range"
        case .roundRobin: "roundrobin"
        case .sticky: "sticky"
        case .cooperativeSticky: "cooperative-sticky"
        }
    }

    /// The protocol the strategy runs under: cooperative only for cooperative-sticky.
    public var rebalanceProtocol: RebalanceProtocol { self == .cooperativeSticky ? .cooperative : .eager }

    /// The assignor that computes this strategy's assignment.
    public var assignor: any PartitionAssignor {
        switch self {
        case .range: RangeAssignor()
        case .roundRobin: RoundRobinAssignor()
        case .sticky, .cooperativeSticky: StickyAssignor()
        }
    }
}
