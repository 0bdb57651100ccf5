import StreamLog

/// A producer's batch laid out in one byte buffer, as a codec receives it, handed to
/// `appendBatch` as borrowed slices of that buffer (no record is copied before the log).
struct ReceivedBatch {
    /// One record as a test writes it; nil value is a tombstone.
    struct Entry {
        var key: [UInt8]?
        var value: [UInt8]?
        var headers: [(String, [UInt8]?)] = []
        var timestamp: Int64
    }

    let entries: [Entry]

    init(_ entries: [Entry]) { self.entries = entries }

    /// Calls `body` with the records borrowed from one buffer holding all their bytes.
    func withRecords<R>(_ body: (UnsafeBufferPointer<BorrowedRecord>) throws -> R) rethrows -> R {
        var bytes: [UInt8] = []
        var spans: [(key: Range<Int>?, value: Range<Int>?, headers: [(Range<Int>, Range<Int>?)])] = []
        func place(_ part: [UInt8]?) -> Range<Int>? {
            guard let part else { return nil }
            bytes += part
            return (bytes.count - part.count)..<bytes.count
        }
        for entry in entries {
            let key = place(entry.key)
            let value = place(entry.value)
            let headers = entry.headers.map { (place(Array($0.0.utf8)) ?? 0..<0, place($0.1)) }
            spans.append((key, value, headers))
        }
        return try bytes.withUnsafeBytes { buffer in
            let slice = { (range: Range<Int>?) in range.map { UnsafeRawBufferPointer(rebasing: buffer[$0]) } }
            let headers = spans.flatMap(\.headers).map { BorrowedHeader(key: slice($0.0) ?? buffer, value: slice($0.1)) }
            return try headers.withUnsafeBufferPointer { headers in
                var next = 0
                var records: [BorrowedRecord] = []
                for (index, span) in spans.enumerated() {
                    let own = UnsafeBufferPointer(rebasing: headers[next..<(next + span.headers.count)])
                    next += span.headers.count
                    records.append(BorrowedRecord(
                        key: slice(span.key), value: slice(span.value), headers: own, timestamp: entries[index].timestamp))
                }
                return try records.withUnsafeBufferPointer(body)
            }
        }
    }
}
