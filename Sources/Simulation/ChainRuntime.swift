import DequeModule
import HeapModule
import StreamLog

/// One synchronous hop of a request/response chain: a service with a latency and a slot pool.
public struct HopSpec: Equatable, Sendable {
    public var service: String
    /// Mean time the service takes, in ms.
    public var latencyMs: Double
    /// Uniform jitter around the mean (± this many ms).
    public var jitterMs: Double
    /// Requests the service can hold at once; more wait in a FIFO queue.
    public var capacity: Int
    /// Probability that a call ends in an error response.
    public var errorRate: Double

    public init(service: String, latencyMs: Double, jitterMs: Double = 0, capacity: Int, errorRate: Double = 0) {
        self.service = service
        self.latencyMs = latencyMs
        self.jitterMs = jitterMs
        self.capacity = capacity
        self.errorRate = errorRate
    }
}

/// Runs a chain of nested synchronous calls on the virtual clock ("the command side").
///
/// A request takes a slot at hop 0, works for its latency, then calls hop 1 *while still holding
/// its slot at hop 0*, and so on: hop k's slot is held until every later hop has returned. So
/// hop 0 is busy for the sum of all latencies, and it saturates first: at
/// `capacity₀ / Σ latency` requests per second. Beyond that requests queue; a request that has
/// not returned within the timeout (queueing included) is abandoned and counted as timed out.
/// A failed service answers at once with an error. Every failed or timed-out request is lost.
///
/// Events are processed in exact time order inside a tick (a binary heap of due times), so
/// latencies are not rounded to the tick.
public struct ChainRuntime: Sendable {
    /// The chain's name, as in the scenario.
    public let name: String
    public private(set) var hops: [HopSpec]
    public let timeoutMs: Double

    /// Requests that came back with a response.
    public private(set) var completed = 0
    /// Requests that ended with an error (a hop's error, or a service that is down).
    public private(set) var failed = 0
    /// Requests abandoned at the timeout.
    public private(set) var timedOut = 0
    /// Latencies of the requests completed since the last `drainLatencies()`, in ms.
    public private(set) var recentLatenciesMs: [Double] = []

    private var failedServices: Set<String> = []
    private var baseLatency: [Double]
    private var freeSlots: [Int]
    private var queues: [Deque<Int>]
    private var requests: [Int: Request] = [:]
    private var events = Heap<Event>()
    private var nextRequestID = 0
    private var sequence: UInt64 = 0
    private var random: SeededRandom

    private struct Request: Sendable {
        var arrivalMs: Double
        var hop: Int
        var holding: Int
        var errored: Bool
    }

    private struct Event: Comparable, Sendable {
        enum Kind: Sendable { case hopDone, timeout }
        var timeMs: Double
        var sequence: UInt64
        var request: Int
        var kind: Kind

        static func < (lhs: Event, rhs: Event) -> Bool {
            (lhs.timeMs, lhs.sequence) < (rhs.timeMs, rhs.sequence)
        }
    }

    public init(name: String, hops: [HopSpec], timeoutMs: Double, random: SeededRandom) {
        self.name = name
        self.hops = hops
        self.timeoutMs = timeoutMs
        self.random = random
        baseLatency = hops.map(\.latencyMs)
        freeSlots = hops.map { max(1, $0.capacity) }
        queues = hops.map { _ in Deque<Int>() }
    }

    /// Requests in flight (queued or being served).
    public var inFlight: Int { requests.count }
    /// Requests lost: failed plus timed out.
    public var lost: Int { failed + timedOut }
    /// Requests waiting for a slot, per hop.
    public var queued: [Int] { queues.map(\.count) }
    /// Slots in use, per hop.
    public var busySlots: [Int] { zip(hops, freeSlots).map { max(1, $0.capacity) - $1 } }
    /// Whether the named service is down.
    public func isFailed(_ service: String) -> Bool { failedServices.contains(service) }

    /// The latency hop `index` has in the scenario (before any `slow`).
    public func configuredLatency(hop index: Int) -> Double { baseLatency[index] }

    /// Whether this chain calls `service`.
    public func calls(_ service: String) -> Bool { hops.contains { $0.service == service } }

