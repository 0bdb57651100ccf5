import Foundation
import Glibc
import KafkaWire

/// A plain TCP connection to the listener for hostile bytes: send anything, read frames back,
/// every read bounded by a timeout.
final class RawConnection {
    let fd: Int32

    /// Connects to 127.0.0.1:`port`; reads time out after `timeout` seconds.
    init(port: Int, timeout: Double = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeFailure(message: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw ServeFailure(message: "connect to port \(port): errno \(errno)")
        }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends every byte (false when the peer closed or the send timed out).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Stops sending (the peer reads end-of-file).
    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads exactly `count` bytes; nil on close or timeout.
    func read(count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let read = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
            guard read > 0 else { return nil }
            got += read
        }
        return buffer
    }

    /// Reads one response frame's body (after the size); nil on close or timeout.
    func readFrame() -> [UInt8]? {
        guard let size = read(count: 4) else { return nil }
        let length = Int(Int32(bigEndian: size.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }))
        guard length >= 0 else { return nil }
        return read(count: length)
    }

    /// Whether the peer closed the connection (a read returns end-of-file, not a timeout).
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }

    /// Reads and drops everything until the peer closes or a read times out.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress!, 65_536, 0) }) > 0 {}
    }
}

/// Request frames as a client would send them, built with the codec.
enum Requests {
    /// A whole frame: size, request header v1, body.
    static func frame(api: ApiKey, version: Int16, correlationId: Int32 = 1, clientId: String? = "raw-test", body: [UInt8]) -> [UInt8] {
        var writer = WireWriter()
        RequestHeader(apiKey: api.rawValue, apiVersion: version, correlationId: correlationId, clientId: clientId).encode(into: &writer)
        writer.writeBytes(body)
        return FrameSplitter.frame(writer.bytes)
    }

    /// One keyed record as a RecordBatch v2, stamped now (an old timestamp would be past retention).
    static func batch(key: String, value: String) -> [UInt8] {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return KafkaWire.RecordBatch(
            baseOffset: 0, lastOffsetDelta: 0, baseTimestamp: now, maxTimestamp: now,
            records: [Record(timestampDelta: 0, offsetDelta: 0, key: Array(key.utf8), value: Array(value.utf8))]
        ).encoded()
    }

    /// A Produce v8 (acks=1) of `records` to `topic` partition `partition`.
    static func produce(_ records: [UInt8], topic: String = "orders", partition: Int32 = 0, correlationId: Int32 = 1) -> [UInt8] {
        let request = ProduceRequest(acks: 1, timeoutMs: 5_000, topics: [
            ProduceRequest.Topic(name: topic, partitions: [ProduceRequest.Partition(index: partition, records: records[...])]),
        ])
        return frame(api: .produce, version: 8, correlationId: correlationId, body: request.encoded(version: 8))
    }

    /// ApiVersions v0 (empty body).
    static func apiVersions(correlationId: Int32 = 1) -> [UInt8] {
        frame(api: .apiVersions, version: 0, correlationId: correlationId, body: [])
    }

    /// Metadata v1 for every topic.
    static func metadata(correlationId: Int32 = 1) -> [UInt8] {
        frame(api: .metadata, version: 1, correlationId: correlationId, body: MetadataRequest(topics: nil).encoded(version: 1))
    }

    /// The partition error code of a Produce v8 response frame body.
    static func produceError(_ body: [UInt8]) throws -> KafkaErrorCode? {
        var reader = WireReader(body)
        _ = try ResponseHeader.decode(from: &reader)
        return try ProduceResponse.decode(version: 8, from: &reader).topics.first?.partitions.first?.errorCode
    }
}
