import Scenario
import StreamLog

/// A windowed aggregation as a stream processor runs it: tumbling or hopping windows over record
/// time, grouped by fields, emitted when the window closes (or on every update).
///
/// Windows are aligned to the epoch of the simulated clock: a 60 s tumbling window covers
/// [0, 60 000), [60 000, 120 000)… A hopping window of size S advancing by A puts a record at
/// time t in every window [k·A, k·A + S) that contains t. A window closes once the stream time
/// (the highest record time seen) passes its end plus the grace period; a record that arrives
/// for a closed window is late: it is dropped and counted, as Kafka Streams does.
public struct WindowRuntime: Sendable {
    public let sizeMs: Int64
    public let advanceMs: Int64
    public let graceMs: Int64
    public let groupBy: [String]
    public let aggregations: [Aggregation]
    /// Emit an updated result on every record instead of one final result per window.
    public let emitUpdates: Bool

    /// Records dropped because their window had already closed.
    public private(set) var lateRecords = 0
    /// The highest record time seen.
    public private(set) var streamTimeMs: Int64 = .min

    private var open: [WindowKey: Accumulator] = [:]
    /// The earliest stream time at which an open window closes (skips scanning until then).
    private var nextCloseMs: Int64 = .max

    /// One output of a window: its bounds, its group, and the aggregated fields.
    public struct Result: Equatable, Sendable {
        public var startMs: Int64
        public var endMs: Int64
        public var key: String
        public var value: Value
    }

    private struct WindowKey: Hashable, Sendable {
        var startMs: Int64
        var group: [Value]
    }

    private struct Accumulator: Sendable {
        var count = 0
        var sums: [Double]
        var mins: [Double]
        var maxs: [Double]
        var seen: [Int]
        var order: Int
    }

    private var windowsOpened = 0

    public init(sizeMs: Int64, advanceMs: Int64? = nil, graceMs: Int64 = 0, groupBy: [String],
                aggregations: [Aggregation], emitUpdates: Bool = false) {
        self.sizeMs = max(1, sizeMs)
        self.advanceMs = max(1, min(advanceMs ?? sizeMs, max(1, sizeMs)))
        self.graceMs = max(0, graceMs)
        self.groupBy = groupBy
        self.aggregations = aggregations
        self.emitUpdates = emitUpdates
    }

    /// Number of windows currently open.
    public var openWindows: Int { open.count }

    /// Adds a record with time `timeMs`; returns the results it makes final (or the updates).
    public mutating func add(_ value: Value, timeMs: Int64) -> [Result] {
        var results: [Result] = []
        let group = groupBy.map { value.value(atPath: $0) ?? .null }
        var newestStart = timeMs - floorMod(timeMs, advanceMs)
        var starts: [Int64] = []
        while newestStart > timeMs - sizeMs {
            starts.append(newestStart)
            newestStart -= advanceMs
        }
        for start in starts.reversed() {
            if start + sizeMs + graceMs <= streamTimeMs {
                lateRecords += 1
                continue
            }
            let key = WindowKey(startMs: start, group: group)
            var accumulator = open[key] ?? newAccumulator()
            accumulate(value, into: &accumulator)
            open[key] = accumulator
            nextCloseMs = Swift.min(nextCloseMs, start + sizeMs + graceMs)
            if emitUpdates { results.append(result(key, accumulator)) }
        }
        if timeMs > streamTimeMs {
            streamTimeMs = timeMs
            if !emitUpdates { results += closeDue() }
            else { _ = closeDue() }
        }
        return results
    }

    /// Advances stream time without a record (an idle input still closes its windows).
    public mutating func advance(toMs timeMs: Int64) -> [Result] {
        guard timeMs > streamTimeMs else { return [] }
        streamTimeMs = timeMs
        let closed = closeDue()
        return emitUpdates ? [] : closed
    }

    private mutating func closeDue() -> [Result] {
        guard streamTimeMs >= nextCloseMs else { return [] }
        defer { nextCloseMs = open.keys.map { $0.startMs + sizeMs + graceMs }.min() ?? .max }
        let due = open.filter { $0.key.startMs + sizeMs + graceMs <= streamTimeMs }
        guard !due.isEmpty else { return [] }
        for key in due.keys { open[key] = nil }
        return due.sorted { ($0.key.startMs, $0.value.order) < ($1.key.startMs, $1.value.order) }
            .map { result($0.key, $0.value) }
    }

    private mutating func newAccumulator() -> Accumulator {
        windowsOpened += 1
        let n = aggregations.count
        return Accumulator(sums: Array(repeating: 0, count: n), mins: Array(repeating: .infinity, count: n),
                           maxs: Array(repeating: -.infinity, count: n), seen: Array(repeating: 0, count: n),
                           order: windowsOpened)
    }

    private func accumulate(_ value: Value, into accumulator: inout Accumulator) {
        accumulator.count += 1
        for (index, aggregation) in aggregations.enumerated() {
            guard let field = aggregation.field, let number = value[field]?.number else { continue }
            accumulator.sums[index] += number
            accumulator.mins[index] = Swift.min(accumulator.mins[index], number)
            accumulator.maxs[index] = Swift.max(accumulator.maxs[index], number)
            accumulator.seen[index] += 1
        }
    }

    private func result(_ key: WindowKey, _ accumulator: Accumulator) -> Result {
        var fields = Fields()
        for (name, value) in zip(groupBy, key.group) { fields[name] = value }
        fields["window_start"] = .int(key.startMs)
        fields["window_end"] = .int(key.startMs + sizeMs)
        for (index, aggregation) in aggregations.enumerated() {
            let seen = accumulator.seen[index]
            let name = aggregation.outputField
            switch aggregation {
            case .count: fields[name] = .int(Int64(accumulator.count))
            case .sum: fields[name] = .double(accumulator.sums[index])
            case .avg: fields[name] = seen > 0 ? .double(accumulator.sums[index] / Double(seen)) : .null
            case .min: fields[name] = seen > 0 ? .double(accumulator.mins[index]) : .null
            case .max: fields[name] = seen > 0 ? .double(accumulator.maxs[index]) : .null
            }
        }
        let groupKey = key.group.map(\.text).joined(separator: "|")
        return Result(startMs: key.startMs, endMs: key.startMs + sizeMs, key: groupKey, value: .object(fields))
    }

    private func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        let r = a % b
        return r < 0 ? r + b : r
    }
}

extension Aggregation {
    /// The field the aggregation reads; nil for count.
    var field: String? {
        switch self {
        case .count: nil
        case .sum(let field), .avg(let field), .min(let field), .max(let field): field
        }
    }
}
