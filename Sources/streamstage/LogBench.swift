import StreamLog

/// The log figures, through the backend seam (`StreamLogBackend`, as the engine and a Produce
/// request reach the log): appending 100-byte records to one partition in steady state
/// (retention on) in producer batches of 100, against a plain `ContiguousArray.append` and
/// against writes into pre-touched memory; reading by offset range with the zero-copy fetch.
/// Heap allocations per record are counted apart, in `AllocationBench`.
struct LogBench {
    /// Records per timed run.
    let records: Int
    /// Timed runs per figure; the fastest counts.
    let repeats: Int

    /// The payload size of a benchmark record in bytes (its value's JSON text).
    static let recordBytes = 100
    /// Records a partition keeps (retention by record count), so appends run in steady state.
    static let retainedRecords = 100_000
    /// Records per `appendBatch` call (a producer batch of 10 KB).
    static let batchRecords = 100
    /// The benchmark partition.
    static let partition = TopicPartition("bench", 0)

    /// The 100-byte value: a JSON string of 98 characters plus its quotes.
    let value: [UInt8] = Value.string(String(repeating: "x", count: LogBench.recordBytes - 2)).jsonBytes

    /// Measures `log.append`, `log.append.vs-memory` and `log.read`.
    func run() throws(UserFacingError) -> [BenchFigure] {
        let log = try makeLog()
        var clock: Int64 = 0
        try append(to: log, count: 2 * Self.retainedRecords, clock: &clock)

        let appendRate = try rate { () throws(UserFacingError) in
            try BenchClock.seconds { () throws(UserFacingError) in try append(to: log, count: records, clock: &clock) }
        }
        let arrayRate = rate { appendToFreshArray() }
        let memoryRate = rate { writeToPretouchedMemory() }
        let readRate = try readRate(log)

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
        let log = try makeLog()
        var clock: Int64 = 0
        try append(to: log, count: 2 * Self.retainedRecords, clock: &clock)
        return try rate { () throws(UserFacingError) in
            try BenchClock.seconds { () throws(UserFacingError) in try append(to: log, count: records, clock: &clock) }
        }
    }

    /// A fresh log with one single-partition topic with record-count retention, behind the seam.
    func makeLog() throws(UserFacingError) -> any StreamLogBackend {
        var config = TopicConfig(partitions: 1)
        config.retentionRecords = Self.retainedRecords
        let log: any StreamLogBackend = InProcessLog(random: SeededRandom(seed: 1))
        do {
            try log.createTopic(Self.partition.topic, config: config)
        } catch {
            throw UserFacingError(message: "bench: cannot create the benchmark topic: \(error)")
        }
        return log
    }

    /// Records per second of the fastest of `repeats` runs of `body`, each handling `records`
    /// and returning the seconds its timed part took.
    private func rate<Failure: Error>(_ body: () throws(Failure) -> Double) throws(Failure) -> Double {
        var fastest = Double.infinity
        for _ in 0..<repeats { fastest = min(fastest, try body()) }
        return Double(records) / fastest
    }

    /// The record the baselines write: what the partition stores for an append.
    private func record(_ offset: Int) -> Record {
        Record(
            offset: Int64(offset), timestamp: Int64(offset), timestampType: .createTime, appendTimeMs: Int64(offset),
            key: nil, value: value, headers: [], sizeInBytes: Self.recordBytes)
    }

    /// Appends `count` benchmark records through the seam in batches of `batchRecords`, one
    /// millisecond of log time apart (a batch is appended at its last record's time).
    func append(to log: any StreamLogBackend, count: Int, clock: inout Int64) throws(UserFacingError) {
        var failure: (any Error)?
        value.withUnsafeBytes { value in
            // The batch lives on the stack: the counted appends allocate nothing of their own.
            withUnsafeTemporaryAllocation(of: BorrowedRecord.self, capacity: Self.batchRecords) { batch in
                guard let start = batch.baseAddress else { return }
                start.initialize(repeating: BorrowedRecord(key: nil, value: value, timestamp: 0), count: Self.batchRecords)
                var done = 0
                while done < count, failure == nil {
                    let size = min(Self.batchRecords, count - done)
                    for index in 0..<size {
                        batch[index].timestamp = clock
                        clock += 1
                    }
                    do {
                        _ = try log.appendBatch(to: Self.partition, UnsafeBufferPointer(start: start, count: size), nowMs: clock - 1)
                    } catch {
                        failure = error
                    }
                    done += size
                }
                start.deinitialize(count: Self.batchRecords)
            }
        }
        if let failure { throw UserFacingError(message: "bench: appending to the benchmark partition failed: \(failure)") }
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
    private func readRate(_ log: any StreamLogBackend) throws(UserFacingError) -> Double {
        var checksum = 0
        let offsets: PartitionOffsets
        do {
            offsets = try log.offsets(topic: Self.partition.topic)[0]
        } catch {
            throw UserFacingError(message: "bench: the benchmark partition has no offsets: \(error)")
        }
        let start = offsets.logStartOffset
        let end = offsets.logEndOffset
        var failure: (any Error)?
        let seconds = BenchClock.fastest(of: repeats) {
            var offset = start
            var read = 0
            while read < records, failure == nil {
                do {
                    let count = try log.fetch(Self.partition, from: offset, maxRecords: min(500, records - read)) { batch in
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
