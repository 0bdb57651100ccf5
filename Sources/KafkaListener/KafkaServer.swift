import KafkaWire
import NIOCore
import NIOPosix
import Synchronization

import Glibc

/// The SwiftNIO server: accepts connections on one address and gives each a frame decoder and a
/// ``ConnectionHandler`` posting to the owner's ``Mailbox``. One event-loop thread: the work is
/// the owner's, the network thread only moves bytes.
final class KafkaServer {
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    /// The address bound (the port the system picked when asked for 0).
    let bound: ListenAddress

    /// Binds `address`; throws a message saying why not (port in use, unknown host).
    init(address: ListenAddress, mailbox: Mailbox, maximumFrameSize: Int32) throws(ListenerStartError) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let ids = Atomic<Int>(0)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.autoRead, value: true)
            .childChannelInitializer { channel in
                let id = ids.add(1, ordering: .relaxed).newValue
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(FrameDecoder(maximumFrameSize: maximumFrameSize)))
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(id: id, mailbox: mailbox))
                }
            }
        do {
            channel = try bootstrap.bind(host: address.host, port: address.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw ListenerStartError(address: address, reason: Self.reason(error))
        }
        self.group = group
        bound = ListenAddress(host: address.host, port: channel.localAddress?.port ?? address.port)
    }

    /// Closes the listening socket and every connection, and stops the event loop.
    func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Why a bind failed, in a presenter's words.
    private static func reason(_ error: Error) -> String {
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE: return "the port is in use (another broker, or another streamstage?)"
            case EACCES: return "permission denied (ports below 1024 need root)"
            case EADDRNOTAVAIL: return "that address is not one of this machine's"
            default: return io.description
            }
        }
        if let unknown = error as? SocketAddressError.UnknownHost {
            return "the host is not known (\(unknown.errorDescription)); expected this machine's name or address, e.g. 127.0.0.1"
        }
        return "\(error)"
    }
}

/// The listener could not start: which address, and why.
public struct ListenerStartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The address asked for.
    public var address: ListenAddress
    /// Why it could not be bound.
    public var reason: String

    /// One line for the command line.
    public var description: String { "cannot listen on \(address): \(reason)" }
}
