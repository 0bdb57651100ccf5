import KafkaWire

/// A response that waits for the group coordinator: a JoinGroup until the join phase ends, a
/// SyncGroup until the leader's assignment is handed out.
///
/// The handler returns it (``Answer/deferred(_:)``), the broker attaches where the frame goes,
/// and the wire member's coordinator callback fills in the body. Either may come first; the
/// frame is sent once, when both are there.
final class DeferredReply {
    /// The request's correlation id, echoed in the response header.
    let correlationId: Int32
    /// The API version the body is written at.
    let version: Int16
    private var send: ((BrokerReply) -> Void)?
    private var body: [UInt8]?
    /// True once the response went out.
    private(set) var isAnswered = false

    init(correlationId: Int32, version: Int16) {
        self.correlationId = correlationId
        self.version = version
    }

    /// Where the response frame goes (set by the broker when the handler defers).
    func attach(_ send: @escaping (BrokerReply) -> Void) {
        self.send = send
        flush()
    }

    /// The response body, written by the coordinator's callback.
    func respond(_ body: [UInt8]) {
        guard self.body == nil else { return }
        self.body = body
        flush()
    }

    private func flush() {
        guard !isAnswered, let send, let body else { return }
        isAnswered = true
        send(.frame(ResponseHeader(correlationId: correlationId).frame(body: body)))
    }
}
