import KafkaWire
import NIOCore

/// One client connection: posts its frames to the owner's mailbox and writes the replies back
/// in request order (Kafka's rule), however the owner's answers interleave.
///
/// At most ``maximumInFlight`` requests wait for answers; beyond that the connection stops
/// reading until answers go out, so a flooding client cannot grow the mailbox without bound.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = [UInt8]
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let maximumInFlight = 64

    let id: Int
    let mailbox: Mailbox
    /// The sequence number the next request gets.
    private var nextSequence = 0
    /// The sequence number of the next reply to write.
    private var nextToWrite = 0
    /// Replies that arrived before an earlier one, by sequence number.
    private var ready: [Int: BrokerReply] = [:]
    /// A read the pipeline asked for while too many requests were in flight.
    private var readHeld = false
    private var closed = false

    init(id: Int, mailbox: Mailbox) {
        self.id = id
        self.mailbox = mailbox
    }

    func channelActive(context: ChannelHandlerContext) {
        mailbox.post(.connected(id, remote: context.remoteAddress.map(Self.describe) ?? "?"))
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        mailbox.post(.disconnected(id))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closed else { return }
        let frame = unwrapInboundIn(data)
        let sequence = nextSequence
        nextSequence += 1
        let promise = context.eventLoop.makePromise(of: BrokerReply.self)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        promise.futureResult.whenSuccess { reply in
            let (handler, context) = loopBound.value
            handler.ready[sequence] = reply
            handler.writeReady(context: context)
        }
        mailbox.post(.request(id, frame: frame, reply: promise))
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if !closed, let wire = error as? WireError {
            mailbox.post(.failed(id, reason: wire.description))
        }
        closed = true
        context.close(promise: nil)
    }

    func read(context: ChannelHandlerContext) {
        if nextSequence - nextToWrite >= Self.maximumInFlight {
            readHeld = true
        } else {
            context.read()
        }
    }

    /// Writes the replies that are next in order; a `.close` reply closes the connection.
    private func writeReady(context: ChannelHandlerContext) {
        var wrote = false
        while let reply = ready.removeValue(forKey: nextToWrite) {
            nextToWrite += 1
            guard !closed else { continue }
            switch reply {
            case .frame(let bytes):
                context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
                wrote = true
            case .none:
                break
            case .close:
                closed = true
                context.flush()
                context.close(promise: nil)
                return
            }
        }
        if wrote { context.flush() }
        if readHeld, nextSequence - nextToWrite < Self.maximumInFlight {
            readHeld = false
            context.read()
        }
    }

    /// `host:port` of a peer.
    static func describe(_ address: SocketAddress) -> String {
        "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
    }
}
