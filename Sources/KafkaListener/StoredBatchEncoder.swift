import KafkaWire
import StreamLog

/// Writes stored records as RecordBatch v2 bytes for a Fetch response: one batch per run the
/// log hands out, with the records' stored offsets, timestamps (epoch ms), keys, values and
/// headers, straight from where the segment keeps them (no per-record allocation).
struct StoredBatchEncoder {
    /// The batches written so far.
    private(set) var bytes: [UInt8] = []
    /// Added to stored (simulated) timestamps: the run's wall-clock start.
    let epochStartMs: Int64
    /// Stop adding records once this many bytes are written (a first record always goes in, so
    /// a consumer always makes progress, as KIP-74 asks).
    let byteLimit: Int
    /// How many records were written.
    private(set) var recordCount = 0

    init(epochStartMs: Int64, byteLimit: Int) {
        self.epochStartMs = epochStartMs
        self.byteLimit = max(0, byteLimit)
    }

    /// Whether the byte limit is reached.
    var isFull: Bool { bytes.count >= byteLimit && recordCount > 0 }

    /// Appends one batch holding the records of `run` that fit.
    mutating func append(_ run: StreamLog.RecordBatch) {
        guard !run.isEmpty, !isFull else { return }
        let start = bytes.count
        let first = run[run.startIndex]
        let baseTimestamp = first.timestamp
        var maxTimestamp = baseTimestamp
        writeInt64(run.baseOffset)
        writeInt32(0)  // batchLength, patched below
        writeInt32(0)  // partitionLeaderEpoch
        bytes.append(2)  // magic
        writeInt32(0)  // crc, patched below
        writeInt16(first.timestampType == .logAppendTime ? 0x08 : 0)
        let lastOffsetDeltaAt = bytes.count
        writeInt32(0)  // lastOffsetDelta, patched below
        writeInt64(baseTimestamp &+ epochStartMs)
        let maxTimestampAt = bytes.count
        writeInt64(0)  // maxTimestamp, patched below
        writeInt64(-1)  // producerId
        writeInt16(-1)  // producerEpoch
        writeInt32(-1)  // baseSequence
        let countAt = bytes.count
        writeInt32(0)  // recordCount, patched below
        var count = 0
        for view in run {
            if count > 0, bytes.count >= byteLimit { break }
            writeRecord(view, delta: count, baseTimestamp: baseTimestamp)
            maxTimestamp = max(maxTimestamp, view.timestamp)
            count += 1
        }
        patchInt32(Int32(count - 1), at: lastOffsetDeltaAt)
        patchInt64(maxTimestamp &+ epochStartMs, at: maxTimestampAt)
        patchInt32(Int32(count), at: countAt)
        patchInt32(Int32(bytes.count - start - KafkaWire.RecordBatch.lengthPrefixBytes), at: start + 8)
        let crc = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[(start + KafkaWire.RecordBatch.crcStart)...])) }
        patchInt32(Int32(bitPattern: crc), at: start + 17)
        recordCount += count
    }

    /// One record: length varint, attributes, timestamp and offset deltas, key, value, headers.
    private mutating func writeRecord(_ view: RecordView, delta: Int, baseTimestamp: Int64) {
        let timestampDelta = view.timestamp &- baseTimestamp
        let key = view.keyBytes
        let value: UnsafeRawBufferPointer? = view.isTombstone ? nil : view.valueBytes
        let headers = view.headers
        var length = 1 + Self.varlongSize(timestampDelta) + Self.varlongSize(Int64(delta))
        length += Self.fieldSize(key?.count) + Self.fieldSize(value?.count) + Self.varlongSize(Int64(headers.count))
        for header in headers { length += Self.fieldSize(header.key.utf8.count) + Self.fieldSize(header.value.count) }
        writeVarlong(Int64(length))
        bytes.append(0)  // attributes
        writeVarlong(timestampDelta)
        writeVarlong(Int64(delta))
        writeField(key)
        writeField(value)
        writeVarlong(Int64(headers.count))
        for header in headers {
            writeVarlong(Int64(header.key.utf8.count))
            bytes.append(contentsOf: header.key.utf8)
            writeVarlong(Int64(header.value.count))
            bytes.append(contentsOf: header.value)
        }
    }

    private mutating func writeField(_ field: UnsafeRawBufferPointer?) {
        guard let field else { return writeVarlong(-1) }
        writeVarlong(Int64(field.count))
        bytes.append(contentsOf: field)
    }

    /// Bytes of a length varint and the field it counts (−1 for null).
    private static func fieldSize(_ count: Int?) -> Int {
        guard let count else { return 1 }
        return varlongSize(Int64(count)) + count
    }

    /// Bytes of a zigzag varint.
    static func varlongSize(_ value: Int64) -> Int {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        var size = 1
        while zigzag >= 0x80 {
            zigzag >>= 7
            size += 1
        }
        return size
    }

    private mutating func writeVarlong(_ value: Int64) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    private mutating func writeInt16(_ value: Int16) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func writeInt32(_ value: Int32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func writeInt64(_ value: Int64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func patchInt32(_ value: Int32, at index: Int) {
        withUnsafeBytes(of: value.bigEndian) { raw in
            for (step, byte) in raw.enumerated() { bytes[index + step] = byte }
        }
    }

    private mutating func patchInt64(_ value: Int64, at index: Int) {
        withUnsafeBytes(of: value.bigEndian) { raw in
            for (step, byte) in raw.enumerated() { bytes[index + step] = byte }
        }
    }
}
