/// A stream processor: reads topics as its own consumer group (with its own lag) and writes topics.
public struct ProcessorSpec: Sendable, Equatable {
    public var name: String
    public var kind: ProcessorKind
    /// Consumer-group settings of the processor (members, per-record time, commit, start).
    public var members: Int = 1
    public var process: Processing = Processing()
    public var commit: CommitPolicy = .auto(everyMs: 5_000)
    public var start: StartPosition = .latest
    /// Whether it runs from the start (default true); a `start` action deploys a disabled one.
    public var enabled: Bool = true

    public init(name: String, kind: ProcessorKind) {
        self.name = name
        self.kind = kind
    }

    /// The topics it reads.
    public var inputs: [String] {
        switch kind {
        case .filter(let from, _, _), .map(let from, _, _), .window(let from, _, _), .branch(let from, _, _):
            [from]
        case .join(let join): [join.left, join.right]
        }
    }

    /// The topics it writes.
    public var outputs: [String] {
        switch kind {
        case .filter(_, _, let to), .map(_, _, let to), .window(_, _, let to): [to]
        case .join(let join): [join.to]
        case .branch(_, let cases, let fallback): cases.map(\.to) + (fallback.map { [$0] } ?? [])
        }
    }
}

/// What a processor does.
public enum ProcessorKind: Sendable, Equatable {
    /// Keep the records for which `where` holds.
    case filter(from: String, where: Expression, to: String)
    /// Reshape each record.
    case map(from: String, MapSpec, to: String)
    /// Aggregate per window and group.
    case window(from: String, WindowSpec, to: String)
    /// Join two topics by key or field.
    case join(JoinSpec)
    /// Route each record to the first case whose `when` holds, else to `default` (or drop it).
    case branch(from: String, cases: [BranchCase], default: String?)
}

/// A map step: keep or drop fields, set computed fields, re-key.
public struct MapSpec: Sendable, Equatable {
    /// Keep only these fields (applied first); nil keeps all.
    public var keep: [String]?
    /// Remove these fields.
    public var drop: [String] = []
    /// Set fields to computed values, in order (later ones see earlier ones).
    public var set: [FieldAssignment] = []
    /// The field whose value becomes the new record key.
    public var rekey: String?

    public init(keep: [String]? = nil, drop: [String] = [], set: [FieldAssignment] = [], rekey: String? = nil) {
        self.keep = keep
        self.drop = drop
        self.set = set
        self.rekey = rekey
    }
}

/// `field: expression` in a map's `set`.
public struct FieldAssignment: Sendable, Equatable {
    public var field: String
    public var expression: Expression

    public init(field: String, expression: Expression) {
        self.field = field
        self.expression = expression
    }
}

/// A windowed aggregation.
public struct WindowSpec: Sendable, Equatable {
    /// Window length in ms.
    public var sizeMs: Int64
    /// Hop in ms; equal to `sizeMs` for tumbling windows.
    public var advanceMs: Int64
    /// Fields that form the group key (empty = one group).
    public var groupBy: [String] = []
    /// Aggregations, each written to an output field named like `count` or `sum_amount`.
    public var aggregations: [Aggregation]
    /// When results are written (default final: once the window closes).
    public var emit: Emit = .final
    /// How long after a window's end late records are still accepted (default 0).
    public var graceMs: Int64 = 0

    public init(sizeMs: Int64, advanceMs: Int64, aggregations: [Aggregation]) {
        self.sizeMs = sizeMs
        self.advanceMs = advanceMs
        self.aggregations = aggregations
    }

    /// Whether windows do not overlap.
    public var isTumbling: Bool { advanceMs == sizeMs }
}

/// When a window writes results.
public enum Emit: String, Sendable, Equatable, CaseIterable {
    /// One result per window and group when the window closes (plus grace).
    case final
    /// An updated result on every record.
    case updates
}

/// An aggregate function over a field: `count`, `sum(amount)`, `avg(amount)`, `min(t)`, `max(t)`.
public enum Aggregation: Sendable, Equatable {
    case count
    case sum(String)
    case avg(String)
    case min(String)
    case max(String)

    /// The output field name: `count`, `sum_amount`, `avg_amount`, ….
    public var outputField: String {
        switch self {
        case .count: "count"
        case .sum(let field): "sum_\(field)"
        case .avg(let field): "avg_\(field)"
        case .min(let field): "min_\(field)"
        case .max(let field): "max_\(field)"
        }
    }
}

/// A stream–stream join within a window, or a stream–table join on the latest value per key.
public struct JoinSpec: Sendable, Equatable {
    /// The driving (stream) topic.
    public var left: String
    /// The other topic: a stream (with `withinMs`) or a table (latest value per key).
    public var right: String
    /// What matches: the record key, or a field present on both sides.
    public var on: JoinKey
    /// Stream–stream: records match when their timestamps differ by at most this; nil = table join.
    public var withinMs: Int64?
    public var to: String

    public init(left: String, right: String, on: JoinKey, withinMs: Int64?, to: String) {
        self.left = left
        self.right = right
        self.on = on
        self.withinMs = withinMs
        self.to = to
    }
}

/// The join key.
public enum JoinKey: Sendable, Equatable {
    case key
    case field(String)
}

/// One branch case: records for which `when` holds go to `to`.
public struct BranchCase: Sendable, Equatable {
    public var when: Expression
    public var to: String

    public init(when: Expression, to: String) {
        self.when = when
        self.to = to
    }
}
