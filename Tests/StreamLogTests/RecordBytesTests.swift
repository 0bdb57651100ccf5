import Testing
@testable import StreamLog

/// Records are bytes: what goes in comes out byte for byte, JSON or not, and segments keep
/// them in arenas that retention recycles.
struct RecordBytesTests {
    func makePartition(_ configure: (inout TopicConfig) -> Void = { _ in }) throws -> Partition {
        var config = TopicConfig(partitions: 1)
        configure(&config)
        let log = InProcessLog(random: SeededRandom(seed: 1))
        try log.createTopic("raw", config: config)
        return try log.topic("raw").partitions[0]
    }

    @Test func keyValueAndHeaderBytesComeBackExactly() throws {
        let partition = try makePartition()
        let key: [UInt8] = [0x00, 0xFF, 0x41]
        let value: [UInt8] = [0xC3, 0x28, 0x0A, 0x00, 0x7B]
        let headers = [Header("trace", [0x01, 0x02]), Header("origin", "web")]
        key.withUnsafeBytes { key in
            value.withUnsafeBytes { value in
                _ = partition.append(key: key, value: value, headers: headers, timestamp: 7, nowMs: 9)
            }
        }
        partition.append(key: nil, value: UnsafeRawBufferPointer(start: nil, count: 0), timestamp: 8, nowMs: 9)

        let records = try partition.fetch(from: 0, maxRecords: 10)
        #expect(records.count == 2)
        #expect(records[0].key == key)
        #expect(records[0].value == value)
        #expect(records[0].headers == headers)
        #expect(records[0].sizeInBytes == 3 + 5 + (5 + 2) + (6 + 3))
        #expect(records[0].timestamp == 7 && records[0].appendTimeMs == 9)
        #expect(records[1].key == nil)
        #expect(records[1].value == [])
        #expect(records[1].sizeInBytes == 0)

        var seen: [(Int64, [UInt8]?, [UInt8])] = []
        try partition.forEachRun(from: 0, maxRecords: 2) { batch in
            for view in batch { seen.append((view.offset, view.keyBytes.map { Array($0) }, Array(view.valueBytes))) }
        }
        #expect(seen.map(\.0) == [0, 1])
        #expect(seen[0].1 == key && seen[0].2 == value)
        #expect(seen[1].1 == nil && seen[1].2 == [])
    }

    @Test func aValueIsStoredAsItsCompactJSON() throws {
        let partition = try makePartition()
        let value: Value = ["id": "o-1", "amount": 42.5, "tags": ["a", "b\"c"], "n": -7, "ok": true, "none": nil]
        partition.append(key: "o-1", value: value, timestamp: 1, nowMs: 1)
        let record = try #require(partition.record(at: 0))
        let expected = #"{"id":"o-1","amount":42.5,"tags":["a","b\"c"],"n":-7,"ok":true,"none":null}"#
        #expect(record.value == Array(expected.utf8))
        #expect(record.key == Array("o-1".utf8))
        #expect(record.sizeInBytes == 3 + expected.utf8.count)
        #expect(record.json == value)
    }

