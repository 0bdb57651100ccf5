/// What the header and the throughput panel show about a watched cluster
/// (`streamstage watch`); nil in scenario runs.
public struct ClusterStatus: Equatable, Sendable {
    /// The bootstrap servers as given.
    public var bootstrap: String
    public var clusterId: String?
    public var brokersUp: Int
    public var brokersTotal: Int
    public var controllerId: Int?
    /// One `--ratio IN:OUT` each: what OUT keeps of IN.
    public var ratios: [TopicRatio]

    public init(bootstrap: String, clusterId: String?, brokersUp: Int, brokersTotal: Int, controllerId: Int?, ratios: [TopicRatio]) {
        self.bootstrap = bootstrap
        self.clusterId = clusterId
        self.brokersUp = brokersUp
        self.brokersTotal = brokersTotal
        self.controllerId = controllerId
        self.ratios = ratios
    }
}

/// How much of an input topic's traffic an output topic keeps, since the watch began: the
/// log-reduction headline of a SIEM demo.
public struct TopicRatio: Equatable, Sendable {
    public var input: String
    public var output: String
    /// OUT's bytes as a percentage of IN's; nil until IN has bytes (and both have sampled sizes).
    public var bytesPercent: Double?
    /// OUT's records as a percentage of IN's; nil until IN has records.
    public var recordsPercent: Double?

    public init(input: String, output: String, bytesPercent: Double?, recordsPercent: Double?) {
        self.input = input
        self.output = output
        self.bytesPercent = bytesPercent
        self.recordsPercent = recordsPercent
    }

    /// `siem keeps 3.6 % of firewall's bytes and 10.0 % of its records` (`-` while unknown).
    public var text: String {
        "\(output) keeps \(Self.percent(bytesPercent)) of \(input)'s bytes and \(Self.percent(recordsPercent)) of its records"
    }

    /// A share with one decimal, `-` when unknown.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "- %" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
