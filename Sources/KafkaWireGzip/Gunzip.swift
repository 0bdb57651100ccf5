import CompressNIO
import KafkaWire
import NIOCore

/// Inflates the records of gzip batches (RecordBatch v2 compression codec 1).
///
/// A target of its own because compress-nio works on SwiftNIO's `ByteBuffer`: ``KafkaWire`` stays
/// standard-library only, and the listener, which has SwiftNIO anyway, links this beside it.
public enum Gunzip {
    /// The most bytes one batch's records may inflate to: the frame limit, 100 MiB.
    public static let defaultMaximumInflatedSize = Int(FrameSplitter.defaultMaximumFrameSize)

    /// The bytes `compressed` (one whole gzip stream) inflates to, at most `maximumSize` of them.
    ///
    /// The output grows by doubling and stops at `maximumSize`, so a few bytes that would inflate
    /// to gigabytes cost no more than the limit.
    /// - Throws: ``WireError/corruptGzip(reason:)`` for bytes that are not one whole gzip stream
    ///   (damaged, cut short, or followed by more bytes), ``WireError/inflatedTooLarge(limit:)`` past `maximumSize`.
    public static func inflate(_ compressed: [UInt8], maximumSize: Int = defaultMaximumInflatedSize) throws(WireError) -> [UInt8] {
        do {
            return try inflateStream(compressed, maximumSize: maximumSize)
        } catch let error as WireError {
            throw error
        } catch {
            throw .corruptGzip(reason: "\(error)")
        }
    }

    /// ``inflate(_:maximumSize:)`` with compress-nio's errors still untyped.
    static func inflateStream(_ compressed: [UInt8], maximumSize: Int) throws -> [UInt8] {
        let decompressor = try ZlibDecompressor(algorithm: .gzip)
        var input = ByteBuffer(bytes: compressed)
        var output = ByteBuffer()
        output.reserveCapacity(min(maximumSize, max(256, 4 * compressed.count)) + 1)
        while true {
            do {
                try decompressor.inflate(from: &input, to: &output)
                break
            } catch let error as CompressNIOError where error == .bufferOverflow {
                if output.writerIndex > maximumSize { throw WireError.inflatedTooLarge(limit: maximumSize) }
                output.reserveCapacity(min(maximumSize + 1, 2 * output.capacity))
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                throw WireError.corruptGzip(reason: "the stream ends early")
            }
        }
        guard output.readableBytes <= maximumSize else { throw WireError.inflatedTooLarge(limit: maximumSize) }
        // zlib returns quietly both at the stream's end and when the input runs out first; one more
        // byte tells them apart: a finished stream leaves it unread.
        var probe = ByteBuffer(bytes: [0])
        output.reserveCapacity(output.writerIndex + 1)
        do {
            try decompressor.inflate(from: &probe, to: &output)
        } catch {
            throw WireError.corruptGzip(reason: "the stream ends early")
        }
        guard probe.readableBytes == 1 else { throw WireError.corruptGzip(reason: "the stream ends early") }
        guard input.readableBytes == 0 else {
            throw WireError.corruptGzip(reason: "\(input.readableBytes) bytes after the stream")
        }
        return Array(output.readableBytesView)
    }
}

extension RecordBatch {
    /// Decodes one batch at `reader`'s offset, inflating gzip records: uncompressed and gzip batches
    /// both come back as plain records; other codecs throw ``WireError/unsupportedCompression(codec:)``.
    ///
    /// The inflated records must fill the batch's `recordCount` exactly, as uncompressed ones must.
    public static func decodeInflatingGzip(
        from reader: inout WireReader, maximumInflatedSize: Int = Gunzip.defaultMaximumInflatedSize
    ) throws(WireError) -> RecordBatch {
        switch try decode(from: &reader) {
        case let .batch(batch):
            return batch
        case .needsGunzip(var batch, let compressed, let recordCount):
            var inflated = WireReader(try Gunzip.inflate(compressed, maximumSize: maximumInflatedSize))
            batch.records = try decodeRecords(count: recordCount, from: &inflated)
            return batch
        }
    }
}

extension RecordBatch {
    /// Reads one batch's records as ranges, inflating gzip records first: the ranges index
    /// `buffer`, which is `reader.bytes` itself (shared, not copied) for an uncompressed batch and
    /// the inflated records for a gzip one.
    public static func decodeSpansInflatingGzip(
        from reader: inout WireReader, maximumInflatedSize: Int = Gunzip.defaultMaximumInflatedSize
    ) throws(WireError) -> (spans: RecordBatchSpans, buffer: [UInt8]) {
        switch try decodeSpans(from: &reader) {
        case let .batch(spans):
            return (spans, reader.bytes)
        case let .needsGunzip(header, compressed, recordCount):
            let inflated = try Gunzip.inflate(Array(reader.bytes[compressed]), maximumSize: maximumInflatedSize)
            var records = WireReader(inflated)
            let found = try decodeRecordSpans(count: recordCount, from: &records)
            return (RecordBatchSpans(header: header, records: found.records, headers: found.headers), inflated)
        }
    }
}
