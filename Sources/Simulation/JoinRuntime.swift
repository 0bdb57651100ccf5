import DequeModule
import StreamLog

/// A join as a stream processor runs it: stream–stream within a time window, or stream–table on
/// the latest value per key.
///
/// Stream–stream (inner): a record on either side joins every record of the other side with the
/// same key whose time is within `withinMs` of its own; each pair is emitted once, when its later
/// record arrives. Records older than the stream time minus the window are evicted.
/// Stream–table: the right side only updates a table (latest value per key); a left record joins
/// the current table value for its key, and is dropped (inner) when there is none.
public struct JoinRuntime: Sendable {
    /// Which way the runtime joins.
    public enum Mode: Equatable, Sendable {
        case streamStream(withinMs: Int64)
        case streamTable
    }

    /// A side of the join.
    public enum Side: Sendable { case left, right }

    public let mode: Mode
    /// Names used to prefix right-side fields that clash with left-side ones.
    public let rightName: String

    /// Left records that found no partner (stream–table only).
    public private(set) var unmatched = 0

    private var leftBuffer: [String: Deque<Buffered>] = [:]
    private var rightBuffer: [String: Deque<Buffered>] = [:]
    private var table: [String: Value] = [:]
    private var streamTimeMs: Int64 = .min
    private var additions = 0

    private struct Buffered: Sendable {
        var timeMs: Int64
        var value: Value
    }

    public init(mode: Mode, rightName: String) {
        self.mode = mode
        self.rightName = rightName
    }

    /// Number of records held for joining (buffers, or table entries).
    public var heldRecords: Int {
        switch mode {
        case .streamStream: leftBuffer.values.reduce(0) { $0 + $1.count } + rightBuffer.values.reduce(0) { $0 + $1.count }
        case .streamTable: table.count
        }
    }

    /// Adds a record from `side` and returns the joined values it produces.
    public mutating func add(_ value: Value, key: String, timeMs: Int64, side: Side) -> [Value] {
        switch mode {
        case .streamTable:
            if side == .right {
                table[key] = value
                return []
            }
            guard let row = table[key] else {
                unmatched += 1
                return []
            }
            return [merge(left: value, right: row)]
        case .streamStream(let withinMs):
            streamTimeMs = max(streamTimeMs, timeMs)
            let partners = (side == .left ? rightBuffer[key] : leftBuffer[key]) ?? []
            let joined = partners.filter { abs($0.timeMs - timeMs) <= withinMs }.map {
                side == .left ? merge(left: value, right: $0.value) : merge(left: $0.value, right: value)
            }
            let entry = Buffered(timeMs: timeMs, value: value)
            if side == .left { leftBuffer[key, default: []].append(entry) } else { rightBuffer[key, default: []].append(entry) }
            evict(key: key, olderThan: streamTimeMs - withinMs)
            return joined
        }
    }

    /// Trims the touched key on every record, and every key once per 1 024 records, so the cost
    /// per record stays constant however many keys there are.
    private mutating func evict(key: String, olderThan limitMs: Int64) {
        additions &+= 1
        let keys = additions % 1024 == 0 ? Set(leftBuffer.keys).union(rightBuffer.keys) : [key]
        for key in keys {
            leftBuffer[key] = trimmed(leftBuffer[key], limitMs)
            rightBuffer[key] = trimmed(rightBuffer[key], limitMs)
        }
    }

    private func trimmed(_ records: Deque<Buffered>?, _ limitMs: Int64) -> Deque<Buffered>? {
        guard var records else { return nil }
        while let first = records.first, first.timeMs < limitMs { records.removeFirst() }
        return records.isEmpty ? nil : records
    }

    private func merge(left: Value, right: Value) -> Value {
        guard case .object(var fields) = left else { return left }
        guard case .object(let rightFields) = right else { return .object(fields) }
        for (name, value) in rightFields {
            fields[fields[name] == nil ? name : "\(rightName).\(name)"] = value
        }
        return .object(fields)
    }
}
