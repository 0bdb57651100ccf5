import Foundation
import KafkaWire
import Testing

/// Bad bytes get one clear answer: a Kafka error code where the request is readable, the
/// connection closed where it is not; nothing is appended, and other clients go on.
@Suite(.serialized) struct ListenerHostileInputTests {
    /// A second client that must still be answered: ApiVersions on a fresh connection.
    static func stillAnswers(_ serve: ServeProcess) throws -> Bool {
        let other = try RawConnection(port: serve.port)
        other.send(Requests.apiVersions(correlationId: 42))
        guard let body = other.readFrame() else { return false }
        var reader = WireReader(body)
        return try ResponseHeader.decode(from: &reader).correlationId == 42
    }

    @Test func frameSizesThatAreNegativeOrOver100MiBCloseThatConnectionOnly() throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let bystander = try RawConnection(port: serve.port)
        for size: Int32 in [-5, 100 * 1024 * 1024 + 1, .max] {
            let connection = try RawConnection(port: serve.port)
            var writer = WireWriter()
            writer.writeInt32(size)
            connection.send(writer.bytes + [0, 18, 0, 0])
            #expect(connection.isClosedByPeer(), "size \(size)")
        }
        bystander.send(Requests.metadata(correlationId: 7))
        #expect(bystander.readFrame() != nil)
        #expect(serve.output.contains("frame size -5 is negative: expected 0 or more; connection closed"))
        #expect(serve.output.contains("frame size 104857601 exceeds the limit of 104857600 bytes; connection closed"))
    }

    @Test func unknownApiKeysVersionsOutOfRangeAndGarbageCloseTheConnectionWithAReason() throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let cases: [[UInt8]] = [
            Requests.frame(api: .apiVersions, version: 0, body: []).enumerated().map { $0 == 5 ? 99 : $1 },  // api key 99
            Requests.frame(api: .produce, version: 99, body: []),
            Requests.frame(api: .fetch, version: 2, body: []),
            FrameSplitter.frame([0xde, 0xad, 0xbe, 0xef, 0x01]),  // a header cut short
            Requests.frame(api: .metadata, version: 1, body: [0xff, 0xff, 0xff, 0xf0]),  // an array of −16 topics
        ]
        for bytes in cases {
            let connection = try RawConnection(port: serve.port)
            connection.send(bytes)
            #expect(connection.isClosedByPeer(), "\(bytes.prefix(12))")
        }
        #expect(try Self.stillAnswers(serve))
        let output = serve.output
        #expect(output.contains("client raw-test (127.0.0.1:"))
        #expect(output.contains("API key 99 is not a Kafka API this listener speaks; connection closed"))
        #expect(output.contains("produce v99 is not supported (answered: v3–v8); connection closed"))
        #expect(output.contains("fetch v2 is not supported (answered: v4–v11); connection closed"))
        #expect(output.contains("an unreadable request header"))
    }

    @Test func aTruncatedFrameThenCloseAndASilentClientLeaveOthersUnaffected() throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let silent = try RawConnection(port: serve.port)
        let truncated = try RawConnection(port: serve.port)
        let whole = Requests.metadata()
        truncated.send(Array(whole.prefix(whole.count - 3)))
        truncated.shutdownWrite()
        #expect(truncated.isClosedByPeer())
        #expect(try Self.stillAnswers(serve))
        silent.send(Requests.apiVersions(correlationId: 9))
        #expect(silent.readFrame() != nil)
    }

    /// CRC, magic and record count are checked per partition: CORRUPT_MESSAGE, nothing appended.
    @Test func corruptBatchesAreAnsweredCorruptMessageAndNotAppended() throws {
        let serve = try ServeProcess("command-vs-events", ["--auto-create-topics"])
        defer { serve.stop() }
        let connection = try RawConnection(port: serve.port)
        let good = Requests.batch(key: "k", value: "{\"ok\":true}")
        var wrongCRC = good
        wrongCRC[20] ^= 0xFF
        var wrongMagic = good
        wrongMagic[16] = 1
        var lyingCount = good
        lyingCount[60] = 3  // recordCount 1 → 3 (CRC fixed up, so only the count lies)
        let crc = CRC32C.checksum(lyingCount[KafkaWire.RecordBatch.crcStart...])
        withUnsafeBytes(of: crc.bigEndian) { for (index, byte) in $0.enumerated() { lyingCount[17 + index] = byte } }
        var gzipLie = good
        gzipLie[22] = 2  // attributes: snappy
        let gzipCRC = CRC32C.checksum(gzipLie[KafkaWire.RecordBatch.crcStart...])
        withUnsafeBytes(of: gzipCRC.bigEndian) { for (index, byte) in $0.enumerated() { gzipLie[17 + index] = byte } }
        let expected: [([UInt8], KafkaErrorCode)] = [
            (wrongCRC, .corruptMessage), (wrongMagic, .corruptMessage), (lyingCount, .corruptMessage),
            (gzipLie, .unsupportedCompressionType), (good, .none),
        ]
        for (index, (batch, code)) in expected.enumerated() {
            connection.send(Requests.produce(batch, topic: "raw", correlationId: Int32(index)))
            let body = try #require(connection.readFrame())
            #expect(try Requests.produceError(body) == code, "case \(index)")
        }
        // Only the good batch landed: the new topic holds exactly it, at offset 0.
        let all = try KafkaClient.kcat(["-b", serve.bootstrap, "-C", "-t", "raw", "-o", "beginning", "-e", "-f", "%o %k %s\\n"])
        #expect(all.out.split(separator: "\n").filter { $0.first?.isNumber ?? false } == ["0 k {\"ok\":true}"], "\(all.out)")
    }

    @Test func twoHundredConnectionsAtOnceAreAllAnswered() throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let connections = try (0..<200).map { _ in try RawConnection(port: serve.port) }
        for (index, connection) in connections.enumerated() { connection.send(Requests.apiVersions(correlationId: Int32(index))) }
        var answered = 0
        for (index, connection) in connections.enumerated() {
            guard let body = connection.readFrame() else { continue }
            var reader = WireReader(body)
            if try ResponseHeader.decode(from: &reader).correlationId == Int32(index) { answered += 1 }
        }
        #expect(answered == 200)
    }
}
