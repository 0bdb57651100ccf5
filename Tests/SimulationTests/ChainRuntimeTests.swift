import StreamLog
import Testing

@testable import Simulation

/// The request/response chain against hand-computed cases.
struct ChainRuntimeTests {
    /// orders-svc 20 ms → payment 80 ms → inventory 40 ms → shipping 60 ms, 8 slots each.
    static let checkout = [
        HopSpec(service: "orders-svc", latencyMs: 20, capacity: 8),
        HopSpec(service: "payment-svc", latencyMs: 80, capacity: 8),
        HopSpec(service: "inventory-svc", latencyMs: 40, capacity: 8),
        HopSpec(service: "shipping-svc", latencyMs: 60, capacity: 8),
    ]

    /// All latencies completed so far, in ms.
    static func latencies(_ chain: inout ChainRuntime) -> [Double] { chain.drainLatencies() }

    /// Runs `seconds` of evenly spaced arrivals at `rate` per second.
    static func run(_ chain: inout ChainRuntime, rate: Double, seconds: Double, fromMs: Double = 0) {
        let interval = 1000 / rate
        var next = fromMs
        let end = fromMs + seconds * 1000
        while next < end {
            chain.advance(toMs: next)
            chain.arrive(atMs: next)
            next += interval
        }
        chain.advance(toMs: end)
    }

    @Test func belowSaturationEveryRequestTakesTheSumOfItsHops() {
        var chain = ChainRuntime(name: "checkout", hops: Self.checkout, timeoutMs: 1000, random: SeededRandom(seed: 1))
        Self.run(&chain, rate: 30, seconds: 10)
        chain.advance(toMs: 20_000)
        #expect(chain.completed == 300)
        #expect(chain.lost == 0)
        let latencies = Self.latencies(&chain)
        #expect(latencies.count == 300)
        #expect(latencies.allSatisfy { abs($0 - 200) < 1e-6 })
    }

    /// The first hop holds its slot for the whole chain: 8 slots / 0.2 s = 40 requests/s at most.
    @Test func theFirstHopSaturatesAtItsCapacityOverTheChainLatency() {
        var chain = ChainRuntime(name: "checkout", hops: Self.checkout, timeoutMs: 60_000, random: SeededRandom(seed: 1))
        Self.run(&chain, rate: 50, seconds: 10)
        // The first responses come after 200 ms; from then on 40/s: 40 × 9.8 s = 392, ± the boundary.
        #expect((391...394).contains(chain.completed))
        #expect(chain.queued[0] >= 90)
        #expect(chain.busySlots[0] == 8)
        #expect((Self.latencies(&chain).max() ?? 0) > 2_000)
    }

    /// Above saturation the queue grows 10/s; waits pass the 1 s timeout after about 3.2 s.
    @Test func overloadEndsInTimeoutsAndLostRequests() {
        var chain = ChainRuntime(name: "checkout", hops: Self.checkout, timeoutMs: 1000, random: SeededRandom(seed: 1))
        Self.run(&chain, rate: 50, seconds: 10)
        chain.advance(toMs: 20_000)
        #expect(chain.timedOut > 0)
        #expect(chain.completed + chain.lost == 500)
        #expect(chain.inFlight == 0)
        #expect((Self.latencies(&chain).max() ?? .infinity) <= 1_000)
    }

    @Test func aFailedServiceFailsEveryRequestThatReachesItAndRecoveryEndsIt() {
        var chain = ChainRuntime(name: "checkout", hops: Self.checkout, timeoutMs: 1000, random: SeededRandom(seed: 1))
        chain.fail("shipping-svc")
        Self.run(&chain, rate: 5, seconds: 10)
        chain.advance(toMs: 11_000)
        #expect(chain.failed == 50)
        #expect(chain.completed == 0)
        chain.recover("shipping-svc")
        Self.run(&chain, rate: 5, seconds: 10, fromMs: 11_000)
        chain.advance(toMs: 22_000)
        #expect(chain.completed == 50)
        #expect(chain.failed == 50)
    }

    @Test func slowingAServiceSlowsEveryRequestAndRestoreUndoesIt() {
        var chain = ChainRuntime(name: "checkout", hops: Self.checkout, timeoutMs: 5000, random: SeededRandom(seed: 1))
        chain.slow("payment-svc", latencyMs: 700)
        Self.run(&chain, rate: 5, seconds: 4)
        chain.advance(toMs: 6000)
        #expect(abs((Self.latencies(&chain).min() ?? 0) - 820) < 1e-6)
        chain.restore("payment-svc")
        Self.run(&chain, rate: 5, seconds: 4, fromMs: 6000)
        chain.advance(toMs: 12_000)
        #expect(abs((Self.latencies(&chain).max() ?? 0) - 200) < 1e-6)
    }

    @Test func errorRatesFailThatShareOfCallsUnderASeed() {
        var hops = Self.checkout
        hops[1].errorRate = 0.1
        var chain = ChainRuntime(name: "checkout", hops: hops, timeoutMs: 1000, random: SeededRandom(seed: 7))
        Self.run(&chain, rate: 20, seconds: 100)
        chain.advance(toMs: 102_000)
        #expect(chain.completed + chain.failed == 2000)
        #expect((150...250).contains(chain.failed))
    }
}
