/// The states of a classic consumer group, named as Kafka prints them.
public enum GroupState: String, Equatable, Sendable {
    case empty = "Empty"
    case preparingRebalance = "PreparingRebalance"
    case completingRebalance = "CompletingRebalance"
    case stable = "Stable"
    case dead = "Dead"

    /// True while a rebalance is under way.
    public var isRebalancing: Bool { self == .preparingRebalance || self == .completingRebalance }
}
