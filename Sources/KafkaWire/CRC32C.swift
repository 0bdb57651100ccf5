/// CRC-32C (Castagnoli), the checksum RecordBatch v2 stores over `attributes` to the batch's end.
///
///     CRC32C.checksum(Array("123456789".utf8)) == 0xE3069283
///
/// Reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF. Contiguous bytes
/// (arrays and their slices) take eight bytes a step through eight tables ("slicing-by-8"):
/// every produced batch is checked on the broker's produce path.
public enum CRC32C {
    /// Eight tables of 256 entries, one after another: table 0 is the CRC of each byte value
    /// before the final XOR; table k advances table k − 1's entry by one more zero byte.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[index] = crc
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The CRC-32C of `bytes`.
    /// - Complexity: O(n).
    public static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        if let crc = bytes.withContiguousStorageIfAvailable({ update(0xFFFF_FFFF, UnsafeRawBufferPointer($0)) }) {
            return crc ^ 0xFFFF_FFFF
        }
        return tables.withUnsafeBufferPointer { table in
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            return crc ^ 0xFFFF_FFFF
        }
    }

    /// `crc` (before the final XOR) advanced over `raw`, eight bytes a step, then byte by byte.
    static func update(_ crc: UInt32, _ raw: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { table in
            var crc = crc
            var index = 0
            while index + 8 <= raw.count {
                let low = crc ^ UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                let high = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self))
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                index += 8
            }
            while index < raw.count {
                crc = table[Int((crc ^ UInt32(raw[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
            return crc
        }
    }

    /// The CRC-32C of raw bytes: the non-generic form for callers in other modules (a generic
    /// call across modules is not specialised, and raw buffers have no contiguous-storage fast path).
    /// - Complexity: O(n).
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0xFFFF_FFFF, bytes) ^ 0xFFFF_FFFF
    }
}
