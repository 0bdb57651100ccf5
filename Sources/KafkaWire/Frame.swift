/// Splits a byte stream into Kafka frames: an int32 size, then that many bytes.
///
///     let splitter = FrameSplitter()
///     try splitter.split([0, 0, 0, 2, 0xAB, 0xCD, 0]) // .frame(body: [0xAB, 0xCD], consumed: 6)
///
/// A size that is negative or above ``maximumFrameSize`` throws: the connection cannot be
/// resynchronised and is closed. A short buffer answers ``FrameSplit/needMoreBytes(_:)``.
public struct FrameSplitter: Sendable {
    /// 100 MiB: Kafka's own `socket.request.max.bytes` default, well above any real request.
    public static let defaultMaximumFrameSize: Int32 = 100 * 1024 * 1024

    /// The largest frame body accepted, in bytes.
    public let maximumFrameSize: Int32

    /// A splitter refusing frames above `maximumFrameSize` bytes.
    public init(maximumFrameSize: Int32 = FrameSplitter.defaultMaximumFrameSize) {
        self.maximumFrameSize = maximumFrameSize
    }

    /// The first frame in `buffer`, or how many more bytes it takes to have one.
    public func split(_ buffer: [UInt8]) throws(WireError) -> FrameSplit {
        var reader = WireReader(buffer)
        guard let size = try? reader.readInt32() else { return .needMoreBytes(4 - buffer.count) }
        guard size >= 0 else { throw .negativeFrameSize(size) }
        guard size <= maximumFrameSize else { throw .frameTooLarge(size: size, limit: maximumFrameSize) }
        guard let body = try? reader.readBytes(count: Int(size)) else { return .needMoreBytes(Int(size) - reader.remaining) }
        return .frame(body: Array(body), consumed: 4 + Int(size))
    }

    /// `body` with its int32 size prefix, ready to send.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt32(Int32(truncatingIfNeeded: body.count))
        writer.writeBytes(body)
        return writer.bytes
    }
}

/// What ``FrameSplitter/split(_:)`` found at the front of a buffer.
public enum FrameSplit: Equatable, Sendable {
    /// A whole frame: its body and how many buffer bytes (size prefix included) it took.
    case frame(body: [UInt8], consumed: Int)
    /// The frame is incomplete; at least this many more bytes are needed.
    case needMoreBytes(Int)
}
