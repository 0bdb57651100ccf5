/// A producer appending generated records to a topic.
public struct ProducerSpec: Sendable, Equatable {
    public var name: String
    /// The topic it writes to.
    public var topic: String
    /// The record field whose value is the record key; nil = keyless.
    public var key: String?
    /// How keyless records choose a partition (default sticky, Kafka's built-in behaviour).
    public var partitioner: Partitioner = .sticky
    public var rate: RateProfile
    /// How the rate becomes arrivals per tick (default accumulator).
    public var arrivals: ArrivalMode = .accumulator
    /// The record's fields and their generators, in order.
    public var record: RecordTemplate
    /// Whether it produces from the start (default true); `start`/`stop` actions toggle it.
    public var enabled: Bool = true

    public init(name: String, topic: String, rate: RateProfile, record: RecordTemplate) {
        self.name = name
        self.topic = topic
        self.rate = rate
        self.record = record
    }
}

/// Partition choice for keyless records.
public enum Partitioner: String, Sendable, Equatable, CaseIterable {
    /// Fill a batch on one partition, then switch (Kafka ≥ 2.4 default).
    case sticky
    /// One record per partition in turn.
    case roundRobin = "round_robin"
}
