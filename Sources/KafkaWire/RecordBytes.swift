/// The records of one partition in a Fetch response: stored RecordBatch v2 bytes, back to back.
///
///     var records = RecordBytes()
///     records.append(storedBatch[...])   // no copy: a slice of the stored bytes
///     records.append(nextBatch[...])
///     records.count                      // both batches' byte counts summed
///
/// The encoder writes the chunks one after another behind a single int32 length, so stored
/// batches go out as they were kept, never re-encoded. Two values are equal when their bytes
/// are, however they are chunked.
public struct RecordBytes: Sendable {
    /// The byte ranges, in order.
    public private(set) var chunks: [ArraySlice<UInt8>]
    /// The total number of bytes.
    public private(set) var count: Int

    /// Records made of `chunks`, in order.
    public init(chunks: [ArraySlice<UInt8>] = []) {
        self.chunks = chunks
        self.count = chunks.reduce(0) { $0 + $1.count }
    }

    /// Records held in one array.
    public init(_ bytes: [UInt8]) { self.init(chunks: [bytes[...]]) }

    /// Appends a batch's bytes (or any run of whole batches).
    public mutating func append(_ chunk: ArraySlice<UInt8>) {
        chunks.append(chunk)
        count += chunk.count
    }

    /// All the bytes in one array (a copy; for clients and tests, not the broker's path).
    public var joined: [UInt8] { Array(chunks.joined()) }
}

extension RecordBytes: Equatable {
    /// Equal when the bytes are, whatever the chunking.
    public static func == (lhs: RecordBytes, rhs: RecordBytes) -> Bool {
        lhs.count == rhs.count && lhs.chunks.joined().elementsEqual(rhs.chunks.joined())
    }
}

extension WireWriter {
    /// Appends nullable bytes (int32 length, −1 = null) from record chunks, without joining them first.
    public mutating func writeNullableBytes(records: RecordBytes?) {
        guard let records else { return writeInt32(-1) }
        writeInt32(Int32(truncatingIfNeeded: records.count))
        for chunk in records.chunks { writeBytes(chunk) }
    }
}
