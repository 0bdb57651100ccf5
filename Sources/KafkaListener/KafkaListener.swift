import KafkaWire
import NIOCore
import Simulation

/// A running Kafka listener over one engine: the NIO server on its thread, and the broker the
/// log's owner drives.
///
/// The owner (the live loop, or `serve`'s loop) calls ``service(wallMs:)`` every pass, between
/// the engine's ticks: it answers the requests that arrived and the parked fetches that are due.
/// Nothing else touches the engine, so the log needs no locks.
///
///     let listener = try KafkaListener.start(address, engine: engine, epochStartMs: wallStart)
///     while running {
///         listener.waitForRequests(upToSeconds: 0.005)
///         listener.service(wallMs: clock.epochMs)
///         engine.step()   // as the pacer says
///     }
///     listener.stop()
public final class KafkaListener {
    /// The answers; also the connection count and notices.
    public let broker: Broker
    /// The address bound (the system's port when 0 was asked for).
    public let address: ListenAddress
    private let server: KafkaServer
    private let mailbox: Mailbox
    /// Mail taken by a wait, answered by the next ``service(wallMs:)``.
    private var waiting: [ListenerMail] = []

    private init(broker: Broker, address: ListenAddress, server: KafkaServer, mailbox: Mailbox) {
        self.broker = broker
        self.address = address
        self.server = server
        self.mailbox = mailbox
    }

    /// Binds `address` and serves `engine`'s log; throws why it could not (port in use, …).
    ///
    /// Metadata advertises the bound address, so with port 0 clients learn the real port. With
    /// `produceWaits`, a Produce request does not wake ``waitForRequests(upToSeconds:)``: it is
    /// answered at the owner's next pass (its wait's timeout, or other mail), for an owner that
    /// passes often anyway and would rather wake once for many Produce requests than for each.
    public static func start(
        _ address: ListenAddress, engine: Engine, epochStartMs: Int64, autoCreateTopics: Bool = false,
        produceWaits: Bool = false, maximumFrameSize: Int32 = FrameSplitter.defaultMaximumFrameSize
    ) throws(ListenerStartError) -> KafkaListener {
        let mailbox = Mailbox(produceWaits: produceWaits)
        let server = try KafkaServer(address: address, mailbox: mailbox, maximumFrameSize: maximumFrameSize)
        let broker = Broker(engine: engine, advertised: server.bound, epochStartMs: epochStartMs, autoCreateTopics: autoCreateTopics)
        return KafkaListener(broker: broker, address: server.bound, server: server, mailbox: mailbox)
    }

    /// Sleeps until a request arrives (one that may wake it, see `produceWaits`) or `seconds`
    /// pass (the owner's idle wait).
    public func waitForRequests(upToSeconds seconds: Double) {
        waiting += mailbox.waitAndTakeAll(timeoutSeconds: seconds)
    }

    /// Answers everything that arrived, then the parked fetches that are due.
    public func service(wallMs: Int64) {
        let mail = waiting + mailbox.takeAll()
        waiting = []
        for item in mail {
            switch item {
            case .connected(let id, let remote):
                broker.connected(id, remote: remote)
            case .request(let id, let frame, let promise):
                broker.receive(frame, from: id, wallMs: wallMs) { promise.succeed($0) }
            case .failed(let id, let reason):
                broker.refuse(reason, from: id) { _ in }
            case .disconnected(let id):
                broker.disconnected(id)
            }
        }
        broker.recheck(wallMs: wallMs)
    }

    /// Stops listening and closes every connection.
    public func stop() {
        server.stop()
    }
}
