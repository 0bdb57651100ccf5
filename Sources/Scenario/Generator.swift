import StreamLog

/// How one record field gets its value. A record template is an ordered list of these.
///
/// See demo-data/README.md "Field generators" for the YAML forms.
public indirect enum Generator: Sendable, Equatable {
    /// A fixed value (any YAML literal).
    case constant(Value)
    /// A counter from `start`, formatted: `{seq: "o-{n:05}"}` → "o-00001", "o-00002", ….
    case sequence(format: String, start: Int64)
    /// One of the values, uniformly or by relative weights.
    case pick([Value], weights: [Double]?)
    /// An integer in `low...high`, optionally formatted (`"c-{:02}"`); without a format, an int.
    case pickRange(low: Int64, high: Int64, format: String?)
    /// A uniform integer in `low...high` (both bounds written as integers, no `round`).
    case uniformInteger(low: Int64, high: Int64)
    /// A uniform double in `[low, high)`, rounded to `round` decimals (0 gives an int).
    case uniform(low: Double, high: Double, round: Int?)
    /// A normal draw, clamped to `min`/`max`, rounded to `round` decimals.
    case normal(mean: Double, sd: Double, min: Double?, max: Double?, round: Int?)
    /// `then` with probability `p`, else `otherwise`.
    case chance(Double, then: Generator, otherwise: Generator)
    /// A version-4 UUID drawn from the seeded generator.
    case uuid
    /// The sim time in ms.
    case now
    /// A value recently produced to another topic: its key (`field` nil) or a field.
    case ref(topic: String, field: String?)
    /// A random walk per record key: starts at a draw of `start`, then adds a uniform step.
    case walk(start: Generator, stepLow: Double, stepHigh: Double, min: Double?, max: Double?, round: Int?)
    /// An IPv4 address in a CIDR block; `pool` limits it to the block's first `pool` hosts.
    case ip(network: UInt32, prefix: Int, pool: Int?)
    /// A port in `low...high` (bare `port`: the ephemeral range 49152–65535).
    case port(low: Int, high: Int)
    /// A person's full name, e.g. "Amara Okafor".
    case name
    /// A city name from the built-in table.
    case city
    /// A country code (ISO 3166 alpha-2) from the built-in table.
    case country
    /// An object `{city, country, lat, lon}` from the built-in table (for impossible travel).
    case location
    /// A money amount, log-uniform in `low...high`, two decimals (small amounts common, large rare).
    case amount(low: Double, high: Double)
    /// A nested object with its own fields.
    case object(RecordTemplate)
}

/// The ordered fields of a record and their generators.
public struct RecordTemplate: Sendable, Equatable {
    public var fields: [TemplateField]

    public init(fields: [TemplateField]) {
        self.fields = fields
    }
}

/// A field name and its generator.
public struct TemplateField: Sendable, Equatable {
    public var name: String
    public var generator: Generator

    public init(name: String, generator: Generator) {
        self.name = name
        self.generator = generator
    }
}
