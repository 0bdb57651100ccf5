/// A synchronous request/response chain: the "command" side of the talk.
///
/// Calls are nested: hop k holds one of its slots until hops k+1… have returned, so in-flight
/// at hop k ≈ rate × Σ latency(k…n). A request fails if any hop fails or the whole request
/// exceeds `timeoutMs`.
public struct ChainSpec: Sendable, Equatable {
    public var name: String
    /// Requests per second.
    public var rate: RateProfile
    public var arrivals: ArrivalMode = .accumulator
    /// End-to-end timeout in ms (> 0).
    public var timeoutMs: Int64
    /// The hops, outermost first.
    public var calls: [CallSpec]
    /// Whether requests flow from the start (default true).
    public var enabled: Bool = true

    public init(name: String, rate: RateProfile, timeoutMs: Int64, calls: [CallSpec]) {
        self.name = name
        self.rate = rate
        self.timeoutMs = timeoutMs
        self.calls = calls
    }
}

/// One hop of a chain.
public struct CallSpec: Sendable, Equatable {
    /// The service called; actions (`slow`, `fail`, …) name it.
    public var service: String
    /// The service's own work per request, in ms.
    public var latencyMs: Double
    /// Uniform ± jitter in ms (default 0).
    public var jitterMs: Double = 0
    /// Concurrent requests it can hold (slots, default 8); further requests queue.
    public var capacity: Int = 8
    /// Fraction of requests that fail at this hop, 0…1 (default 0).
    public var errorRate: Double = 0

    public init(service: String, latencyMs: Double) {
        self.service = service
        self.latencyMs = latencyMs
    }
}
