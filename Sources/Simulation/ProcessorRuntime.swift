import Scenario
import StreamLog

/// A record a processor or batch job writes: where it goes, its key and its value bytes.
struct OutputRecord {
    var topic: String
    var key: [UInt8]?
    var value: [UInt8]

    init(topic: String, key: [UInt8]?, value: [UInt8]) {
        self.topic = topic
        self.key = key
        self.value = value
    }

    /// A record whose value is encoded as compact JSON and whose key is text.
    init(topic: String, key: String?, value: Value) {
        self.init(topic: topic, key: key.map { Array($0.utf8) }, value: value.jsonBytes)
    }
}

/// A stream processor as the engine runs it: its own consumer group plus the transformation.
///
/// It counts records and bytes in and out, so "94 % of bytes removed" is a measured number.
struct ProcessorRuntime {
    let spec: ProcessorSpec
    var consumer: ConsumerRuntime
    var enabled: Bool
    var window: WindowRuntime?
    var join: JoinRuntime?
    var recordsIn: Int64 = 0
    var recordsOut: Int64 = 0
    var bytesIn: Int64 = 0
    var bytesOut: Int64 = 0
    var inRate: RateMeter
    var outRate: RateMeter
    var inBytesRate: RateMeter
    var outBytesRate: RateMeter

    init(spec: ProcessorSpec, consumer: ConsumerRuntime, tickMs: Int64) {
        self.spec = spec
        self.consumer = consumer
        enabled = spec.enabled
        switch spec.kind {
        case .window(_, let window, _):
            self.window = WindowRuntime(sizeMs: window.sizeMs, advanceMs: window.advanceMs, graceMs: window.graceMs,
                                        groupBy: window.groupBy, aggregations: window.aggregations,
                                        emitUpdates: window.emit == .updates)
        case .join(let join):
            self.join = JoinRuntime(mode: join.withinMs.map { .streamStream(withinMs: $0) } ?? .streamTable, rightName: join.right)
        default:
            break
        }
        inRate = RateMeter(tickMs: tickMs)
        outRate = RateMeter(tickMs: tickMs)
        inBytesRate = RateMeter(tickMs: tickMs)
        outBytesRate = RateMeter(tickMs: tickMs)
    }

    /// Percent of input bytes that did not make it to the output; nil before any input.
    var savedPercent: Double? {
        bytesIn > 0 ? 100 * (1 - Double(bytesOut) / Double(bytesIn)) : nil
    }

    /// Transforms one input record into the records to write.
    mutating func transform(_ input: ConsumerRecord) -> [OutputRecord] {
        recordsIn += 1
        bytesIn += Int64(input.record.sizeInBytes)
        inRate.add(1)
        inBytesRate.add(Double(input.record.sizeInBytes))
        let record = input.record
        // Fields are read from the value's JSON; a value that is not JSON has none (all missing).
        let value = record.json ?? .null
        switch spec.kind {
        case .filter(_, let condition, let to):
            return condition.matches(value) ? [OutputRecord(topic: to, key: record.key, value: record.value)] : []
        case .map(_, let map, let to):
            let mapped = Self.apply(map, to: value)
            let key = map.rekey.map { Array((mapped[$0]?.text ?? record.keyText ?? "").utf8) } ?? record.key
            return [OutputRecord(topic: to, key: key, value: record.json == nil ? record.value : mapped.jsonBytes)]
        case .window(_, _, let to):
            guard var window else { return [] }
            self.window = nil   // keep the storage uniquely referenced: no copy per record
            let results = window.add(value, timeMs: record.timestamp)
            self.window = window
            return results.map { OutputRecord(topic: to, key: $0.key, value: $0.value) }
        case .join(let spec):
            guard var join else { return [] }
            self.join = nil
            let side: JoinRuntime.Side = input.topicPartition.topic == spec.left ? .left : .right
            let key: String
            switch spec.on {
            case .key: key = record.keyText ?? ""
            case .field(let field): key = value[field]?.text ?? ""
            }
            let joined = join.add(value, key: key, timeMs: record.timestamp, side: side)
            self.join = join
            return joined.map { OutputRecord(topic: spec.to, key: record.key, value: $0.jsonBytes) }
        case .branch(_, let cases, let fallback):
            let target = cases.first { $0.when.matches(value) }?.to ?? fallback
            return target.map { [OutputRecord(topic: $0, key: record.key, value: record.value)] } ?? []
        }
    }

    /// Closes windows whose end has passed when the input goes quiet (wall-clock punctuation).
    mutating func punctuate(nowMs: Int64) -> [OutputRecord] {
        guard case .window(_, _, let to) = spec.kind, var window else { return [] }
        self.window = nil
        let results = window.advance(toMs: nowMs)
        self.window = window
        return results.map { OutputRecord(topic: to, key: $0.key, value: $0.value) }
    }

    /// Counts a record written.
    mutating func noteOutput(bytes: Int) {
        recordsOut += 1
        bytesOut += Int64(bytes)
        outRate.add(1)
        outBytesRate.add(Double(bytes))
    }

    /// Closes a tick for the meters.
    mutating func endTick() {
        inRate.endTick()
        outRate.endTick()
        inBytesRate.endTick()
        outBytesRate.endTick()
        consumer.endTick()
    }

    /// Keeps, drops and sets fields as a map step says.
    static func apply(_ map: MapSpec, to value: Value) -> Value {
        guard case .object(let original) = value else { return value }
        var fields = original
        if let keep = map.keep {
            fields = Fields(original.filter { keep.contains($0.0) })
        }
        for name in map.drop { fields[name] = nil }
        for assignment in map.set {
            fields[assignment.field] = assignment.expression.evaluate(on: .object(fields))
        }
        return .object(fields)
    }
}
