/// CRC-32C (Castagnoli), the checksum RecordBatch v2 stores over `attributes` to the batch's end.
///
///     CRC32C.checksum(Array("123456789".utf8)) == 0xE3069283
///
/// Table-driven, reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF.
public enum CRC32C {
    /// One entry per byte value: the CRC of that byte alone, before the final XOR.
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        return crc
    }

    /// The CRC-32C of `bytes`.
    /// - Complexity: O(n).
    public static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32C of raw bytes: the non-generic form for callers in other modules (a generic
    /// call across modules is not specialised, and costs ten times as much per byte).
    /// - Complexity: O(n).
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        table.withUnsafeBufferPointer { table in
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            return crc ^ 0xFFFF_FFFF
        }
    }
}
