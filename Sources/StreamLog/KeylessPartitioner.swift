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
