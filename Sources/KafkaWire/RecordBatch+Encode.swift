/// Writing a RecordBatch v2 to bytes.
extension RecordBatch {
    /// The batch's bytes, uncompressed, with `batchLength` and the CRC-32C filled in.
    public func encoded() -> [UInt8] {
        var writer = WireWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Appends the batch's bytes to `writer` (e.g. into a Produce request's records field).
    public func encode(into writer: inout WireWriter) {
        let start = writer.bytes.count
        writer.writeInt64(baseOffset)
        writer.writeInt32(0)  // batchLength, patched below
        writer.writeInt32(partitionLeaderEpoch)
        writer.writeInt8(2)
        writer.writeUInt32(0)  // crc, patched below
        writer.writeInt16(attributes.bits)
        writer.writeInt32(lastOffsetDelta)
        writer.writeInt64(baseTimestamp)
        writer.writeInt64(maxTimestamp)
        writer.writeInt64(producerId)
        writer.writeInt16(producerEpoch)
        writer.writeInt32(baseSequence)
        writer.writeInt32(Int32(truncatingIfNeeded: records.count))
        for record in records { record.encode(into: &writer) }
        let end = writer.bytes.count
        writer.patchBigEndian(Int32(truncatingIfNeeded: end - start - Self.lengthPrefixBytes), at: start + 8)
        let crc = CRC32C.checksum(writer.bytes[(start + Self.crcStart)..<end])
        writer.patchBigEndian(crc, at: start + 17)
    }
}

extension Record {
    /// Appends the record: its length varint, then its fields.
    func encode(into writer: inout WireWriter) {
        var body = WireWriter()
        body.writeInt8(attributes)
        body.writeVarlong(timestampDelta)
        body.writeVarint(offsetDelta)
        body.writeVarintBytes(key)
        body.writeVarintBytes(value)
        body.writeVarint(Int32(truncatingIfNeeded: headers.count))
        for header in headers {
            body.writeVarintBytes(Array(header.key.utf8))
            body.writeVarintBytes(header.value)
        }
        writer.writeVarint(Int32(truncatingIfNeeded: body.bytes.count))
        writer.writeBytes(body.bytes)
    }
}

extension WireWriter {
    /// Appends a varint length (−1 = null) and the bytes, as record keys, values and headers are written.
    mutating func writeVarintBytes(_ raw: [UInt8]?) {
        guard let raw else { return writeVarint(-1) }
        writeVarint(Int32(truncatingIfNeeded: raw.count))
        writeBytes(raw)
    }
}
