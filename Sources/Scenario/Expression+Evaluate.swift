import StreamLog

extension Expression {
    /// Evaluates the expression over `record` (an object; missing fields read as null).
    ///
    /// Numbers compare numerically across int and double; strings compare lexicographically;
    /// mismatched types are unequal and never ordered. Arithmetic keeps ints when both sides are
    /// ints (except `/`, which gives a double); division by zero and type errors give null;
    /// `+` on two strings concatenates.
    public func evaluate(on record: Value) -> Value {
        switch self {
        case .literal(let value):
            return value
        case .field(let path):
            var value = record
            for name in path {
                guard let next = value[name] else { return .null }
                value = next
            }
            return value
        case .not(let inner):
            return .bool(!inner.evaluate(on: record).isTruthy)
        case .negate(let inner):
            switch inner.evaluate(on: record) {
            case .int(let value): return value == Int64.min ? .double(-Double(value)) : .int(-value)
            case .double(let value): return .double(-value)
            default: return .null
            }
        case .binary(.and, let lhs, let rhs):
            return .bool(lhs.evaluate(on: record).isTruthy && rhs.evaluate(on: record).isTruthy)
        case .binary(.or, let lhs, let rhs):
            return .bool(lhs.evaluate(on: record).isTruthy || rhs.evaluate(on: record).isTruthy)
        case .binary(let op, let lhs, let rhs):
            return Expression.apply(op, lhs.evaluate(on: record), rhs.evaluate(on: record))
        case .membership(let value, let list, let negated):
            let needle = value.evaluate(on: record)
            let found = list.contains { Expression.equal(needle, $0.evaluate(on: record)) }
            return .bool(found != negated)
        }
    }

    /// Whether the expression holds for `record` (its value is truthy).
    public func matches(_ record: Value) -> Bool {
        evaluate(on: record).isTruthy
    }

    static func apply(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) -> Value {
        switch op {
        case .and, .or: return .bool(op == .and ? lhs.isTruthy && rhs.isTruthy : lhs.isTruthy || rhs.isTruthy)
        case .equal: return .bool(equal(lhs, rhs))
        case .notEqual: return .bool(!equal(lhs, rhs))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = compare(lhs, rhs) else { return .bool(false) }
            switch op {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .contains:
            switch (lhs, rhs) {
            case (.string(let text), .string(let part)): return .bool(text.contains(part))
            case (.array(let items), _): return .bool(items.contains { equal($0, rhs) })
            default: return .bool(false)
            }
        case .add, .subtract, .multiply, .divide, .remainder:
            return arithmetic(op, lhs, rhs)
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) -> Value {
        if op == .add, case .string(let a) = lhs, case .string(let b) = rhs { return .string(a + b) }
        if case .int(let a) = lhs, case .int(let b) = rhs, op != .divide {
            let result: (Int64, Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            default:
                guard b != 0 else { return .null }
                result = a.remainderReportingOverflow(dividingBy: b)
            }
            if !result.1 { return .int(result.0) }
        }
        guard let a = lhs.number, let b = rhs.number else { return .null }
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide: return b == 0 ? .null : .double(a / b)
        default: return b == 0 ? .null : .double(a.truncatingRemainder(dividingBy: b))
        }
    }

    /// Equality with ints and doubles compared by numeric value.
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        if let a = lhs.number, let b = rhs.number { return a == b }
        return lhs == rhs
    }

    /// -1, 0 or 1 for two numbers or two strings; nil for anything else.
    static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
        if let a = lhs.number, let b = rhs.number { return a < b ? -1 : (a > b ? 1 : 0) }
        if case .string(let a) = lhs, case .string(let b) = rhs { return a < b ? -1 : (a > b ? 1 : 0) }
        return nil
    }
}

extension Value {
    /// Truthiness in expressions: false and null are false, 0 and "" are false, everything else true.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .double(let value): value != 0 && !value.isNaN
        case .string(let value): !value.isEmpty
        case .array, .object: true
        }
    }
}
