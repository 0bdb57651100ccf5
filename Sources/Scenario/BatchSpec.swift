/// A periodic batch job over what accumulated in a topic: "slow data".
///
/// Every `everyMs` it reads the records appended since its last run, computes `aggregations`
/// per `groupBy`, and (after `runtimeMs`) writes one result per group to `to`.
/// Time-to-insight of a record = run end − the record's timestamp.
public struct BatchSpec: Sendable, Equatable {
    public var name: String
    /// The topic it reads.
    public var from: String
    /// The period between runs, in ms.
    public var everyMs: Int64
    /// How long one run takes, in ms (default 0).
    public var runtimeMs: Int64 = 0
    /// Only records for which this holds are counted (nil = all).
    public var filter: Expression?
    public var groupBy: [String] = []
    public var aggregations: [Aggregation]
    /// Where results go (nil = only shown on the dashboard).
    public var to: String?
    /// Whether it runs from the start (default true).
    public var enabled: Bool = true

    public init(name: String, from: String, everyMs: Int64, aggregations: [Aggregation]) {
        self.name = name
        self.from = from
        self.everyMs = everyMs
        self.aggregations = aggregations
    }
}
