/// A RecordBatch v2 (magic 2), the only message format Produce ≥ 3 and Fetch ≥ 4 carry.
///
/// Layout: baseOffset i64, batchLength i32, partitionLeaderEpoch i32, magic i8, crc u32,
/// attributes i16, lastOffsetDelta i32, baseTimestamp i64, maxTimestamp i64, producerId i64,
/// producerEpoch i16, baseSequence i32, recordCount i32, records. The CRC-32C covers
/// `attributes` to the end. A decoded batch always holds plain records; compression is a
/// decoding concern (``RecordBatchDecoding``), and ``encoded()`` writes compression codec 0.
public struct RecordBatch: Equatable, Sendable {
    /// Bytes after `batchLength` up to the first record (partitionLeaderEpoch … recordCount).
    public static let headerBytesAfterLength = 49
    /// Bytes of baseOffset and batchLength, which `batchLength` does not count.
    public static let lengthPrefixBytes = 12
    /// Index of `attributes` from the batch's first byte: where the CRC starts.
    public static let crcStart = 21

    /// The offset of the first record (assigned by the broker on append).
    public var baseOffset: Int64
    /// The leader epoch the batch was written under (−1 from producers).
    public var partitionLeaderEpoch: Int32
    /// Timestamp type and transactional/control flags.
    public var attributes: Attributes
    /// The offset delta of the last record.
    public var lastOffsetDelta: Int32
    /// The first record's timestamp, epoch milliseconds.
    public var baseTimestamp: Int64
    /// The largest record timestamp, epoch milliseconds.
    public var maxTimestamp: Int64
    /// The idempotent producer's id, or −1.
    public var producerId: Int64
    /// The idempotent producer's epoch, or −1.
    public var producerEpoch: Int16
    /// The first record's sequence number, or −1.
    public var baseSequence: Int32
    /// The records, uncompressed.
    public var records: [Record]

    /// A batch with the given fields; the producer fields default to "not idempotent" (−1).
    public init(baseOffset: Int64, partitionLeaderEpoch: Int32 = -1, attributes: Attributes = Attributes(),
                lastOffsetDelta: Int32, baseTimestamp: Int64, maxTimestamp: Int64, producerId: Int64 = -1,
                producerEpoch: Int16 = -1, baseSequence: Int32 = -1, records: [Record]) {
        self.baseOffset = baseOffset
        self.partitionLeaderEpoch = partitionLeaderEpoch
        self.attributes = attributes
        self.lastOffsetDelta = lastOffsetDelta
        self.baseTimestamp = baseTimestamp
        self.maxTimestamp = maxTimestamp
        self.producerId = producerId
        self.producerEpoch = producerEpoch
        self.baseSequence = baseSequence
        self.records = records
    }

    /// The attribute bits other than compression: timestamp type (bit 3), transactional (4), control (5).
    public struct Attributes: Equatable, Sendable {
        /// Timestamps were set by the broker on append (LogAppendTime) rather than by the producer.
        public var logAppendTime: Bool
        /// The batch belongs to a transaction.
        public var isTransactional: Bool
        /// The batch holds a transaction marker, not user records.
        public var isControl: Bool

        /// Attributes with the given flags (all off by default: CreateTime, plain records).
        public init(logAppendTime: Bool = false, isTransactional: Bool = false, isControl: Bool = false) {
            self.logAppendTime = logAppendTime
            self.isTransactional = isTransactional
            self.isControl = isControl
        }

        /// The flags of an attributes int16 (compression bits ignored).
        init(bits: Int16) {
            self.init(logAppendTime: bits & 0x08 != 0, isTransactional: bits & 0x10 != 0, isControl: bits & 0x20 != 0)
        }

        /// The attributes int16 with compression codec 0.
        var bits: Int16 { (logAppendTime ? 0x08 : 0) | (isTransactional ? 0x10 : 0) | (isControl ? 0x20 : 0) }
    }
}

/// The compression codec in bits 0–2 of a batch's attributes.
public enum CompressionCodec: Int, Sendable {
    case none = 0, gzip = 1, snappy = 2, lz4 = 3, zstd = 4
}
