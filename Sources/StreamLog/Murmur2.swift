/// Kafka's murmur2 hash (`Utils.murmur2`), bit for bit: seed 0x9747b28c, little-endian blocks,
/// fall-through tail, unsigned shifts.
public enum Murmur2 {
    /// The signed 32-bit hash Kafka computes for `bytes`.
    @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let m: UInt32 = 0x5bd1_e995
        let r: UInt32 = 24
        let length = bytes.count
        var h: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: length)
        let blocks = length / 4
        if let base = bytes.baseAddress {
            for block in 0..<blocks {
                var k = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: block &* 4, as: UInt32.self))
                k = k &* m
                k ^= k >> r
                k = k &* m
                h = h &* m
                h ^= k
            }
        }
        let tail = blocks * 4
        switch length % 4 {
        case 3:
            h ^= UInt32(bytes[tail + 2]) << 16
            h ^= UInt32(bytes[tail + 1]) << 8
            h ^= UInt32(bytes[tail])
            h = h &* m
        case 2:
            h ^= UInt32(bytes[tail + 1]) << 8
            h ^= UInt32(bytes[tail])
            h = h &* m
        case 1:
            h ^= UInt32(bytes[tail])
            h = h &* m
        default:
            break
        }
        h ^= h >> 13
        h = h &* m
        h ^= h >> 15
        return Int32(bitPattern: h)
    }

    /// The hash of the key's UTF-8 bytes (what Kafka's StringSerializer produces).
    public static func hash(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// Kafka's `toPositive`: `hash & 0x7fffffff` (not `abs`).
    public static func toPositive(_ hash: Int32) -> Int32 { hash & 0x7fff_ffff }

    /// The partition Kafka's default partitioner picks for a keyed record.
    public static func partition(forKey key: String, partitionCount: Int) -> Int {
        Int(toPositive(hash(key))) % partitionCount
    }
}
