import KafkaWire
import KafkaWireGzip
import Testing

/// 2 000 seeded mutations of a real gzip batch's compressed records, resealed so each reaches zlib:
/// every one decodes or is a ``WireError``, never a trap.
struct GunzipFuzzTests {
    /// SplitMix64: a seeded, reproducible random source.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `compressed` after one to four edits: overwrite a byte, truncate, or insert random bytes.
    static func mutate(_ compressed: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = compressed
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.removeSubrange(at...)
            default: bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            }
        }
        return bytes
    }

    @Test func mutatedGzipRecordsNeverTrap() {
        let original = GunzipTests.kafkaPythonGzipBatch
        let compressed = Array(original[(RecordBatch.lengthPrefixBytes + RecordBatch.headerBytesAfterLength)...])
        var random = SplitMix64(state: 76)
        var accepted = 0
        var corrupt = 0
        var otherErrors = 0
        for _ in 0..<2_000 {
            let batch = GunzipTests.gzipBatch(recordCount: 3, compressed: Self.mutate(compressed, using: &random))
            var reader = WireReader(batch)
            do {
                _ = try RecordBatch.decodeInflatingGzip(from: &reader, maximumInflatedSize: 1 << 20)
                accepted += 1
            } catch {
                if case .corruptGzip = error { corrupt += 1 } else { otherErrors += 1 }
            }
        }
        // zlib (and the gzip trailer's CRC-32) catch edits to the deflate data and trailer; edits to the
        // gzip header's time and OS bytes are harmless, so a few batches still decode.
        #expect(accepted + corrupt + otherErrors == 2_000)
        #expect(corrupt >= 1_900)
        #expect(otherErrors == 0)
    }
}
