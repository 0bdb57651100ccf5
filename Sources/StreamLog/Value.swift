/// A structured record value: what producers generate, processors transform and the feed shows.
///
/// Field order is kept (like a JSON object as written), so exports and the feed are stable.
///
///     let order: Value = .object(["order_id": "o-00001", "amount": 42.5])
///     order["amount"]  // .double(42.5)
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([Value])
    case object(Fields)
}

/// The ordered fields of an object value.
public struct Fields: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Field names, in order.
    public private(set) var names: [String]
    /// Field values, parallel to `names`.
    public private(set) var values: [Value]

    public init() {
        names = []
        values = []
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    /// Creates fields from ordered pairs; a repeated name keeps its first position and last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        self.init()
        for (name, value) in pairs { self[name] = value }
    }

    /// Creates fields from parallel arrays whose names are already distinct (a compiled template),
    /// sharing the names array instead of rebuilding it; the same fields as pairing them up.
    public init(distinctNames names: [String], values: [Value]) {
        self.names = names
        self.values = values
    }

    /// The number of fields.
    public var count: Int { names.count }

    /// The value of field `name`, or nil; setting nil removes the field.
    public subscript(name: String) -> Value? {
        get {
            guard let index = names.firstIndex(of: name) else { return nil }
            return values[index]
        }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue {
                    values[index] = newValue
                } else {
                    names.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    public func makeIterator() -> Zip2Sequence<[String], [Value]>.Iterator {
        zip(names, values).makeIterator()
    }
}

extension Value {
    /// The value of field `name` when this is an object, else nil.
    public subscript(field: String) -> Value? {
        guard case .object(let fields) = self else { return nil }
        return fields[field]
    }

    /// The number as a Double, for ints and doubles; nil otherwise.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The text a key or a feed cell shows: strings bare, everything else as compact JSON.
    public var text: String {
        if case .string(let string) = self { return string }
        return json
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .object(Fields(elements)) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
}
