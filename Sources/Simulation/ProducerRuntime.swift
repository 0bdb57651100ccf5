import Scenario
import StreamLog

/// A producer as the engine runs it: a rate profile, an arrival process and a record generator.
struct ProducerRuntime {
    let spec: ProducerSpec
    var enabled: Bool
    var profile: RateProfile
    /// When the current profile took effect (profiles count time from then).
    var profileStartMs: Int64 = 0
    var arrivals: ArrivalProcess
    var generator: RecordGenerator
    var random: SeededRandom
    var rate: RateMeter
    var produced: Int64 = 0

    init(spec: ProducerSpec, random: SeededRandom, tickMs: Int64) {
        self.spec = spec
        enabled = spec.enabled
        profile = spec.rate
        arrivals = ArrivalProcess(mode: spec.arrivals)
        generator = RecordGenerator(template: spec.record, keyField: spec.key, random: random.fork("records"))
        self.random = random.fork("arrivals")
        rate = RateMeter(tickMs: tickMs)
    }

    /// The configured rate per second right now.
    func configuredRate(nowMs: Int64) -> Double {
        enabled ? profile.rate(atMs: nowMs - profileStartMs) : 0
    }

    /// How many records to produce this tick.
    mutating func due(nowMs: Int64, tickMs: Int64) -> Int {
        guard enabled else { return 0 }
        return arrivals.arrivals(rate: configuredRate(nowMs: nowMs), tickMs: tickMs, random: &random)
    }
}
