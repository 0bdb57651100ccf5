/// How records without a key are spread over a topic's partitions.
public enum KeylessStrategy: Equatable, Sendable {
    /// Kafka ≥ 3.3 built-in behaviour: stay on one partition until `batchBytes` (`batch.size`,
    /// default 16384) have gone to it, then pick the next partition at random.
    case sticky(batchBytes: Int = 16_384)
    /// `RoundRobinPartitioner`: one partition per record, in turn.
    case roundRobin
}

/// The producer-side state that picks a partition for keyless records.
struct KeylessPartitioner {
    let strategy: KeylessStrategy
    var random: SeededRandom
    /// The sticky partition, nil before the first record.
    var current: Int?
    /// Bytes sent to the sticky partition since it was picked.
    var bytesInBatch = 0
    /// The round-robin counter.
    var counter = 0

    init(strategy: KeylessStrategy, random: SeededRandom) {
        self.strategy = strategy
        self.random = random
    }

    /// The partition for the next keyless record of `sizeInBytes`.
    mutating func next(partitionCount: Int, sizeInBytes: Int) -> Int {
        switch strategy {
        case .roundRobin:
            let partition = counter % partitionCount
            counter = counter == Int.max ? 0 : counter + 1
            return partition
        case .sticky(let batchBytes):
            if current == nil || bytesInBatch >= batchBytes {
                current = Int(random.next() % UInt64(partitionCount))
                bytesInBatch = 0
            }
            bytesInBatch += sizeInBytes
            return current ?? 0
        }
    }
}
