import Testing
@testable import KafkaWire

/// Frames kafka-python 3.0.12 sent, and responses it accepted, decoded and re-encoded byte for byte.
///
/// Captured on loopback with a throwaway Python fake broker (127.0.0.1, a free port, bounded to 50 s)
/// that answered ApiVersions with ``ApiKey/supported``, Metadata v8 (one broker, topic "orders" with
/// one partition), InitProducerId v1 (producer id 1000), Produce v8, ListOffsets v5 and Fetch v11, and
/// logged every frame in hex. The clients: `KafkaProducer(client_id='capture-producer')` with its
/// defaults (idempotent, acks=all) sending key "order-1", value `{"amount":12}` at 1 700 000 000 000 ms;
/// then `KafkaConsumer(client_id='capture-consumer', fetch_max_wait_ms=100)` with assign() and
/// seek_to_beginning(), which consumed that record and a gzip batch from the Fetch response below.
struct ClientCaptureTests {
    /// The request's header and body, split from its frame.
    func split(_ frame: [UInt8]) throws -> (RequestHeader, WireReader) {
        guard case let .frame(body, consumed) = try FrameSplitter().split(frame) else { throw WireError.truncated(at: 0, needed: 4, available: 0) }
        #expect(consumed == frame.count)
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

    /// The idempotent producer's batch: producer id 1000, epoch 0, sequence 0, one record.
    static let producedBatch = hexBytes("""
        0000000000000000 0000004c 00000000 02 cbf5649c 0000 00000000 0000018bcfe56800 0000018bcfe56800
        00000000000003e8 0000 00000000 00000001
        34 00 00 00 0e 6f726465722d31 1a 7b22616d6f756e74223a31327d 00
        """)

    @Test func produceV8FromTheIdempotentProducer() throws {
        let captured = hexBytes("""
            00000092 0000 0008 00000004 0010 636170747572652d70726f6475636572
            ffff ffff 00001388 00000001 0006 6f7264657273 00000001 00000000 00000058
            """) + Self.producedBatch
        let (header, body) = try split(captured)
        #expect(header == RequestHeader(apiKey: 0, apiVersion: 8, correlationId: 4, clientId: "capture-producer"))
        var reader = body
        let request = try ProduceRequest.decode(version: 8, from: &reader)
        #expect(request == ProduceRequest(acks: -1, timeoutMs: 5_000, topics: [
            .init(name: "orders", partitions: [.init(index: 0, records: Self.producedBatch[...])]),
        ]))
        var batch = WireReader(Self.producedBatch)
        #expect(try RecordBatch.decode(from: &batch) == .batch(RecordBatch(
            baseOffset: 0, partitionLeaderEpoch: 0, lastOffsetDelta: 0, baseTimestamp: 1_700_000_000_000,
            maxTimestamp: 1_700_000_000_000, producerId: 1_000, producerEpoch: 0, baseSequence: 0,
            records: [Record(timestampDelta: 0, offsetDelta: 0, key: Array("order-1".utf8), value: Array(#"{"amount":12}"#.utf8))])))
        #expect(frame(header, request.encoded(version: 8)) == captured)
    }

    @Test func initProducerIdV1AndMetadataV8() throws {
        let initFrame = hexBytes("00000020 0016 0001 00000002 0010 636170747572652d70726f6475636572 ffff 00000000")
        let (initHeader, initBody) = try split(initFrame)
        var initReader = initBody
        let initRequest = try InitProducerIdRequest.decode(version: initHeader.apiVersion, from: &initReader)
        #expect(initRequest == InitProducerIdRequest(transactionTimeoutMs: 0))
        #expect(frame(initHeader, initRequest.encoded(version: 1)) == initFrame)

        // First an empty topic list (brokers only), then "orders".
        for (hex, topics) in [("00000021 0003 0008 00000003 0010 636170747572652d70726f6475636572 00000000 01 00 00", [String]()),
                              ("00000029 0003 0008 00000003 0010 636170747572652d70726f6475636572 00000001 0006 6f7264657273 01 00 00",
                               ["orders"])] {
            let captured = hexBytes(hex)
            let (header, body) = try split(captured)
            var reader = body
            let request = try MetadataRequest.decode(version: 8, from: &reader)
            #expect(request == MetadataRequest(topics: topics))
            #expect(frame(header, request.encoded(version: 8)) == captured)
        }
    }

    @Test func listOffsetsV5AndFetchV11FromTheConsumer() throws {
        let listFrame = hexBytes("""
            0000003f 0002 0005 00000003 0010 636170747572652d636f6e73756d6572
            ffffffff 00 00000001 0006 6f7264657273 00000001 00000000 ffffffff fffffffffffffffe
            """)
        let (listHeader, listBody) = try split(listFrame)
        var listReader = listBody
        let list = try ListOffsetsRequest.decode(version: 5, from: &listReader)
        #expect(list == ListOffsetsRequest(topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, timestamp: -2)])]))
        #expect(list.topics[0].partitions[0].lookup == .earliest)
        #expect(frame(listHeader, list.encoded(version: 5)) == listFrame)

        let fetchFrame = hexBytes("""
            00000065 0001 000b 00000004 0010 636170747572652d636f6e73756d6572
            ffffffff 00000064 00000001 03200000 00 00000000 00000000
            00000001 0006 6f7264657273 00000001 00000000 ffffffff 0000000000000000 ffffffffffffffff 00100000
            00000000 0000
            """)
        let (fetchHeader, fetchBody) = try split(fetchFrame)
        var fetchReader = fetchBody
        let fetch = try FetchRequest.decode(version: 11, from: &fetchReader)
        // Session 0, epoch 0: kafka-python asks for a new incremental fetch session (KIP-227).
        #expect(fetch == FetchRequest(maxWaitMs: 100, minBytes: 1, maxBytes: 52_428_800, sessionId: 0, sessionEpoch: 0, topics: [
            .init(topic: "orders", partitions: [.init(partition: 0, fetchOffset: 0, partitionMaxBytes: 1_048_576)]),
        ]))
        #expect(frame(fetchHeader, fetch.encoded(version: 11)) == fetchFrame)
    }

    /// The gzip producer's batch (kafka-python, `compression_type='gzip'`: records k0…k2), stored at offset 1.
    static let gzipBatchAtOffsetOne = hexBytes("""
        0000000000000001 00000070 00000000 02 01d56f81 0001 00000002 0000018bcfe56800 0000018bcfe56802
        00000000000003e8 0000 00000000 00000003
        1f8b08001e460c6b02ffd360606060c93690a8564acccd2fcd2b51b232a865d062606262c9369442081a8245595858b28d90448d80a200c3b6c76141000000
        """)

    /// The Fetch v11 response kafka-python consumed all four records from: two stored batches back to back.
    @Test func fetchV11ResponseTheConsumerAccepted() throws {
        let accepted = hexBytes("""
            00000004 00000000 0000 00000000 00000001 0006 6f7264657273 00000001
            00000000 0000 0000000000000004 0000000000000004 0000000000000000 ffffffff ffffffff 000000d4
            """) + Self.producedBatch + Self.gzipBatchAtOffsetOne
        var stored = RecordBytes()
        stored.append(Self.producedBatch[...])
        stored.append(Self.gzipBatchAtOffsetOne[...])
        let response = FetchResponse(responses: [.init(topic: "orders", partitions: [
            .init(partitionIndex: 0, highWatermark: 4, lastStableOffset: 4, logStartOffset: 0, records: stored),
        ])])
        let header = ResponseHeader(correlationId: 4)
        #expect(header.frame(reservingCapacity: response.encodedByteCountBound) { response.encode(version: 11, into: &$0) }
                == FrameSplitter.frame(accepted))
        var reader = WireReader(accepted)
        #expect(try ResponseHeader.decode(from: &reader) == header)
        #expect(try FetchResponse.decode(version: 11, from: &reader) == response)
    }

    /// Produce v8, ListOffsets v5 and Metadata v8 answers kafka-python accepted, as this codec writes them.
    @Test func responsesTheClientsAccepted() {
        let produce = ProduceResponse(topics: [.init(name: "orders", partitions: [.init(index: 0, baseOffset: 0, logStartOffset: 0)])])
        #expect(produce.encoded(version: 8) == hexBytes("""
            00000001 0006 6f7264657273 00000001 00000000 0000 0000000000000000 ffffffffffffffff 0000000000000000
            00000000 ffff 00000000
            """))
        let list = ListOffsetsResponse(topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, offset: 0, leaderEpoch: 0)])])
        #expect(list.encoded(version: 5) == hexBytes("""
            00000000 00000001 0006 6f7264657273 00000001 00000000 0000 ffffffffffffffff 0000000000000000 00000000
            """))
        let metadata = MetadataResponse(
            brokers: [.init(nodeId: 0, host: "127.0.0.1", port: 36_833)], clusterId: "fake", controllerId: 0,
            topics: [.init(name: "orders", partitions: [.init(partitionIndex: 0, leaderId: 0, leaderEpoch: 0, replicaNodes: [0])])])
        #expect(metadata.encoded(version: 8) == hexBytes("""
            00000000 00000001 00000000 0009 3132372e302e302e31 00008fe1 ffff 0004 66616b65 00000000
            00000001 0000 0006 6f7264657273 00 00000001 0000 00000000 00000000 00000000
            00000001 00000000 00000001 00000000 00000000 80000000 80000000
            """))
        #expect(InitProducerIdResponse(producerId: 1_000, producerEpoch: 0).encoded(version: 1)
                == hexBytes("00000000 0000 00000000000003e8 0000"))
    }
}
