import KafkaWire
import StreamLog

/// A validated batch's records lent to the log where they lie: the codec's spans (key, value and
/// header ranges) over the request's bytes (or the inflated ones for gzip), turned into the
/// borrowed records ``StreamLogBackend/appendBatch(to:_:nowMs:)`` copies once into its segment.
///
/// Timestamps become simulated time: the client's epoch ms minus the run's wall-clock start.
struct BorrowedBatch {
    /// The batch's header fields and its records' ranges in `buffer`.
    let spans: RecordBatchSpans
    /// The bytes the ranges index.
    let buffer: [UInt8]
    /// The run's wall-clock start in epoch ms.
    let epochStartMs: Int64

    /// Calls `body` with the records borrowed from `buffer` (valid during the call only): two
    /// arrays per batch, nothing per record.
    func withRecords<Result>(_ body: (UnsafeBufferPointer<BorrowedRecord>) -> Result) -> Result {
        buffer.withUnsafeBytes { raw in
            let headers = spans.headers.map { header in
                BorrowedHeader(key: UnsafeRawBufferPointer(rebasing: raw[header.key]),
                               value: header.value.map { UnsafeRawBufferPointer(rebasing: raw[$0]) })
            }
            return headers.withUnsafeBufferPointer { headerPointer in
                let base = spans.header.baseTimestamp &- epochStartMs
                let records = spans.records.map { span in
                    BorrowedRecord(
                        key: span.key.map { UnsafeRawBufferPointer(rebasing: raw[$0]) },
                        value: span.value.map { UnsafeRawBufferPointer(rebasing: raw[$0]) },
                        headers: UnsafeBufferPointer(rebasing: headerPointer[span.headers]), timestamp: base &+ span.timestampDelta)
                }
                return records.withUnsafeBufferPointer(body)
            }
        }
    }
}
