import Scenario
import StreamLog

/// A chain as the engine runs it: its rate profile and arrivals feeding a `ChainRuntime`.
struct ChainDriver {
    let spec: ChainSpec
    var runtime: ChainRuntime
    var source: ArrivalSource
    var requests: RateMeter
    var completions: RateMeter
    var failures: RateMeter
    var latency = LatencyWindow()
    var p99History: [Double] = []
    private var counted = (completed: 0, lost: 0)

    init(spec: ChainSpec, random: SeededRandom, tickMs: Int64) {
        self.spec = spec
        let hops = spec.calls.map {
            HopSpec(service: $0.service, latencyMs: $0.latencyMs, jitterMs: $0.jitterMs, capacity: $0.capacity, errorRate: $0.errorRate)
        }
        runtime = ChainRuntime(name: spec.name, hops: hops, timeoutMs: Double(spec.timeoutMs), random: random.fork("calls"))
        source = ArrivalSource(profile: spec.rate, mode: spec.arrivals, enabled: spec.enabled, random: random.fork("arrivals"))
        requests = RateMeter(tickMs: tickMs)
        completions = RateMeter(tickMs: tickMs)
        failures = RateMeter(tickMs: tickMs)
    }

    /// Whether requests flow.
    var enabled: Bool { source.enabled }

    /// Runs one tick [now, now + tick): arrivals spread evenly over the tick, events in time order.
    mutating func step(nowMs: Int64, tickMs: Int64) {
        let count = source.due(nowMs: nowMs, tickMs: tickMs)
        for index in 0..<count {
            let at = Double(nowMs) + Double(tickMs) * Double(index) / Double(max(1, count))
            runtime.advance(toMs: at)
            runtime.arrive(atMs: at)
        }
        runtime.advance(toMs: Double(nowMs + tickMs))
        requests.add(Double(count))
        completions.add(Double(runtime.completed - counted.completed))
        failures.add(Double(runtime.lost - counted.lost))
        counted = (runtime.completed, runtime.lost)
        for ms in runtime.drainLatencies() { latency.record(ms: ms) }
        requests.endTick()
        completions.endTick()
        failures.endTick()
    }

    /// Closes a simulated second: rolls the latency window and extends the p99 history.
    mutating func endSecond() {
        p99History.append(latency.percentile(99) ?? 0)
        if p99History.count > RateMeter.historyLength { p99History.removeFirst() }
        latency.rotate()
    }
}
