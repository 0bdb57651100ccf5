import Foundation
import KafkaWire
import Testing

/// 10 000 seeded mutations of valid request frames thrown at a running listener: afterwards it
/// is alive, its memory is back near where it was, and a real client still produces and consumes.
@Suite(.serialized) struct ListenerFuzzTests {
    /// SplitMix64: the same seed, the same mutations.
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    }

    /// Valid frames of every API the listener answers.
    static let corpus: [[UInt8]] = [
        Requests.apiVersions(),
        Requests.frame(api: .apiVersions, version: 3, body: [0x05, 0x72, 0x61, 0x77, 0x00, 0x02, 0x31, 0x00, 0x00]),
        Requests.metadata(),
        Requests.frame(api: .metadata, version: 8, body: MetadataRequest(topics: ["orders", "nope"]).encoded(version: 8)),
        Requests.produce(Requests.batch(key: "fuzz", value: "{\"fuzz\":1}"), topic: "orders", partition: 3),
        Requests.frame(api: .fetch, version: 11, body: FetchRequest(maxWaitMs: 0, minBytes: 0, topics: [
            FetchRequest.Topic(topic: "orders", partitions: [FetchRequest.Partition(partition: 3, fetchOffset: 0, partitionMaxBytes: 65_536)]),
        ]).encoded(version: 11)),
        Requests.frame(api: .listOffsets, version: 5, body: ListOffsetsRequest(topics: [
            ListOffsetsRequest.Topic(name: "orders", partitions: [ListOffsetsRequest.Partition(partitionIndex: 1, timestamp: -2)]),
        ]).encoded(version: 5)),
        Requests.frame(api: .initProducerId, version: 1, body: InitProducerIdRequest(transactionTimeoutMs: 1_000).encoded(version: 1)),
    ]

    /// One mutation of a corpus frame: flipped bytes, a cut, an inserted run, a changed size
    /// prefix (the body kept), or the bytes of two frames spliced.
    static func mutate(_ random: inout Seeded) -> [UInt8] {
        var frame = corpus[random.below(corpus.count)]
        switch random.below(6) {
        case 0:
            for _ in 0...random.below(4) { frame[random.below(frame.count)] = UInt8(truncatingIfNeeded: random.next()) }
        case 1:
            frame = Array(frame.prefix(random.below(frame.count)))
        case 2:
            let at = random.below(frame.count)
            frame.insert(contentsOf: (0..<random.below(16)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: at)
        case 3:
            let size = Int32(truncatingIfNeeded: Int64(random.next() % 300) - 50)
            withUnsafeBytes(of: size.bigEndian) { for (index, byte) in $0.enumerated() { frame[index] = byte } }
        case 4:
            // A field inside the body (lengths, counts, versions) set to an extreme.
            let at = 4 + random.below(frame.count - 4)
            frame[at] = [0x00, 0x7F, 0x80, 0xFF][random.below(4)]
        default:
            let other = corpus[random.below(corpus.count)]
            frame = Array(frame.prefix(random.below(frame.count))) + other.suffix(random.below(other.count))
        }
        return frame
    }

    @Test func tenThousandMutatedFramesLeaveTheListenerAliveSmallAndServing() throws {
        let serve = try ServeProcess("command-vs-events")
        defer { serve.stop() }
        var random = Seeded(state: 13)
        /// Sends `frames` mutations on one connection, then half-closes and reads until closed.
        func burst(_ frames: Int) throws {
            let connection = try RawConnection(port: serve.port, timeout: 3)
            var bytes: [UInt8] = []
            for _ in 0..<frames { bytes += Self.mutate(&random) }
            connection.send(bytes)
            connection.shutdownWrite()
            connection.drain()
        }
        // One frame per connection, so each is read on its own (a frame the listener cannot read
        // closes its connection, and would hide the frames behind it).
        for _ in 0..<500 { try burst(1) }  // warm-up: the allocator's and NIO's pools reach their working size
        let before = serve.rssKiB
        for _ in 0..<10_000 { try burst(1) }
        Thread.sleep(forTimeInterval: 0.5)
        let after = serve.rssKiB
        #expect(serve.process.isRunning)
        #expect(after < before + 24 * 1024, "RSS \(before) KiB before, \(after) KiB after")
        let produced = try KafkaClient.script("client.py", ["confluent-kafka", serve.bootstrap, "produce", "orders", "5"])
        #expect(produced.status == 0, "\(produced.out)")
        #expect(produced.out.contains("\"read_back\": [{\"offset\""))
    }
}
