import Scenario
import StreamLog

/// The measurements a talk's point rests on, shared by the live `show:` values and the headless
/// headlines so the screen and the summary always agree.
extension Engine {
    /// The current step's `show:` items with their values now.
    func proofs() -> [ProofValue] {
        currentStep.map { proofValues($0.show) } ?? []
    }

    /// The `show:` values of each step with any, as it last ended, in step order.
    public var shownAtStepEnds: [(step: Int, values: [ProofValue])] {
        insights.shownAtEnd.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Keeps the current step's `show:` values as it ends, for the headless summary.
    func noteShownAtEnd() {
        guard let step = currentStep, !step.show.isEmpty else { return }
        insights.shownAtEnd[stepIndex] = proofValues(step.show)
    }

    /// `items` with their values now.
    public func proofValues(_ items: [ShowItem]) -> [ProofValue] {
        items.map { item in
            ProofValue(
                label: item.label, value: item.value.evaluate({ metric($0, of: $1) }, world: { worldMetric($0) }),
                format: item.format)
        }
    }

    /// The value of a measurement of the whole world.
    public func worldMetric(_ metric: WorldMetric) -> Double? {
        let counts = connections()
        switch metric {
        case .linksPointToPoint: return Double(counts.pointToPoint)
        case .linksPlatform: return Double(counts.platform)
        }
    }

    /// What the processors between a sink and its producer-fed source topics removed, since the
    /// start; nil unless `sink` is a sink topic fed that way with some bytes in.
    func reduction(intoSink sink: String) -> Reduction? {
        guard scenario.topics.contains(where: { $0.name == sink && $0.sink }) else { return nil }
        let sources = sourceTopics(upstreamOf: sink)
        let bytesIn = sources.reduce(0) { $0 + (topicTotals[$1]?.bytes ?? 0) }
        guard !sources.isEmpty, bytesIn > 0 else { return nil }
        return Reduction(
            sources: sources, bytesIn: bytesIn, bytesOut: topicTotals[sink]?.bytes ?? 0,
            recordsIn: sources.reduce(0) { $0 + (topicTotals[$1]?.records ?? 0) }, recordsOut: topicTotals[sink]?.records ?? 0)
    }

    /// Ms from when the script last started a producer upstream of `topic` until the topic's first
    /// record after that; nil before any such start, or while the topic is still waiting.
    func alertDelayMs(topic: String) -> Int64? {
        latestStart(upstreamOf: topic).flatMap { firstRecordDelayMs(topic: topic, afterMs: $0) }
    }

    /// Ms an empty `topic` has waited so far for its first record since the script last started a
    /// producer upstream of it; nil before any such start, and once the topic has a record.
    func alertWaitMs(topic: String) -> Int64? {
        guard let start = latestStart(upstreamOf: topic), insights.firstRecordMs[topic] == nil else { return nil }
        return nowMs - start
    }

    /// When the script last started a producer whose records reach `topic`.
    private func latestStart(upstreamOf topic: String) -> Int64? {
        insights.producerStarts.last { start in
            scenario.producers.first { $0.name == start.name }.map { topics(downstreamOf: $0.topic).contains(topic) } ?? false
        }?.atMs
    }

    /// How long after `afterMs` `topic` received its very first record; nil if it had records before.
    func firstRecordDelayMs(topic: String, afterMs: Int64) -> Int64? {
        guard let first = insights.firstRecordMs[topic], first >= afterMs else { return nil }
        return first - afterMs
    }

    /// Connections point to point (each consumer to each source it reads) vs to one platform.
    func connections() -> Connections {
        let writers = Dictionary(grouping: scenario.producers, by: \.topic).mapValues { Set($0.map(\.name)) }
        let readers = groups.map { ($0.name, $0.topics) }
            + processors.filter { $0.enabled || $0.recordsIn > 0 }.map { ($0.spec.name, $0.spec.inputs) }
            + batches.map { ($0.spec.name, [$0.spec.from]) }
        let direct = readers.map { reader in
            (name: reader.0, sources: reader.1.reduce(into: Set<String>()) { $0.formUnion(writers[$1] ?? []) }.count)
        }
        return Connections(producers: scenario.producers.count, readers: direct)
    }
}

/// Bytes and records into a sink against its source topics.
struct Reduction {
    var sources: [String]
    var bytesIn: Int64
    var bytesOut: Int64
    var recordsIn: Int64
    var recordsOut: Int64

    /// Percent of bytes removed on the way.
    var savedBytesPercent: Double { 100 * (1 - Double(bytesOut) / Double(bytesIn)) }
    /// Percent of records removed on the way.
    var savedRecordsPercent: Double { 100 * (1 - Double(recordsOut) / Double(max(1, recordsIn))) }
}

/// The integration count of a whiteboard: producers, and each consumer with its sources.
struct Connections {
    var producers: Int
    /// Each consumer (group, processor, batch job) with the number of producers it reads from.
    var readers: [(name: String, sources: Int)]

    /// Every consumer integrates directly with every source it needs.
    var pointToPoint: Int { readers.reduce(0) { $0 + $1.sources } }
    /// Every application connects once, to the log.
    var platform: Int { producers + readers.count }
}
