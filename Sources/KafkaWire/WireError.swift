/// Why bytes from a Kafka client could not be decoded: a value, never a trap.
///
/// Offsets count bytes from the start of the buffer being read, so a message can say where.
public enum WireError: Error, Equatable, Sendable {
    /// The buffer ended `needed` bytes into a field starting at `at`, with only `available` left.
    case truncated(at: Int, needed: Int, available: Int)
    /// A length or count field held a negative value other than −1 (null), or −1 where null is not allowed.
    case invalidLength(Int64, at: Int)
    /// A varint ran past its maximum width (5 bytes for varint, 10 for varlong).
    case varintTooLong(at: Int)
    /// A string field was not UTF-8.
    case invalidUTF8(at: Int)
    /// A frame's int32 size prefix was negative.
    case negativeFrameSize(Int32)
    /// A frame's size prefix exceeded the splitter's limit.
    case frameTooLarge(size: Int32, limit: Int32)
    /// A record batch had a magic byte other than 2 (only RecordBatch v2 is spoken).
    case wrongMagic(Int8, at: Int)
    /// A record batch's stored CRC-32C did not match the bytes from `attributes` to its end.
    case crcMismatch(stored: UInt32, computed: UInt32)
    /// A record batch's `batchLength` was below the fixed header size or beyond the bytes given.
    case invalidBatchLength(Int32, available: Int)
    /// A record batch's `recordCount` disagreed with the records its bytes hold.
    case recordCountMismatch(declared: Int32, decoded: Int, bytesLeft: Int)
    /// A record's length varint disagreed with the bytes its fields took.
    case recordLengthMismatch(declared: Int, used: Int, at: Int)
    /// A compression codec this codec does not decode (2 snappy, 3 lz4, 4 zstd, 5–7 undefined).
    case unsupportedCompression(codec: Int)
    /// A gzip batch's records would not inflate: not a gzip stream, or a damaged one.
    case corruptGzip(reason: String)
    /// A gzip batch's records inflate beyond `limit` bytes (a decompression bomb, or simply too large).
    case inflatedTooLarge(limit: Int)
    /// An API version outside the range this codec decodes.
    case unsupportedVersion(apiKey: Int16, version: Int16)
    /// Bytes were left over after a message that should have ended.
    case trailingBytes(count: Int, at: Int)

    /// The Kafka error code a broker answers with for this problem.
    public var kafkaErrorCode: KafkaErrorCode {
        switch self {
        case .crcMismatch, .wrongMagic, .recordCountMismatch, .recordLengthMismatch, .invalidBatchLength, .corruptGzip:
            .corruptMessage
        case .unsupportedCompression: .unsupportedCompressionType
        case .unsupportedVersion: .unsupportedVersion
        case .frameTooLarge, .inflatedTooLarge: .messageTooLarge
        case .truncated, .invalidLength, .varintTooLong, .invalidUTF8, .negativeFrameSize, .trailingBytes:
            .invalidRequest
        }
    }
}

extension WireError: CustomStringConvertible {
    /// One line: what was wrong, where, and what was expected.
    public var description: String {
        switch self {
        case let .truncated(at, needed, available):
            "truncated at byte \(at): expected \(needed) more bytes, found \(available)"
        case let .invalidLength(value, at):
            "invalid length \(value) at byte \(at): expected ≥ 0 (or −1 for null where allowed)"
        case let .varintTooLong(at): "varint at byte \(at) is too long: expected at most 5 (varint) or 10 (varlong) bytes"
        case let .invalidUTF8(at): "string at byte \(at) is not UTF-8"
        case let .negativeFrameSize(size): "frame size \(size) is negative: expected 0 or more"
        case let .frameTooLarge(size, limit): "frame size \(size) exceeds the limit of \(limit) bytes"
        case let .wrongMagic(magic, at): "record batch magic \(magic) at byte \(at): expected 2 (RecordBatch v2)"
        case let .crcMismatch(stored, computed):
            "record batch CRC-32C mismatch: stored 0x\(String(stored, radix: 16)), computed 0x\(String(computed, radix: 16))"
        case let .invalidBatchLength(length, available):
            "record batch length \(length): expected \(RecordBatch.headerBytesAfterLength)…\(available) bytes"
        case let .recordCountMismatch(declared, decoded, bytesLeft):
            "record batch declares \(declared) records, its bytes hold \(decoded) with \(bytesLeft) bytes left"
        case let .recordLengthMismatch(declared, used, at):
            "record at byte \(at) declares \(declared) bytes, its fields take \(used)"
        case let .unsupportedCompression(codec): "compression codec \(codec) is not supported: expected 0 (none) or 1 (gzip)"
        case let .corruptGzip(reason): "gzip records would not inflate (\(reason)): expected a gzip stream"
        case let .inflatedTooLarge(limit): "gzip records inflate beyond \(limit) bytes: expected at most \(limit)"
        case let .unsupportedVersion(apiKey, version): "API key \(apiKey) version \(version) is not supported"
        case let .trailingBytes(count, at): "\(count) unexpected bytes after the message at byte \(at)"
        }
    }
}
