import Testing
@testable import KafkaWire

/// Frames Debian's kcat 1.7.1 (librdkafka 2.0.2, the oldest versions spoken) sent, and answers it
/// accepted, decoded and re-encoded byte for byte.
///
/// Captured on loopback with the same throwaway Python fake broker as ``ClientCaptureTests`` (answering
/// ApiVersions with ``ApiKey/supported``): `kcat -P -t orders -p 0 -k order-9` producing `{"amount":7}`,
/// then `kcat -C -t orders -p 0 -o beginning -c 1 -e`, which printed that record back.
struct KcatCaptureTests {
    /// The request's header and body, split from its frame.
    func split(_ frame: [UInt8]) throws -> (RequestHeader, WireReader) {
        guard case let .frame(body, _) = try FrameSplitter().split(frame) else { throw WireError.truncated(at: 0, needed: 4, available: 0) }
        var reader = WireReader(body)
        return (try RequestHeader.decode(from: &reader), reader)
    }

    /// `header` and `body` framed as the client framed them.
    func frame(_ header: RequestHeader, _ body: [UInt8]) -> [UInt8] {
        var writer = WireWriter()
        header.encode(into: &writer)
        writer.writeBytes(body)
        return FrameSplitter.frame(writer.bytes)
    }

    /// kcat's batch: not idempotent, one record with key "order-9" at its wall-clock time.
    static let batch = hexBytes("""
        0000000000000000 0000004b 00000000 02 f0d04a85 0000 00000000 000001a2280522b4 000001a2280522b4
        ffffffffffffffff ffff ffffffff 00000001
        32 00 00 00 0e 6f726465722d39 18 7b22616d6f756e74223a377d 00
        """)

    @Test func produceV7AndMetadataV4FromTheProducer() throws {
        let metadataFrame = hexBytes("00000023 0003 0004 00000003 000c 636170747572652d6b636174 00000001 0006 6f7264657273 01")
        let (metadataHeader, metadataBody) = try split(metadataFrame)
        var metadataReader = metadataBody
        let metadata = try MetadataRequest.decode(version: 4, from: &metadataReader)
        #expect(metadata == MetadataRequest(topics: ["orders"], allowAutoTopicCreation: true))
        #expect(frame(metadataHeader, metadata.encoded(version: 4)) == metadataFrame)

        let produceFrame = hexBytes("""
            0000008d 0000 0007 00000004 000c 636170747572652d6b636174
            ffff ffff 00007530 00000001 0006 6f7264657273 00000001 00000000 00000057
            """) + Self.batch
        let (produceHeader, produceBody) = try split(produceFrame)
        var produceReader = produceBody
        let produce = try ProduceRequest.decode(version: produceHeader.apiVersion, from: &produceReader)
        #expect(produceHeader.apiVersion == 7)
        #expect(produce == ProduceRequest(acks: -1, timeoutMs: 30_000, topics: [
            .init(name: "orders", partitions: [.init(index: 0, records: Self.batch[...])]),
        ]))
        #expect(frame(produceHeader, produce.encoded(version: 7)) == produceFrame)
        var batchReader = WireReader(Self.batch)
        guard case let .batch(spans) = try RecordBatch.decodeSpans(from: &batchReader) else {
            Issue.record("expected an uncompressed batch")
            return
        }
        #expect(spans.records.map { $0.key.map { String(decoding: Self.batch[$0], as: UTF8.self) } } == ["order-9"])
        #expect(spans.records.map { $0.value.map { String(decoding: Self.batch[$0], as: UTF8.self) } } == [#"{"amount":7}"#])
    }

    /// kcat reads committed (isolation level 1) and asks for the earliest offset at ListOffsets v2.
    @Test func listOffsetsV2AndFetchV11FromTheConsumer() throws {
        let listFrame = hexBytes("""
            00000040 0002 0002 00000005 0015 636170747572652d6b6361742d636f6e73756d6572
            ffffffff 01 00000001 0006 6f7264657273 00000001 00000000 fffffffffffffffe
            """)
        let (listHeader, listBody) = try split(listFrame)
        var listReader = listBody
        let list = try ListOffsetsRequest.decode(version: 2, from: &listReader)
        #expect(list == ListOffsetsRequest(isolationLevel: 1, topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, timestamp: -2)])]))
        #expect(frame(listHeader, list.encoded(version: 2)) == listFrame)

        let fetchFrame = hexBytes("""
            0000006a 0001 000b 00000006 0015 636170747572652d6b6361742d636f6e73756d6572
            ffffffff 000001f4 00000001 03200000 01 00000000 ffffffff
            00000001 0006 6f7264657273 00000001 00000000 ffffffff 0000000000000000 ffffffffffffffff 00100000
            00000000 0000
            """)
        let (fetchHeader, fetchBody) = try split(fetchFrame)
        var fetchReader = fetchBody
        let fetch = try FetchRequest.decode(version: 11, from: &fetchReader)
        #expect(fetch == FetchRequest(maxWaitMs: 500, minBytes: 1, maxBytes: 52_428_800, isolationLevel: 1, topics: [
            .init(topic: "orders", partitions: [.init(partition: 0, fetchOffset: 0, partitionMaxBytes: 1_048_576)]),
        ]))
        #expect(frame(fetchHeader, fetch.encoded(version: 11)) == fetchFrame)
    }

    /// The Metadata v4, ListOffsets v2 and Fetch v11 answers kcat accepted, as this codec writes them.
    @Test func answersKcatAccepted() throws {
        let metadata = MetadataResponse(
            brokers: [.init(nodeId: 0, host: "127.0.0.1", port: 34_405)], clusterId: "fake", controllerId: 0,
            topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, leaderId: 0, leaderEpoch: 0, replicaNodes: [0])])])
        #expect(metadata.encoded(version: 4) == hexBytes("""
            00000000 00000001 00000000 0009 3132372e302e302e31 00008665 ffff 0004 66616b65 00000000
            00000001 0000 0006 6f7264657273 00 00000001 0000 00000000 00000000
            00000001 00000000 00000001 00000000
            """))
        let list = ListOffsetsResponse(topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, offset: 0)])])
        #expect(list.encoded(version: 2) == hexBytes("00000000 00000001 0006 6f7264657273 00000001 00000000 0000 ffffffffffffffff 0000000000000000"))
        let fetch = FetchResponse(responses: [.init(topic: "orders", partitions: [
            .init(partitionIndex: 0, highWatermark: 1, lastStableOffset: 1, logStartOffset: 0, records: RecordBytes(Self.batch)),
        ])])
        let accepted = hexBytes("""
            00000000 0000 00000000 00000001 0006 6f7264657273 00000001
            00000000 0000 0000000000000001 0000000000000001 0000000000000000 ffffffff ffffffff 00000057
            """) + Self.batch
        #expect(fetch.encoded(version: 11) == accepted)
        var reader = WireReader(accepted)
        #expect(try FetchResponse.decode(version: 11, from: &reader) == fetch)
    }
}
