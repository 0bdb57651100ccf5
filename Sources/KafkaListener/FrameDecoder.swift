import KafkaWire
import NIOCore

/// Cuts the byte stream into Kafka frames (int32 size, then the body), refusing sizes the
/// codec's ``FrameSplitter`` refuses: negative, or above its 100 MiB limit. Such a stream cannot
/// be resynchronised, so the error closes the connection (and only it).
struct FrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = [UInt8]

    let maximumFrameSize: Int32

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let size = buffer.getInteger(at: buffer.readerIndex, as: Int32.self) else { return .needMoreData }
        guard size >= 0 else { throw WireError.negativeFrameSize(size) }
        guard size <= maximumFrameSize else { throw WireError.frameTooLarge(size: size, limit: maximumFrameSize) }
        guard buffer.readableBytes >= 4 + Int(size) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        guard let body = buffer.readBytes(length: Int(size)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(body))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A frame cut short by the client closing: nothing to answer.
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
