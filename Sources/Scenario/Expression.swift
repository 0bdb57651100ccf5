import StreamLog

/// A parsed expression over a record's fields: filter `where`, map `set`, branch `when`, batch `where`.
///
///     let expr = try Expression.parse("amount > 100 and action != 'deny'")
///     expr.evaluate(on: ["amount": 120, "action": "allow"])  // .bool(true)
public indirect enum Expression: Sendable, Equatable {
    /// A constant: number, 'string', true, false or null.
    case literal(Value)
    /// A field of the record; a dotted name (`source.ip`) reads a nested object.
    case field([String])
    /// Logical negation (`not x`).
    case not(Expression)
    /// Arithmetic negation (`-x`).
    case negate(Expression)
    /// A binary operation.
    case binary(BinaryOperator, Expression, Expression)
    /// Membership: `x in [a, b]`, or `x not in [a, b]` when negated.
    case membership(Expression, [Expression], negated: Bool)
}

/// The binary operators, by precedence: `or` < `and` < comparisons/`contains` < `+ -` < `* / %`.
public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case contains
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

extension Expression {
    /// The names of the top-level fields the expression reads (first path component), in order of appearance.
    public var fieldNames: [String] {
        var names: [String] = []
        collectFields(into: &names)
        return names
    }

    private func collectFields(into names: inout [String]) {
        switch self {
        case .literal: break
        case .field(let path):
            if let first = path.first, !names.contains(first) { names.append(first) }
        case .not(let inner), .negate(let inner): inner.collectFields(into: &names)
        case .binary(_, let lhs, let rhs):
            lhs.collectFields(into: &names)
            rhs.collectFields(into: &names)
        case .membership(let value, let list, _):
            value.collectFields(into: &names)
            for item in list { item.collectFields(into: &names) }
        }
    }
}
