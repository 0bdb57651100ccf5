/// A condition over live metrics for `advance.when`, such as `lag(payments) > 30 and lag(shipping) == 0`.
///
///     let (condition, _) = try Condition.parse("lag(payments) > 30")
///     condition.evaluate { metric, entity in metric == .lag && entity == "payments" ? 42 : nil }  // true
public indirect enum Condition: Sendable, Equatable {
    /// `lhs op rhs`, each side a metric or a number.
    case compare(ConditionOperand, ComparisonOperator, ConditionOperand)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
}

/// One side of a comparison in a condition.
public enum ConditionOperand: Sendable, Equatable {
    case number(Double)
    /// `metric(entity)`, e.g. `lag(payments)`.
    case metric(Metric, entity: String)
}

/// The comparison operators of conditions.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// Whether `lhs op rhs` holds.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}

/// The kinds of entity a scenario names; metrics and actions say which kinds they accept.
public enum EntityKind: String, Sendable, Equatable, CaseIterable {
    case topic, producer, group, processor, chain, service, batch

    /// The kind with an article, for messages ("a group").
    var withArticle: String { "a \(rawValue)" }
}

/// The metrics a condition can read; the engine supplies their values.
public enum Metric: String, Sendable, Equatable, CaseIterable {
    /// Messages behind: Σ(log end offset − committed offset) over the group's partitions.
    case lag
    /// Age in seconds of the oldest unconsumed record.
    case lagSeconds = "lag_seconds"
    /// Records (or requests) per second going in.
    case inRate = "in_rate"
    /// Records per second coming out (processed, or written by a processor).
    case outRate = "out_rate"
    /// Median latency in ms (chain end-to-end, service, group append→processed, batch time-to-insight).
    case p50
    /// 99th percentile latency in ms.
    case p99
    /// Failed requests so far (chain or service).
    case errors
    /// Requests lost so far (failed or timed out, never completed).
    case lost
    /// Committed offsets summed over partitions (group, processor).
    case offset
    /// Log end offsets summed over partitions (topic).
    case endOffset = "end_offset"
    /// Live members (group, processor).
    case members
    /// Records processed more than once (after rebalances or resets).
    case duplicates
    /// Percent of bytes removed, input vs output (processor; for a sink topic: the producer-fed
    /// topics upstream of it vs the sink, since the start).
    case savedPct = "saved_pct"
    /// Records produced so far (producer, topic).
    case produced
    /// Records processed so far (group, processor, batch).
    case consumed
    /// Requests in flight (chain, service).
    case inFlight = "in_flight"
    /// Completed runs (batch).
    case runs
    /// Records seen out of order per key (group, processor).
    case outOfOrder = "out_of_order"
    /// Bytes appended so far (topic): cumulative, so it never reads 0 between window closes.
    case bytes
    /// Rebalances completed since the group first owned partitions (group, processor).
    case rebalances
    /// Total ms the group consumed nothing because a rebalance had revoked every partition
    /// (group, processor): eager rebalancing stops the world, cooperative never does.
    case stoppedMs = "stopped_ms"
    /// Records retention had deleted before the group's latest replay from earliest began: what
    /// that replay can never see (group, processor).
    case missed
    /// Records retention has deleted so far (topic): Σ log start offsets, what a replay from the
    /// earliest offset can no longer read.
    case deleted
    /// Ms from when the script last started a producer upstream of the topic until the topic's
    /// first record after that (topic); unavailable until that record arrives.
    case alertMs = "alert_ms"
    /// Ms the topic has been waiting for its first record since the script last started a producer
    /// upstream of it (topic); unavailable before that start and once the record has arrived.
    case alertWaitMs = "alert_wait_ms"

    /// The kinds of entity this metric is defined for.
    public var entityKinds: [EntityKind] {
        switch self {
        case .lag, .lagSeconds, .offset, .members, .duplicates, .outOfOrder, .rebalances, .stoppedMs, .missed: [.group, .processor]
        case .inRate, .outRate: [.topic, .producer, .group, .processor, .chain, .service, .batch]
        case .p50, .p99: [.group, .processor, .chain, .service, .batch]
        case .errors, .lost, .inFlight: [.chain, .service]
        case .endOffset: [.topic]
        case .savedPct: [.processor, .topic]
        case .bytes, .alertMs, .alertWaitMs, .deleted: [.topic]
        case .produced: [.producer, .topic]
        case .consumed: [.group, .processor, .batch]
        case .runs: [.batch]
        }
    }
}

/// Where a condition names an entity, for validation against the scenario.
public struct MetricReference: Sendable, Equatable {
    public var metric: Metric
    public var entity: String
    /// The 0-based character offset of the entity name within the condition text.
    public var offset: Int

    public init(metric: Metric, entity: String, offset: Int) {
        self.metric = metric
        self.entity = entity
        self.offset = offset
    }
}

extension Condition {
    /// Evaluates the condition; a metric the engine cannot supply (nil) makes its comparison false.
    public func evaluate(_ metric: (Metric, String) -> Double?) -> Bool {
        switch self {
        case .compare(let lhs, let op, let rhs):
            guard let a = lhs.value(metric), let b = rhs.value(metric) else { return false }
            return op.holds(a, b)
        case .and(let lhs, let rhs): return lhs.evaluate(metric) && rhs.evaluate(metric)
        case .or(let lhs, let rhs): return lhs.evaluate(metric) || rhs.evaluate(metric)
        case .not(let inner): return !inner.evaluate(metric)
        }
    }
}

extension ConditionOperand {
    func value(_ metric: (Metric, String) -> Double?) -> Double? {
        switch self {
        case .number(let value): value
        case .metric(let name, let entity): metric(name, entity)
        }
    }
}
