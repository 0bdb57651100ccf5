import StreamLog

/// The log figures: appending 100-byte records to one partition in steady state (retention on),
/// against a plain `ContiguousArray.append` and against writes into pre-touched memory; reading
/// by offset range. Heap allocations per record are counted apart, in `AllocationBench`.
struct LogBench {
    /// Records per timed run.
    let records: Int
    /// Timed runs per figure; the fastest counts.
    let repeats: Int

    /// The payload size of a benchmark record in bytes (its value's JSON text).
    static let recordBytes = 100
    /// Records a partition keeps (retention by record count), so appends run in steady state.
    static let retainedRecords = 100_000

    /// The 100-byte value: a JSON string of 98 characters plus its quotes.
    let value: [UInt8] = Value.string(String(repeating: "x", count: LogBench.recordBytes - 2)).jsonBytes

    /// Measures `log.append`, `log.append.vs-memory` and `log.read`.
    func run() throws(UserFacingError) -> [BenchFigure] {
        let partition = try makePartition()
        var clock: Int64 = 0
        append(to: partition, count: 2 * Self.retainedRecords, clock: &clock)

        let appendRate = rate { BenchClock.seconds { append(to: partition, count: records, clock: &clock) } }
        let arrayRate = rate { appendToFreshArray() }
        let memoryRate = rate { writeToPretouchedMemory() }
        let readRate = try readRate(partition)

        return [
            BenchFigure(
                name: "log.append", value: appendRate, unit: "records/s", baseline: arrayRate, ratio: appendRate / arrayRate,
                goal: "value ≥ 20 M/s, ratio ≥ 1 (vs ContiguousArray.append)", met: appendRate >= 20e6 && appendRate >= arrayRate),
            BenchFigure(
                name: "log.append.vs-memory", value: appendRate, unit: "records/s", baseline: memoryRate,
                ratio: appendRate / memoryRate, goal: "ratio ≥ 0.2 (vs writes into pre-touched memory)",
                met: appendRate / memoryRate >= 0.2),
            BenchFigure(
                name: "log.read", value: readRate, unit: "records/s", baseline: appendRate, ratio: readRate / appendRate,
                goal: "ratio ≥ 1 (vs log.append)", met: readRate >= appendRate),
        ]
    }

    /// `log.append` alone: records per second appended in steady state, for figures that
    /// compare against it in their own process.
    func appendRate() throws(UserFacingError) -> Double {
        let partition = try makePartition()
        var clock: Int64 = 0
        append(to: partition, count: 2 * Self.retainedRecords, clock: &clock)
        return rate { BenchClock.seconds { append(to: partition, count: records, clock: &clock) } }
    }

    /// One partition of a fresh log with record-count retention.
    func makePartition() throws(UserFacingError) -> Partition {
        var config = TopicConfig(partitions: 1)
        config.retentionRecords = Self.retainedRecords
        let log = InProcessLog(random: SeededRandom(seed: 1))
        do {
            try log.createTopic("bench", config: config)
            return try log.topic("bench").partitions[0]
        } catch {
            throw UserFacingError(message: "bench: cannot create the benchmark topic: \(error)")
        }
    }

    /// Records per second of the fastest of `repeats` runs of `body`, each handling `records`
    /// and returning the seconds its timed part took.
    private func rate(_ body: () -> Double) -> Double {
        Double(records) / ((0..<repeats).map { _ in body() }.min() ?? 1)
    }

    /// The record the baselines write: what the partition stores for an append.
    private func record(_ offset: Int) -> Record {
        Record(
            offset: Int64(offset), timestamp: Int64(offset), timestampType: .createTime, appendTimeMs: Int64(offset),
            key: nil, value: value, headers: [], sizeInBytes: Self.recordBytes)
    }

    /// Appends `count` benchmark records, one millisecond of log time apart.
    func append(to partition: Partition, count: Int, clock: inout Int64) {
        value.withUnsafeBytes { value in
            for _ in 0..<count {
                partition.append(key: nil, value: value, timestamp: clock, nowMs: clock)
                clock += 1
            }
        }
    }

    /// The baseline: seconds to append the same records to a new array (teardown not timed).
    func appendToFreshArray() -> Double {
        var array = ContiguousArray<Record>()
        let seconds = BenchClock.seconds {
            for offset in 0..<records { array.append(record(offset)) }
        }
        withExtendedLifetime(array) {}
        return seconds
    }

    /// The memory limit: seconds to write the same records into memory allocated and touched
    /// beforehand (allocation, touching and teardown not timed).
    private func writeToPretouchedMemory() -> Double {
        let memory = UnsafeMutablePointer<Record>.allocate(capacity: records)
        defer { memory.deallocate() }
        UnsafeMutableRawPointer(memory).initializeMemory(as: UInt8.self, repeating: 0, count: records * MemoryLayout<Record>.stride)
        let seconds = BenchClock.seconds {
            for offset in 0..<records { (memory + offset).initialize(to: record(offset)) }
        }
        memory.deinitialize(count: records)
        return seconds
    }

    /// Records per second read in place by offset range, as a poll reads them (batches of 500,
    /// cycling over what is retained; each record's timestamp and value length are read).
    private func readRate(_ partition: Partition) throws(UserFacingError) -> Double {
        var checksum = 0
        let start = partition.logStartOffset
        let end = partition.logEndOffset
        var failure: (any Error)?
        let seconds = BenchClock.fastest(of: repeats) {
            var offset = start
            var read = 0
            while read < records, failure == nil {
                do {
                    let count = try partition.forEachRun(from: offset, maxRecords: min(500, records - read)) { batch in
                        for record in batch { checksum &+= Int(record.timestamp) &+ record.valueBytes.count }
                    }
                    read += count
                    offset = offset + Int64(count) >= end ? start : offset + Int64(count)
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw UserFacingError(message: "bench: reading the benchmark partition failed: \(failure)") }
        withExtendedLifetime(checksum) {}
        return Double(records) / seconds
    }
}