    /// Makes `service` take `latencyMs` per call from now on (requests already working keep theirs).
    public mutating func slow(_ service: String, latencyMs: Double) {
        for index in hops.indices where hops[index].service == service { hops[index].latencyMs = latencyMs }
    }

    /// Gives `service` back the latency of the scenario.
    public mutating func restore(_ service: String) {
        for index in hops.indices where hops[index].service == service { hops[index].latencyMs = baseLatency[index] }
    }

    /// Takes `service` down: calls to it fail at once.
    public mutating func fail(_ service: String) { failedServices.insert(service) }

    /// Brings `service` back.
    public mutating func recover(_ service: String) { failedServices.remove(service) }

    /// Starts a request at `timeMs` (an arrival inside the current tick).
    public mutating func arrive(atMs timeMs: Double) {
        let id = nextRequestID
        nextRequestID += 1
        requests[id] = Request(arrivalMs: timeMs, hop: 0, holding: 0, errored: false)
        schedule(.timeout, request: id, at: timeMs + timeoutMs)
        enter(hop: 0, request: id, atMs: timeMs)
    }

    /// Processes every event due at or before `timeMs`, in time order.
    public mutating func advance(toMs timeMs: Double) {
        while let next = events.min, next.timeMs <= timeMs {
            _ = events.popMin()
            guard var request = requests[next.request] else { continue }
            switch next.kind {
            case .timeout:
                timedOut += 1
                finish(next.request, atMs: next.timeMs)
            case .hopDone:
                if request.errored {
                    failed += 1
                    finish(next.request, atMs: next.timeMs)
                } else if request.hop == hops.count - 1 {
                    completed += 1
                    recentLatenciesMs.append(max(0, next.timeMs - request.arrivalMs))
                    finish(next.request, atMs: next.timeMs)
                } else {
                    request.hop += 1
                    requests[next.request] = request
                    enter(hop: request.hop, request: next.request, atMs: next.timeMs)
                }
            }
        }
    }

    /// The latencies completed since the last call, oldest first.
    public mutating func drainLatencies() -> [Double] {
        defer { recentLatenciesMs.removeAll(keepingCapacity: true) }
        return recentLatenciesMs
    }

    private mutating func enter(hop: Int, request id: Int, atMs timeMs: Double) {
        if freeSlots[hop] > 0 {
            freeSlots[hop] -= 1
            start(hop: hop, request: id, atMs: timeMs)
        } else {
            queues[hop].append(id)
        }
    }

    private mutating func start(hop: Int, request id: Int, atMs timeMs: Double) {
        guard var request = requests[id] else { return }
        request.holding = hop + 1
        let spec = hops[hop]
        if failedServices.contains(spec.service) {
            request.errored = true
            requests[id] = request
            schedule(.hopDone, request: id, at: timeMs)
            return
        }
        let jitter = spec.jitterMs > 0 ? (random.unit() * 2 - 1) * spec.jitterMs : 0
        request.errored = spec.errorRate > 0 && random.unit() < spec.errorRate
        requests[id] = request
        schedule(.hopDone, request: id, at: timeMs + max(0, spec.latencyMs + jitter))
    }

    private mutating func finish(_ id: Int, atMs timeMs: Double) {
        guard let request = requests.removeValue(forKey: id) else { return }
        // A request still waiting in a queue holds no slot at that hop: take it out of the queue.
        if request.holding <= request.hop, let index = queues[request.hop].firstIndex(of: id) {
            queues[request.hop].remove(at: index)
        }
        for hop in stride(from: request.holding - 1, through: 0, by: -1) {
            release(hop: hop, atMs: timeMs)
        }
    }

    private mutating func release(hop: Int, atMs timeMs: Double) {
        if let waiting = queues[hop].popFirst() {
            start(hop: hop, request: waiting, atMs: timeMs)
        } else {
            freeSlots[hop] += 1
        }
    }

    private mutating func schedule(_ kind: Event.Kind, request: Int, at timeMs: Double) {
        sequence += 1
        events.insert(Event(timeMs: timeMs, sequence: sequence, request: request, kind: kind))
    }
}
