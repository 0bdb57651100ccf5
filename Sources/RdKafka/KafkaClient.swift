import CRdkafka

/// One librdkafka client (`rd_kafka_t`): created from a `KafkaConfig`, destroyed once.
///
/// Thread safety: librdkafka's handle is thread-safe for the calls made here (produce, poll,
/// metadata, watermarks, admin); the only state on the Swift side is the destroyed flag, under
/// `lock`. Callbacks reach Swift through the retained `ClientCallbacks`, released after destroy.
public final class KafkaClient: @unchecked Sendable {
    /// Producer-type handles serve producers, admin calls and the mock cluster; consumer-type
    /// handles join groups.
    public enum Role: Sendable { case producer, consumer }

    let handle: OpaquePointer
    private let callbacksOpaque: UnsafeMutableRawPointer
    private let lock = Lock()
    private var destroyed = false
    /// The configuration the client was made from (for redacting its secrets from messages).
    public let config: KafkaConfig

    /// Creates a client; `onEvent` gets error, statistics and rebalance events, `onDelivery` the
    /// delivery reports of a producer. Both are called on whichever thread polls the client.
    public init(
        role: Role, config: KafkaConfig, onEvent: @escaping @Sendable (KafkaEvent) -> Void = { _ in },
        onDelivery: @escaping @Sendable (DeliveryReport) -> Void = { _ in }
    ) throws(KafkaError) {
        let conf = try config.makeConf()
        let callbacks = ClientCallbacks(onEvent: onEvent, onDelivery: onDelivery)
        let opaque = callbacks.install(on: conf, consumer: role == .consumer)
        var errstr = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(role == .consumer ? RD_KAFKA_CONSUMER : RD_KAFKA_PRODUCER, conf, &errstr, errstr.count)
        else {
            rd_kafka_conf_destroy(conf)  // not consumed on failure
            Unmanaged<ClientCallbacks>.fromOpaque(opaque).release()
            throw KafkaError(code: Int32(RD_KAFKA_RESP_ERR__INVALID_ARG.rawValue),
                             message: config.redact(String(errorBuffer: errstr)))
        }
        self.handle = handle
        self.callbacksOpaque = opaque
        self.config = config
        if role == .consumer { rd_kafka_poll_set_consumer(handle) }
    }

    deinit { destroy(flags: 0) }

    /// The client's name (`rdkafka#producer-1`).
    public var name: String { String(cString: rd_kafka_name(handle)) }

    /// Serves queued callbacks (delivery reports, errors, statistics) for up to `timeoutMs`;
    /// returns how many were served.
    @discardableResult
    public func poll(timeoutMs: Int32) -> Int { Int(rd_kafka_poll(handle, timeoutMs)) }

    /// Destroys the handle once; `flags` 0 closes a consumer cleanly (it leaves its group),
    /// `RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE` makes it vanish as a crash would.
    func destroy(flags: Int32) {
        let first = lock.withLock { () -> Bool in
            defer { destroyed = true }
            return !destroyed
        }
        guard first else { return }
        rd_kafka_destroy_flags(handle, flags)
        Unmanaged<ClientCallbacks>.fromOpaque(callbacksOpaque).release()
    }

    /// Gives the handle up without destroying it, after a call on it never returned: the handle
    /// and its callbacks stay allocated (the blocked librdkafka thread may still use them) until
    /// the process ends, and nothing here touches them again.
    func abandon() { lock.withLock { destroyed = true } }

    /// Hands `event` to the client's event handler, as librdkafka's callbacks do.
    func report(_ event: KafkaEvent) {
        ClientCallbacks.from(callbacksOpaque)?.onEvent(event)
    }

    /// Whether `destroy` already ran.
    var isDestroyed: Bool { lock.withLock { destroyed } }
}
