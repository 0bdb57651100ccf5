import Scenario
import StreamLog

/// A producer as the engine runs it: a rate profile, an arrival process and a record generator.
struct ProducerRuntime {
    let spec: ProducerSpec
    var source: ArrivalSource
    var generator: RecordGenerator
    var rate: RateMeter
    var produced: Int64 = 0
    /// Whether its next record may be encoded before the one before is appended: its template
    /// reads no recent record of its own topic, so the order cannot change a byte.
    let encodesAhead: Bool

    init(spec: ProducerSpec, random: SeededRandom, tickMs: Int64) {
        self.spec = spec
        source = ArrivalSource(profile: spec.rate, mode: spec.arrivals, enabled: spec.enabled, random: random.fork("arrivals"))
        generator = RecordGenerator(template: spec.record, keyField: spec.key, random: random.fork("records"))
        rate = RateMeter(tickMs: tickMs)
        encodesAhead = !spec.record.referencedTopics.contains(spec.topic)
    }

    /// Whether it produces.
    var enabled: Bool { source.enabled }

    /// The configured rate per second right now.
    func configuredRate(nowMs: Int64) -> Double { source.configuredRate(nowMs: nowMs) }

    /// How many records to produce this tick.
    mutating func due(nowMs: Int64, tickMs: Int64) -> Int { source.due(nowMs: nowMs, tickMs: tickMs) }
}
