import KafkaWire
import StreamLog

/// A decoded batch's records laid out in one buffer, so the log can borrow them all at once
/// (``StreamLogBackend/appendBatch(to:_:nowMs:)`` takes pointers valid during one call).
///
/// Timestamps become simulated time: the client's epoch ms minus the run's wall-clock start.
struct BorrowedBatch {
    /// Every key, value and header byte of the batch, back to back.
    private var bytes: [UInt8] = []
    private var records: [Spans] = []
    private var headers: [(key: Range<Int>, value: Range<Int>?)] = []

    /// Where one record's fields are in `bytes`, and its simulated timestamp.
    private struct Spans {
        var key: Range<Int>?
        var value: Range<Int>?
        var headers: Range<Int>
        var timestamp: Int64
    }

    init(_ batch: KafkaWire.RecordBatch, epochStartMs: Int64) {
        records.reserveCapacity(batch.records.count)
        for record in batch.records {
            let key = record.key.map { append($0) }
            let value = record.value.map { append($0) }
            let firstHeader = headers.count
            for header in record.headers {
                headers.append((append(Array(header.key.utf8)), header.value.map { append($0) }))
            }
            records.append(Spans(
                key: key, value: value, headers: firstHeader..<headers.count,
                timestamp: batch.baseTimestamp &+ record.timestampDelta &- epochStartMs))
        }
    }

    private mutating func append(_ field: [UInt8]) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: field)
        return start..<bytes.count
    }

    /// Calls `body` with the records borrowed from this buffer (valid during the call only).
    func withRecords<Result>(_ body: (UnsafeBufferPointer<BorrowedRecord>) -> Result) -> Result {
        bytes.withUnsafeBytes { raw in
            let borrowedHeaders = headers.map { header in
                BorrowedHeader(key: UnsafeRawBufferPointer(rebasing: raw[header.key]),
                               value: header.value.map { UnsafeRawBufferPointer(rebasing: raw[$0]) })
            }
            return borrowedHeaders.withUnsafeBufferPointer { headerPointer in
                let borrowed = records.map { spans in
                    BorrowedRecord(
                        key: spans.key.map { UnsafeRawBufferPointer(rebasing: raw[$0]) },
                        value: spans.value.map { UnsafeRawBufferPointer(rebasing: raw[$0]) },
                        headers: UnsafeBufferPointer(rebasing: headerPointer[spans.headers]), timestamp: spans.timestamp)
                }
                return borrowed.withUnsafeBufferPointer(body)
            }
        }
    }
}
