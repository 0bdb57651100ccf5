import Testing
@testable import StreamLog

/// A partition's batch append: the bytes go once into the active segment's arena, segments roll
/// between records by `segment.bytes`, and a tombstone stays a null value in place.
struct PartitionBatchTests {
    func makePartition(_ configure: (inout TopicConfig) -> Void = { _ in }) throws -> Partition {
        var config = TopicConfig(partitions: 1)
        configure(&config)
        let log = InProcessLog(random: SeededRandom(seed: 1))
        try log.createTopic("raw", config: config)
        return try log.topic("raw").partitions[0]
    }

    /// Appends `count` records of `value` bytes (nil: tombstones) with key "k" and one header.
    func appendBatch(_ partition: Partition, count: Int, value: [UInt8]?, nowMs: Int64) -> BatchAppend {
        let key: [UInt8] = Array("k".utf8)
        let headerKey: [UInt8] = Array("h".utf8)
        let headerValue: [UInt8] = [9]
        return key.withUnsafeBytes { key in
            headerKey.withUnsafeBytes { headerKey in
                headerValue.withUnsafeBytes { headerValue in
                    let header = [BorrowedHeader(key: headerKey, value: headerValue)]
                    return header.withUnsafeBufferPointer { headers in
                        let body = { (value: UnsafeRawBufferPointer?) in
                            let records = Array(
                                repeating: BorrowedRecord(key: key, value: value, headers: headers, timestamp: nowMs - 1), count: count)
                            return records.withUnsafeBufferPointer { partition.appendBatch($0, nowMs: nowMs) }
                        }
                        guard let value else { return body(nil) }
                        return value.withUnsafeBytes { body($0) }
                    }
                }
            }
        }
    }

    @Test func theBytesAreCopiedOnceIntoTheActiveSegmentsArena() throws {
        let partition = try makePartition()
        let result = appendBatch(partition, count: 3, value: [1, 2, 3, 4], nowMs: 50)
        #expect(result.baseOffset == 0 && result.count == 3)
        // Per record: key 1 + value 4 + header (4 + 1 + 4 + 1) = 15 arena bytes; counted size 1 + 4 + 1 + 1.
        #expect(partition.active.arena.count == 45)
        #expect(partition.retainedBytes == 21)
        let record = try #require(partition.record(at: 2))
        #expect(record.key == Array("k".utf8) && record.value == [1, 2, 3, 4] && record.headers == [Header("h", [9])])
        #expect(record.timestamp == 49 && record.appendTimeMs == 50)
    }

    @Test func segmentsRollBetweenTheRecordsOfABatchBySegmentBytes() throws {
        let partition = try makePartition { $0.segmentBytes = 20 }
        let result = appendBatch(partition, count: 5, value: [1, 2, 3, 4], nowMs: 50)
        // 7 bytes a record: two fit in 20 bytes, the third rolls.
        #expect(result.baseOffset == 0 && result.count == 5)
        #expect(partition.segmentCount == 3)
        #expect(partition.sealed.map(\.baseOffset) == [0, 2] && partition.active.baseOffset == 4)
        #expect(partition.logEndOffset == 5)
    }

    @Test func aTombstoneStoresNoValueBytesAndReadsAsNull() throws {
        let partition = try makePartition()
        _ = appendBatch(partition, count: 2, value: nil, nowMs: 50)
        _ = appendBatch(partition, count: 1, value: [], nowMs: 60)
        #expect(partition.active.arena.count == 3 * 11)
        var seen: [(Bool, Int, [Header])] = []
        try partition.forEachRun(from: 0, maxRecords: 3) { batch in
            for view in batch { seen.append((view.isTombstone, view.valueBytes.count, view.headers)) }
        }
        #expect(seen.map(\.0) == [true, true, false])
        #expect(seen.map(\.1) == [0, 0, 0])
        #expect(seen.allSatisfy { $0.2 == [Header("h", [9])] })
    }
}