    @Test func jsonBytesAreTheUTF8OfTheJSONText() {
        let values: [Value] = [
            "tab\tquote\"slash\\ line\u{2028} del\u{7F} c1\u{85} é 😀", 0.1, 1e21, -0.0, .int(Int64.min), .double(.nan), [:], [],
        ]
        for value in values { #expect(value.jsonBytes == Array(value.json.utf8), "\(value)") }
        #expect(Value.int(Int64.min).jsonBytes == Array("-9223372036854775808".utf8))
    }

    @Test func anArenaWritesNumbersAndBytesExactly() {
        let arena = ByteArena(capacity: 16)
        for value: Int64 in [0, 9, 10, 99, 100, 12_345, -7, -100, .max, .min] {
            // Written into reserved room, as the generator writes its numbers.
            let start = arena.reserve(20) + arena.count
            let length = ByteArena.writeDecimal(value, into: UnsafeMutableBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: 20))
            arena.commit(count: arena.count + length)
            arena.append(UInt8(ascii: " "))
        }
        // Every copy path: small (up to 32 bytes), 16 at a time (up to 256), and a call.
        let long = Array((0..<300).map { UInt8(ascii: "a") + UInt8($0 % 26) })
        let counts = [1, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 47, 48, 49, 100, 255, 256, 257, 300]
        for count in counts { long.withUnsafeBytes { arena.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) } }
        let expected = Array("0 9 10 99 100 12345 -7 -100 9223372036854775807 -9223372036854775808 ".utf8)
            + counts.flatMap { long[..<$0] }
        #expect(Array(arena.bytes) == expected)
        #expect(arena.capacity >= arena.count)
        arena.removeAll()
        #expect(arena.count == 0)
    }

    @Test func parsingJSONGivesTheValueBack() {
        #expect(Value(json: Array(#" {"a": [1, 2.5, -3e2], "b": "x\u00e9\ud83d\ude00\n", "c": {}} "#.utf8))
            == ["a": [1, 2.5, -300.0], "b": "xé😀\n", "c": [:]])
        #expect(Value(json: Array("9223372036854775808".utf8)) == .double(9_223_372_036_854_775_808))
        #expect(Value(json: Array("null".utf8)) == .null)
    }

    @Test func bytesThatAreNotJSONDoNotParse() {
        let notJSON: [[UInt8]] = [
            Array("plain text".utf8), Array("{\"a\":1} trailing".utf8), [0x22, 0xFF, 0x22], Array("{\"a\":}".utf8),
            Array("\"line\nbreak\"".utf8), Array("01".utf8), [], Array("[1,]".utf8),
        ]
        for bytes in notJSON {
            #expect(Value(json: bytes) == nil, "\(bytes)")
            #expect(!bytes.withUnsafeBytes(JSONFieldReader.isJSON), "\(bytes)")
        }
        #expect(Array("{\"a\":[1,{\"b\":\"}\"}]}".utf8).withUnsafeBytes(JSONFieldReader.isJSON))
    }

    @Test func theFieldReaderReadsOneTopLevelField() {
        let json = Array(#"{"skip":{"amount":1,"s":"}\""},"amount":42.5,"we\"ird":"k","list":[1,2]}"#.utf8)
        json.withUnsafeBytes { bytes in
            #expect(JSONFieldReader.field("amount", in: bytes) == 42.5)
            #expect(JSONFieldReader.field("we\"ird", in: bytes) == "k")
            #expect(JSONFieldReader.field("list", in: bytes) == [1, 2])
            #expect(JSONFieldReader.field("skip", in: bytes) == ["amount": 1, "s": "}\""])
            #expect(JSONFieldReader.field("missing", in: bytes) == nil)
        }
        for other in ["plain text", "[1,2]", "42", "{\"amount\":"] {
            #expect(Array(other.utf8).withUnsafeBytes { JSONFieldReader.field("amount", in: $0) } == nil, "\(other)")
        }
    }

    @Test func aFieldOfARecordThatIsNotJSONIsMissing() throws {
        let partition = try makePartition()
        Array("amount=42".utf8).withUnsafeBytes { _ = partition.append(key: nil, value: $0, timestamp: 0, nowMs: 0) }
        let record = try #require(partition.record(at: 0))
        #expect(record.field("amount") == nil)
        #expect(record.json == nil)
        #expect(record.value == Array("amount=42".utf8))
    }

    @Test func retentionHandsWholeArenasBackForReuse() throws {
        let partition = try makePartition {
            $0.retentionRecords = 300
            $0.segmentRecords = 100
        }
        let value = Array(#"{"n":12345}"#.utf8)
        func append(_ count: Int) {
            value.withUnsafeBytes { value in
                for time in 0..<count { partition.append(key: nil, value: value, timestamp: Int64(time), nowMs: Int64(time)) }
            }
        }
        func arenaAddress() -> UnsafeRawPointer { partition.active.arena.baseAddress }
        append(1_000)
        var arenas: Set<UnsafeRawPointer> = []
        for _ in 0..<10 {
            append(100)
            arenas.insert(arenaAddress())
        }
        for _ in 0..<50 {
            append(100)
            #expect(arenas.contains(arenaAddress()))
        }
        #expect(arenas.count <= 4 + Partition.freeStorageCap)
        #expect(partition.retainedRecords <= 400)
        #expect(try partition.fetch(from: partition.logStartOffset, maxRecords: 1).first?.value == value)
    }
}
