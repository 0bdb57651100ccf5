import Testing
@testable import StreamLog

/// Reference §1.3: Kafka's UtilsTest vectors plus librdkafka's, raw hash and partitions.
struct Murmur2Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let key: String
        let hash: Int32
        let positive: Int32
        let mod3: Int
        let mod6: Int
        let mod12: Int
        var testDescription: String { "'\(key)'" }
    }

    static let vectors: [Vector] = [
        Vector(key: "21", hash: -973_932_308, positive: 1_173_551_340, mod3: 0, mod6: 0, mod12: 0),
        Vector(key: "foobar", hash: -790_332_482, positive: 1_357_151_166, mod3: 0, mod6: 0, mod12: 6),
        Vector(key: "a-little-bit-long-string", hash: -985_981_536, positive: 1_161_502_112, mod3: 2, mod6: 2, mod12: 8),
        Vector(key: "a-little-bit-longer-string", hash: -1_486_304_829, positive: 661_178_819, mod3: 2, mod6: 5, mod12: 11),
        Vector(
            key: "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", hash: -58_897_971, positive: 2_088_585_677, mod3: 2,
            mod6: 5, mod12: 5),
        Vector(key: "abc", hash: 479_470_107, positive: 479_470_107, mod3: 0, mod6: 3, mod12: 3),
        Vector(key: "kafka", hash: -798_503_068, positive: 1_348_980_580, mod3: 1, mod6: 4, mod12: 4),
        Vector(key: "giberish123456789", hash: -1_890_243_828, positive: 257_239_820, mod3: 2, mod6: 2, mod12: 8),
        Vector(key: "1234", hash: -1_614_185_708, positive: 533_297_940, mod3: 0, mod6: 0, mod12: 0),
        Vector(key: "4", hash: 1_514_888_353, positive: 1_514_888_353, mod3: 1, mod6: 1, mod12: 1),
        Vector(key: "", hash: 275_646_681, positive: 275_646_681, mod3: 0, mod6: 3, mod12: 9),
    ]

    @Test(arguments: vectors)
    func rawHashMatchesKafka(_ vector: Vector) {
        #expect(Murmur2.hash(vector.key) == vector.hash)
        #expect(Murmur2.toPositive(vector.hash) == vector.positive)
    }

    @Test(arguments: vectors)
    func partitionMatchesKafka(_ vector: Vector) {
        #expect(Murmur2.partition(forKey: vector.key, partitionCount: 3) == vector.mod3)
        #expect(Murmur2.partition(forKey: vector.key, partitionCount: 6) == vector.mod6)
        #expect(Murmur2.partition(forKey: vector.key, partitionCount: 12) == vector.mod12)
    }

    @Test func helloIsNotTheThirdPartyValue() {
        #expect(Murmur2.hash("hello") == Int32(bitPattern: 0x7f1d_dbbd))
    }

    @Test func toPositiveIsNotAbs() {
        // Key "21" with 6 partitions: toPositive gives 0, abs would give 2.
        #expect(Murmur2.partition(forKey: "21", partitionCount: 6) == 0)
        #expect(Int(abs(Int64(Murmur2.hash("21")))) % 6 == 2)
    }
}
