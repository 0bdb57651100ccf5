import KafkaWire
import Simulation
import StreamLog

/// The broker's side of the Kafka protocol over one engine's log: decodes a request frame,
/// answers it against the log, and parks fetches that wait for records.
///
/// Not thread-safe, on purpose: it belongs to the log's one owner (the live loop or `serve`'s
/// loop), which hands it what the network delivered (``receive(_:from:wallMs:reply:)``) and
/// calls ``recheck(wallMs:)`` every pass, between the engine's ticks. No NIO here; the server
/// carries frames in and replies out.
///
///     let broker = Broker(engine: engine, advertised: address, epochStartMs: wallStart)
///     broker.receive(frame, from: 1, wallMs: now) { reply in send(reply) }
///     broker.recheck(wallMs: now)   // parked fetches whose records came or whose wait ran out
public final class Broker {
    /// The world whose log is served; its records, meters and feed take external records.
    public let engine: Engine
    /// The host and port Metadata names as the one broker (node 0).
    public let advertised: ListenAddress
    /// Wall-clock epoch ms at simulated time 0: timestamps clients see are this plus simulated time.
    public let epochStartMs: Int64
    /// Whether producing to (or asking Metadata for) an unknown topic creates it with one partition.
    public let autoCreateTopics: Bool
    /// The cluster id Metadata v2+ reports.
    public static let clusterId = "streamstage"
    /// The one broker's node id (also the controller and every partition's leader).
    public static let nodeId: Int32 = 0

    /// The connections open now, by the server's id.
    var connections: [Int: Connection] = [:]
    /// Fetches waiting for records or their max wait, oldest first.
    var parked: [ParkedFetch] = []
    /// Notable things since the last ``drainNotices()``, oldest first.
    var notices: [ListenerNotice] = []
    /// The next id InitProducerId hands out.
    var nextProducerId: Int64 = 1_000
    /// Real clients in groups, whose JoinGroup and SyncGroup answers the coordinator completes.
    var wireMembers: [WireMemberKey: WireGroupMember] = [:]

    /// A broker over `engine`'s log, advertising `advertised`.
    public init(engine: Engine, advertised: ListenAddress, epochStartMs: Int64, autoCreateTopics: Bool = false) {
        self.engine = engine
        self.advertised = advertised
        self.epochStartMs = epochStartMs
        self.autoCreateTopics = autoCreateTopics
    }

    /// How many clients are connected.
    public var clientCount: Int { connections.count }

    /// A client opened a connection from `remote`.
    public func connected(_ connection: Int, remote: String) {
        connections[connection] = Connection(remote: remote)
        notices.append(.connected(remote: remote))
    }

    /// A connection closed; its parked fetches are dropped (nobody is there to answer).
    public func disconnected(_ connection: Int) {
        guard let closed = connections.removeValue(forKey: connection) else { return }
        parked.removeAll { $0.connection == connection }
        notices.append(.disconnected(remote: closed.remote, clientId: closed.clientId))
    }

    /// The notable events since the last call (connections, refused requests), oldest first.
    public func drainNotices() -> [ListenerNotice] {
        defer { notices.removeAll() }
        return notices
    }

    /// Answers one request frame (its size prefix already removed) from `connection`: `reply` is
    /// called once, now or — for a fetch that waits — from a later ``recheck(wallMs:)``.
    public func receive(_ frame: [UInt8], from connection: Int, wallMs: Int64, reply: @escaping (BrokerReply) -> Void) {
        var reader = WireReader(frame)
        let header: RequestHeader
        do {
            header = try RequestHeader.decode(from: &reader)
        } catch {
            return refuse("an unreadable request header (\(error))", from: connection, reply: reply)
        }
        if let clientId = header.clientId, connections[connection]?.clientId == nil {
            connections[connection]?.clientId = clientId
        }
        let request = Request(header: header, connection: connection, wallMs: wallMs)
        switch answer(request, body: &reader) {
        case .respond(let body):
            reply(.frame(ResponseHeader(correlationId: header.correlationId).frame(body: body)))
        case .respondFrame(let frame):
            reply(.frame(frame))
        case .noResponse:
            reply(.none)
        case .park(var fetch):
            fetch.reply = reply
            parked.append(fetch)
        case .refuse(let reason):
            refuse(reason, from: connection, reply: reply)
        case .deferred(let pending):
            pending.attach(reply)
        }
    }

    /// Closes the connection: Kafka's answer to a request it cannot read or does not speak.
    func refuse(_ reason: String, from connection: Int, reply: (BrokerReply) -> Void) {
        let client = connections[connection]
        notices.append(.refused(remote: client?.remote ?? "?", clientId: client?.clientId, reason: reason))
        reply(.close(reason))
    }
}

/// One open connection as the broker knows it.
struct Connection {
    /// The client's address, `host:port`.
    var remote: String
    /// The `client.id` its first request carried, if any.
    var clientId: String?
}

/// A request's header and where it came from, as the handlers see it.
struct Request {
    var header: RequestHeader
    var connection: Int
    var wallMs: Int64

    /// The request's API version.
    var version: Int16 { header.apiVersion }
    /// The client's `client.id`, or a stand-in for the feed.
    var clientName: String { header.clientId.flatMap { $0.isEmpty ? nil : $0 } ?? "kafka client" }
}

/// What the broker sends back for one request.
public enum BrokerReply: Equatable, Sendable {
    /// A whole response frame, size prefix included.
    case frame([UInt8])
    /// Nothing (a Produce with acks=0).
    case none
    /// Close the connection (an unreadable frame or an API or version not spoken); the reason is for the log.
    case close(String)
}

/// How a handler answers: a response body, nothing, a fetch to park, or a refusal.
enum Answer {
    case respond([UInt8])
    /// A whole response frame already built (a fetch answered at once).
    case respondFrame([UInt8])
    case noResponse
    case park(ParkedFetch)
    case refuse(String)
    /// A group answer the coordinator completes later (JoinGroup, SyncGroup).
    case deferred(DeferredReply)
}
