/// A number computed from live metrics, as a step's `show:` items draw it: the same
/// `metric(entity)` operands as conditions, combined with `+ - * /` and parentheses.
///
///     let (expression, _) = try MetricExpression.parse("bytes(siem) / bytes(firewall) * 100")
///     expression.evaluate { metric, _ in metric == .bytes ? 50 : nil }  // 100
public indirect enum MetricExpression: Sendable, Equatable {
    /// A number or `metric(entity)`.
    case operand(ConditionOperand)
    /// A measurement of the whole world, written `name()`.
    case world(WorldMetric)
    case negate(MetricExpression)
    /// `lhs op rhs` with `op` one of `+ - * /`.
    case binary(ArithmeticOperator, MetricExpression, MetricExpression)
}

/// The operators of `show:` values.
public enum ArithmeticOperator: String, Sendable, Equatable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// Measurements of the whole world rather than of one entity; written with empty parentheses.
public enum WorldMetric: String, Sendable, Equatable, CaseIterable {
    /// Connections if every consumer integrated directly with each source it reads: Σ over
    /// consumers of the producers writing the topics it reads.
    case linksPointToPoint = "links_point_to_point"
    /// Connections with one log in the middle: one per producer plus one per consumer.
    case linksPlatform = "links_platform"
}

extension MetricExpression {
    /// The value, or nil when a metric it reads is unavailable or it divides by zero.
    public func evaluate(_ metric: (Metric, String) -> Double?, world: (WorldMetric) -> Double? = { _ in nil }) -> Double? {
        switch self {
        case .operand(let operand): return operand.value(metric)
        case .world(let name): return world(name)
        case .negate(let inner): return inner.evaluate(metric, world: world).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            guard let a = lhs.evaluate(metric, world: world), let b = rhs.evaluate(metric, world: world) else { return nil }
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return b == 0 ? nil : a / b
            }
        }
    }
}

/// One labelled live value a step draws beside its narration (`show:`).
public struct ShowItem: Sendable, Equatable {
    /// What the audience reads next to the number, e.g. "SIEM keeps".
    public var label: String
    public var value: MetricExpression
    /// The expression as written, for messages.
    public var text: String
    public var format: ShowFormat

    public init(label: String, value: MetricExpression, text: String, format: ShowFormat = .count) {
        self.label = label
        self.value = value
        self.text = text
        self.format = format
    }
}

/// How a `show:` value is written.
public enum ShowFormat: String, Sendable, Equatable, CaseIterable {
    /// A whole number with thousands separated by a space: `12 400`.
    case count
    /// One decimal and a percent sign: `95.1 %`.
    case percent
    /// Bytes in B, kB, MB or GB: `4.2 MB`.
    case bytes
    /// A duration given in ms: `340 ms`, `1.6 s`, `61 s`.
    case ms

    /// Values this large or larger read `-`: no demo counts that far, and whole numbers must fit.
    public static let limit = 1e15

    /// The value as the audience reads it; `-` when there is no value (yet), or it is out of range.
    public func text(_ value: Double?) -> String {
        guard let value, value.isFinite, abs(value) < Self.limit else { return "-" }
        switch self {
        case .count: return Digits.grouped(Int64(value.rounded()))
        case .percent: return Self.decimal(value, 1) + " %"
        case .bytes:
            let units = [(1_000_000_000.0, "GB"), (1_000_000.0, "MB"), (1_000.0, "kB")]
            for (size, unit) in units where abs(value) >= size { return Self.decimal(value / size, 1) + " " + unit }
            return "\(Int64(value.rounded())) B"
        case .ms:
            if abs(value) < 1_000 { return "\(Int64(value.rounded())) ms" }
            if abs(value) < 60_000 { return Self.decimal(value / 1_000, 1) + " s" }
            return "\(Int64((value / 1_000).rounded())) s"
        }
    }


    /// `value` with `decimals` digits after the point, rounded half away from zero.
    static func decimal(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        let fraction = String(scaled % Int64(scale))
        let padded = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(padded)"
    }
}
