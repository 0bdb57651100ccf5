/// CRC-32C (Castagnoli), the checksum RecordBatch v2 stores over `attributes` to the batch's end.
///
///     CRC32C.checksum(Array("123456789".utf8)) == 0xE3069283
///
/// Table-driven, reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF; eight
/// bytes a step ("slicing-by-8"), since every produced and fetched batch is checksummed whole.
public enum CRC32C {
    /// One entry per byte value: the CRC of that byte alone, before the final XOR.
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        return crc
    }

    /// Eight tables of 256 back to back: slice k advances a byte's CRC by k more zero bytes.
    static let slices: [UInt32] = {
        var slices = table
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = slices[(slice - 1) * 256 + index]
                slices.append((previous >> 8) ^ table[Int(previous & 0xFF)])
            }
        }
        return slices
    }()

    /// The CRC-32C of `bytes`.
    /// - Complexity: O(n).
    public static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        if let crc = bytes.withContiguousStorageIfAvailable({ checksum(UnsafeRawBufferPointer($0)) }) { return crc }
        return Array(bytes).withUnsafeBytes { checksum($0) }
    }

    /// The CRC-32C of raw bytes: the non-generic form for callers in other modules (a generic
    /// call across modules is not specialised, and costs ten times as much per byte).
    /// - Complexity: O(n).
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        slices.withUnsafeBufferPointer { t in
            var crc: UInt32 = 0xFFFF_FFFF
            var index = 0
            let count = bytes.count
            while index + 8 <= count {
                let one = bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ crc
                let two = bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc = t[7 * 256 + Int(one & 0xFF)] ^ t[6 * 256 + Int((one >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((one >> 16) & 0xFF)] ^ t[4 * 256 + Int(one >> 24)]
                    ^ t[3 * 256 + Int(two & 0xFF)] ^ t[2 * 256 + Int((two >> 8) & 0xFF)]
                    ^ t[256 + Int((two >> 16) & 0xFF)] ^ t[Int(two >> 24)]
                index += 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }
}
