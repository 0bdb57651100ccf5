import Testing
@testable import KafkaWire

/// Big-endian integers, varints, nullable strings/bytes/arrays and CRC-32C, by byte vectors.
struct PrimitivesTests {
    @Test func bigEndianIntegers() throws {
        var writer = WireWriter()
        writer.writeInt8(-2)
        writer.writeInt16(0x0102)
        writer.writeInt32(-1)
        writer.writeInt64(0x0102_0304_0506_0708)
        #expect(writer.bytes == [0xFE, 0x01, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4, 5, 6, 7, 8])
        var reader = WireReader(writer.bytes)
        #expect(try reader.readInt8() == -2)
        #expect(try reader.readInt16() == 0x0102)
        #expect(try reader.readInt32() == -1)
        #expect(try reader.readInt64() == 0x0102_0304_0506_0708)
        #expect(reader.remaining == 0)
    }

    @Test func shortReadThrowsAndKeepsOffset() {
        var reader = WireReader([0x00, 0x01, 0x02])
        #expect(throws: WireError.truncated(at: 0, needed: 4, available: 3)) { try reader.readInt32() }
        #expect(reader.offset == 0)
    }

    /// Zigzag varints as in Kafka's ByteUtils: 0→00, −1→01, 1→02, 63→7E, −64→7F, 64→80 01.
    @Test(arguments: [
        (Int32(0), [UInt8(0x00)]), (-1, [0x01]), (1, [0x02]), (63, [0x7E]), (-64, [0x7F]), (64, [0x80, 0x01]),
        (150, [0xAC, 0x02]), (Int32.max, [0xFE, 0xFF, 0xFF, 0xFF, 0x0F]), (Int32.min, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
    ] as [(Int32, [UInt8])])
    func zigzagVarint(value: Int32, bytes: [UInt8]) throws {
        var writer = WireWriter()
        writer.writeVarint(value)
        #expect(writer.bytes == bytes)
        var reader = WireReader(bytes)
        #expect(try reader.readVarint() == value)
        #expect(reader.remaining == 0)
    }

    @Test func zigzagVarlongExtremes() throws {
        var writer = WireWriter()
        writer.writeVarlong(Int64.min)
        writer.writeVarlong(-300)
        #expect(writer.bytes == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0xD7, 0x04])
        var reader = WireReader(writer.bytes)
        #expect(try reader.readVarlong() == Int64.min)
        #expect(try reader.readVarlong() == -300)
    }

    @Test func unsignedVarint() throws {
        var writer = WireWriter()
        writer.writeUnsignedVarint(300)
        #expect(writer.bytes == [0xAC, 0x02])
        var reader = WireReader(writer.bytes)
        #expect(try reader.readUnsignedVarint() == 300)
    }

    @Test func varintLongerThanFiveBytesIsAnError() {
        var reader = WireReader([0x80, 0x80, 0x80, 0x80, 0x80, 0x01])
        #expect(throws: WireError.varintTooLong(at: 0)) { try reader.readVarint() }
        var endless = WireReader([0x80, 0x80])
        #expect(throws: WireError.truncated(at: 2, needed: 1, available: 0)) { try endless.readVarlong() }
    }

    @Test func nullableStringsAndBytes() throws {
        var writer = WireWriter()
        writer.writeNullableString("kcat")
        writer.writeNullableString(nil)
        writer.writeNullableBytes([0xAB])
        writer.writeNullableBytes(nil)
        #expect(writer.bytes == [0x00, 0x04, 0x6B, 0x63, 0x61, 0x74, 0xFF, 0xFF,
                                 0x00, 0x00, 0x00, 0x01, 0xAB, 0xFF, 0xFF, 0xFF, 0xFF])
        var reader = WireReader(writer.bytes)
        #expect(try reader.readNullableString() == "kcat")
        #expect(try reader.readNullableString() == nil)
        #expect(try reader.readNullableBytes() == [0xAB])
        #expect(try reader.readNullableBytes() == nil)
    }

    @Test func stringLengthBelowMinusOneAndNullNonNullableStringAreErrors() {
        var reader = WireReader([0xFF, 0xFE])
        #expect(throws: WireError.invalidLength(-2, at: 0)) { try reader.readNullableString() }
        var null = WireReader([0xFF, 0xFF])
        #expect(throws: WireError.invalidLength(-1, at: 0)) { try null.readString() }
        var notUTF8 = WireReader([0x00, 0x01, 0xFF])
        #expect(throws: WireError.invalidUTF8(at: 0)) { try notUTF8.readString() }
    }

    @Test func arraysNullAndLyingCount() throws {
        var writer = WireWriter()
        writer.writeNullableArray([Int16(7), 8]) { $0.writeInt16($1) }
        writer.writeNullableArray(nil as [Int16]?) { $0.writeInt16($1) }
        #expect(writer.bytes == [0, 0, 0, 2, 0, 7, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF])
        var reader = WireReader(writer.bytes)
        #expect(try reader.readNullableArray { (r: inout WireReader) throws(WireError) in try r.readInt16() } == [7, 8])
        #expect(try reader.readNullableArray { (r: inout WireReader) throws(WireError) in try r.readInt16() } == nil)
        // Two billion elements claimed, none present: an error, not a two-billion-slot allocation.
        var lying = WireReader([0x7F, 0xFF, 0xFF, 0xFF, 0x00])
        #expect(throws: WireError.truncated(at: 4, needed: 2, available: 1)) {
            try lying.readArray { (r: inout WireReader) throws(WireError) in try r.readInt16() }
        }
    }

    /// The check value and the RFC 3720 (iSCSI) vectors.
    @Test func crc32c() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0x00, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    /// The eight-bytes-a-step path agrees with a bit-at-a-time CRC at every length and offset,
    /// for arrays, slices and non-contiguous collections alike.
    @Test func crc32cSlicingAgreesWithBitwise() {
        func bitwise(_ bytes: some Sequence<UInt8>) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            }
            return crc ^ 0xFFFF_FFFF
        }
        var random = SplitMix64(state: 32)
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        for start in 0..<9 {
            for end in start...min(start + 40, bytes.count) {
                #expect(CRC32C.checksum(bytes[start..<end]) == bitwise(bytes[start..<end]))
            }
        }
        #expect(CRC32C.checksum(bytes) == bitwise(bytes))
        #expect(CRC32C.checksum(bytes.reversed()) == bitwise(bytes.reversed()))
    }
}
