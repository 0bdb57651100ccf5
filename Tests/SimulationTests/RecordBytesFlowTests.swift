import Scenario
import StreamLog
import Testing

@testable import Simulation

/// Values that are not JSON (text, binary) flow through the log, the processors and the feed
/// unharmed; a processor reading a field of one finds it missing.
struct RecordBytesFlowTests {
    static let yaml = """
        scenario: 1
        id: bytes
        title: "Bytes"
        story: "Text and binary values next to JSON."
        seed: 3
        clock: { tick: 10ms, speed: 1.0 }
        topics:
          raw: { partitions: 1 }
          big: { partitions: 1 }
          high: { partitions: 1 }
          low: { partitions: 1 }
        processors:
          only-big: { kind: filter, from: raw, where: "amount > 10", to: big, start: earliest }
          route:
            kind: branch
            from: raw
            cases: [ { when: "amount > 10", to: high } ]
            default: low
            start: earliest
        script:
          - id: one
            say: "Bytes."
        """

    static let text = Array("amount=42\tok\n".utf8)
    static let binary: [UInt8] = [0x00, 0xFF, 0xFE, 0x7B]
    static let json = Array(#"{"amount":42}"#.utf8)

    func engineWithRawRecords() throws -> Engine {
        let engine = try Engine(scenario: try ScenarioLoader.parse(yaml: Self.yaml, file: "bytes.yaml"))
        engine.append(OutputRecord(topic: "raw", key: Array("k-1".utf8), value: Self.text), now: 0)
        engine.append(OutputRecord(topic: "raw", key: [0xC0], value: Self.binary), now: 0)
        engine.append(OutputRecord(topic: "raw", key: nil, value: Self.json), now: 0)
        return engine
    }

    func values(_ engine: Engine, _ topic: String) throws -> [[UInt8]] {
        try engine.log.fetch(TopicPartition(topic, 0), from: 0, maxRecords: 10).map(\.value)
    }

    @Test func textAndBinaryValuesAreStoredByteForByte() throws {
        let engine = try engineWithRawRecords()
        let records = try engine.log.fetch(TopicPartition("raw", 0), from: 0, maxRecords: 10)
        #expect(records.map(\.value) == [Self.text, Self.binary, Self.json])
        #expect(records.map(\.key) == [Array("k-1".utf8), [0xC0], nil])
        #expect(records.map(\.sizeInBytes) == [3 + 13, 1 + 4, 13])
    }

    @Test func theFeedShowsTextEscapedAndBinaryAsItsSize() throws {
        let engine = try engineWithRawRecords()
        let lines = engine.feed.entries.compactMap { entry -> String? in
            guard case .record(let topic, _, let offset, let key, let payload, _) = entry.kind else { return nil }
            return "\(topic)@\(offset) \(key ?? "-") \(payload)"
        }
        #expect(lines == [
            #"raw@0 k-1 amount=42\tok\n"#,
            "raw@1 <binary 1 B> <binary 4 B>",
            #"raw@2 - {"amount":42}"#,
        ])
    }

    @Test func processorsFindNoFieldsInAValueThatIsNotJSONAndPassItOnUnchanged() throws {
        let engine = try engineWithRawRecords()
        engine.run(untilMs: 1_000)
        #expect(try values(engine, "big") == [Self.json])
        #expect(try values(engine, "high") == [Self.json])
        #expect(try values(engine, "low") == [Self.text, Self.binary])
        let low = try engine.log.fetch(TopicPartition("low", 0), from: 0, maxRecords: 10)
        #expect(low.map(\.key) == [Array("k-1".utf8), [0xC0]])
    }
}
