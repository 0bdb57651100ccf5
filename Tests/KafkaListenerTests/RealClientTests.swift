import Foundation
import Testing

/// Three independent real clients against `streamstage serve`: kcat (librdkafka 2.0.2),
/// kafka-python 3.0.12 and confluent-kafka 2.16.1 (librdkafka 2.16).
@Suite(.serialized) struct RealClientTests {
    static let libraries = ["kafka-python", "confluent-kafka"]

    /// The records a headless run with the same seed exports for `partition` of `topic`, in
    /// offset order: what a client must read from the listener (the world is deterministic).
    static func exported(_ scenario: String, topic: String, partition: Int, count: Int) throws -> [(key: String, value: String)] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-export-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try KafkaClient.run(
            ServeProcess.binary, ["run", scenario, "--headless", "--seed", "7", "--duration", "20s", "--export-events", file.path],
            timeout: 60)
        #expect(result.status == 0, "\(result.out)")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let records = try lines.compactMap { line -> (key: String, value: String)? in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["topic"] as? String == topic, object["partition"] as? Int == partition else { return nil }
            // The payload exactly as written: the text between "payload": and ,"headers".
            let text = String(line)
            let start = try #require(text.range(of: "\"payload\":")).upperBound
            let end = try #require(text.range(of: ",\"headers\":", options: .backwards)).lowerBound
            return (object["key"] as? String ?? "", String(text[start..<end]))
        }
        return Array(records.prefix(count))
    }

    /// Decodes JSON lines from a client script.
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test(arguments: libraries) func metadataListsTheScenariosTopicsWithTheirPartitionCounts(_ library: String) throws {
        let serve = try ServeProcess("consumer-groups-101")
        defer { serve.stop() }
        let result = try KafkaClient.script("client.py", [library, serve.bootstrap, "metadata"])
        #expect(result.status == 0, "\(result.out)")
        #expect(result.out.split(separator: "\n").last == #"{"payments": 12, "payments-keyless": 12}"#)
    }

    @Test(arguments: libraries) func assignAndSeekToBeginningReadsTheScenariosRecords(_ library: String) throws {
        let expected = try Self.exported("command-vs-events", topic: "orders", partition: 1, count: 5)
        #expect(expected.count == 5)
        let serve = try ServeProcess("command-vs-events")
        defer { serve.stop() }
        let result = try KafkaClient.script("client.py", [library, serve.bootstrap, "read", "orders", "1", "5"])
        #expect(result.status == 0, "\(result.out)")
        let read = try Self.objects(result.out)
        #expect(read.map { $0["offset"] as? Int } == [0, 1, 2, 3, 4])
        #expect(read.map { $0["key"] as? String ?? "" } == expected.map(\.key))
        #expect(read.map { $0["value"] as? String ?? "" } == expected.map(\.value))
    }

    /// Each library, uncompressed and gzip.
    static let producers = libraries.flatMap { [($0, "none"), ($0, "gzip")] }

    @Test(arguments: producers) func producedKeyedRecordsAreReadBackAtTheOffsetsTheProducerWasGiven(_ library: String, _ codec: String) throws {
        let serve = try ServeProcess("command-vs-events", ["--auto-create-topics"])
        defer { serve.stop() }
        let result = try KafkaClient.script("client.py", [library, serve.bootstrap, "produce", "orders", "20"] + (codec == "none" ? [] : [codec]))
        #expect(result.status == 0, "\(result.out)")
        let summary = try #require(try Self.objects(result.out).last)
        let produced = try #require(summary["produced"] as? [[Any]])
        let back = try #require(summary["read_back"] as? [[String: Any]])
        #expect(produced.count == 20 && back.count == 20)
        for (index, (sent, read)) in zip(produced, back).enumerated() {
            #expect(sent[0] as? String == "k-\(index)")
            #expect(read["offset"] as? Int == sent[2] as? Int)
            #expect(read["key"] as? String == "k-\(index)")
            #expect(read["value"] as? String == #"{"n": \#(index), "by": "\#(library)"}"#)
        }
        // Offsets within a partition are dense and in the order the producer sent.
        let byPartition = Dictionary(grouping: produced, by: { $0[1] as? Int ?? -1 })
        for records in byPartition.values {
            let offsets = records.compactMap { $0[2] as? Int }
            #expect(offsets == offsets.sorted())
        }
    }

    @Test func kcatReadsTheScenariosRecordsAndReadsBackWhatItProducedWithHeaders() throws {
        let expected = try Self.exported("command-vs-events", topic: "orders", partition: 1, count: 3)
        let serve = try ServeProcess("command-vs-events", ["--auto-create-topics"])
        defer { serve.stop() }
        let read = try KafkaClient.kcat(["-b", serve.bootstrap, "-C", "-t", "orders", "-p", "1", "-o", "beginning", "-c", "3", "-e",
                                         "-f", "%o %k %s\\n"])
        #expect(read.status == 0, "\(read.out)")
        let lines = read.out.split(separator: "\n").filter { $0.first?.isNumber ?? false }
        #expect(lines == expected.enumerated().map { "\($0) \($1.key) \($1.value)"[...] })
        // A topic of its own (created on first use), so nothing else writes between the two commands.
        let produce = try KafkaClient.kcat(["-b", serve.bootstrap, "-P", "-t", "pane", "-K", ":", "-H", "trace=t-1"],
                                           input: "kcat-1:{\"hello\":1}\nkcat-2:{\"hello\":2}\n")
        #expect(produce.status == 0, "\(produce.out)")
        let back = try KafkaClient.kcat(["-b", serve.bootstrap, "-C", "-t", "pane", "-o", "beginning", "-e", "-f", "%o %k %h %s\\n"])
        #expect(back.out.split(separator: "\n").filter { $0.first?.isNumber ?? false }
                == ["0 kcat-1 trace=t-1 {\"hello\":1}", "1 kcat-2 trace=t-1 {\"hello\":2}"], "\(back.out)")
    }
}
