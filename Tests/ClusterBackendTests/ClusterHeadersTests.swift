import ClusterBackend
import Foundation
import KafkaTestSupport
import RdKafka
import StreamLog
import Testing

/// Record headers go to the cluster with the record, an outside consumer sees them, and the
/// replica members fetch from holds them (mock cluster).
@Suite(.serialized) struct ClusterHeadersTests {
    /// One record seen by an outside librdkafka consumer: its key and its headers as text.
    struct Seen: Equatable, Sendable {
        var key: String
        var headers: [String]
    }

    @Test func headersReachOutsideConsumersAndComeBackIntoTheReplica() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 1)
        let log = try ClusterLog(settings: ClusterScenarios.settings(cluster.bootstrapServers), random: SeededRandom(seed: 1))
        defer { log.close() }
        try log.createTopic("orders", config: TopicConfig(partitions: 1))
        _ = try log.produce(topic: "orders", key: "a", value: .int(1), headers: [Header("trace", "t-1"), Header("trace", "t-2")],
                            timestamp: 0, sizeInBytes: nil, partition: nil, nowMs: 0)
        _ = try log.produce(topic: "orders", key: "b", value: .int(2), headers: [], timestamp: 0, sizeInBytes: nil, partition: nil,
                            nowMs: 0)
        // A Produce request's batch (borrowed bytes), as an outside client's records arrive.
        let key = Array("c".utf8), value = Array("3".utf8), name = Array("source".utf8), origin = Array("kcat".utf8)
        try key.withUnsafeBytes { keyBytes in
            try value.withUnsafeBytes { valueBytes in
                try name.withUnsafeBytes { nameBytes in
                    try origin.withUnsafeBytes { originBytes in
                        let headers = [BorrowedHeader(key: nameBytes, value: originBytes), BorrowedHeader(key: nameBytes, value: nil)]
                        try headers.withUnsafeBufferPointer { headerBuffer in
                            let records = [BorrowedRecord(key: keyBytes, value: valueBytes, headers: headerBuffer, timestamp: 0)]
                            _ = try records.withUnsafeBufferPointer { try log.appendBatch(to: LogPartition("orders", 0), $0, nowMs: 0) }
                        }
                    }
                }
            }
        }
        let expected = [Seen(key: "a", headers: ["trace=t-1", "trace=t-2"]), Seen(key: "b", headers: []),
                        Seen(key: "c", headers: ["source=kcat", "source=null"])]

        let outside = try KafkaConsumer(config: KafkaConfig([
            "bootstrap.servers": cluster.bootstrapServers, "group.id": "outside", "auto.offset.reset": "earliest", "log_level": "0",
        ]))
        defer { outside.close() }
        try outside.subscribe(["streamstage.orders"])
        var seen: [Seen] = []
        let consumed = eventually(within: 20) {
            outside.poll(maxRecords: 10, timeoutMs: 100) { record in
                seen.append(Seen(
                    key: record.key.map { String(decoding: $0, as: UTF8.self) } ?? "",
                    headers: record.headers.map { "\($0.key)=\($0.value.map { String(decoding: $0, as: UTF8.self) } ?? "null")" }))
            }
            return seen.count >= 3
        }
        #expect(consumed)
        #expect(seen == expected)

        let readBack = eventually(within: 20) {
            log.tick(nowMs: 100)
            return ((try? log.fetch(LogPartition("orders", 0), from: 0, maxRecords: 10)) ?? []).count == 3
        }
        #expect(readBack)
        let replica = try log.fetch(LogPartition("orders", 0), from: 0, maxRecords: 10)
        #expect(replica.map(\.headers) == [
            [Header("trace", "t-1"), Header("trace", "t-2")], [], [Header("source", "kcat"), Header("source", [])],
        ])
    }
}
