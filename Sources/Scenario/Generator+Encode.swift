import StreamLog

/// How one field of a compiled template is written as JSON bytes: the common generators
/// directly (constants and pick choices encoded once), the rest through their `Value`.
enum FieldEncoder: Sendable {
    /// A constant: its JSON, encoded once.
    case fixed([UInt8])
    /// One of these encoded choices, uniformly or by relative weights.
    case pick([[UInt8]], weights: [Double]?)
    /// An integer in `low...high`, as a number or formatted into a string.
    case range(low: Int64, high: Int64, format: CompiledNumberFormat?, plain: Bool)
    /// A uniform integer in `low...high`.
    case uniformInteger(low: Int64, high: Int64)
    /// A `seq` counter in `slot`, formatted.
    case sequence(format: CompiledNumberFormat, plain: Bool, slot: Int)
    /// The sim time in ms.
    case now
    /// Anything else: evaluate the node and encode its value.
    case value

    init(_ node: PlanNode) {
        switch node {
        case .stateless(.constant(let value)): self = .fixed(value.jsonBytes)
        case .stateless(.pick(let values, let weights)) where !values.isEmpty:
            self = .pick(values.map(\.jsonBytes), weights: weights)
        case .stateless(.uniformInteger(let low, let high)): self = .uniformInteger(low: low, high: high)
        case .stateless(.now): self = .now
        case .range(let low, let high, let format):
            self = .range(low: low, high: high, format: format, plain: format?.literalsArePlainJSON ?? true)
        case .sequence(let format, let slot): self = .sequence(format: format, plain: format.literalsArePlainJSON, slot: slot)
        default: self = .value
        }
    }
}

extension RecordGenerator {
    /// Encodes the next record: its value as compact JSON into `value` (exactly the JSON of
    /// what `nextKeyed` gives, drawing the same random numbers) and its key's UTF-8 bytes into
    /// `key`; returns whether the record has a key. Both buffers are appended to.
    public mutating func encodeNext(
        _ context: GeneratorContext, value out: inout ContiguousArray<UInt8>, key: inout ContiguousArray<UInt8>
    ) -> Bool {
        guard plan.encodesDirectly else {
            let (text, value, _) = nextKeyed(context)
            value.appendJSON(to: &out)
            guard let text else { return false }
            key.append(contentsOf: text.utf8)
            return true
        }
        let fields = plan
        if fields.encoders.isEmpty { out.append(UInt8(ascii: "{")) }
        for index in fields.encoders.indices {
            out.append(contentsOf: fields.prefixes[index])
            let start = out.count
            encode(fields.encoders[index], node: fields.nodes[index], context: context, into: &out)
            if index == fields.keyIndex { Self.appendKeyText(of: start..<out.count, in: out, to: &key) }
        }
        out.append(UInt8(ascii: "}"))
        return fields.keyIndex != nil
    }

    /// Writes one field's value.
    private mutating func encode(
        _ encoder: FieldEncoder, node: PlanNode, context: GeneratorContext, into out: inout ContiguousArray<UInt8>
    ) {
        switch encoder {
        case .fixed(let bytes):
            out.append(contentsOf: bytes)
        case .pick(let choices, let weights):
            out.append(contentsOf: choices[index(weights: weights, count: choices.count)])
        case .range(let low, let high, let format, let plain):
            let n = integer(low, high)
            if let format { format.appendJSON(n, plain: plain, to: &out) } else { Value.appendDecimal(n, to: &out) }
        case .uniformInteger(let low, let high):
            Value.appendDecimal(integer(low, high), to: &out)
        case .sequence(let format, let plain, let slot):
            let n = counters[slot]
            counters[slot] = n &+ 1
            format.appendJSON(n, plain: plain, to: &out)
        case .now:
            Value.appendDecimal(context.nowMs, to: &out)
        case .value:
            evaluate(node, fields: plan, values: [], context: context).appendJSON(to: &out)
        }
    }

    /// Appends the key text of the JSON value at `range` of `out` (what `Value.text` gives: a
    /// string's characters, anything else its JSON) to `key`.
    private static func appendKeyText(of range: Range<Int>, in out: ContiguousArray<UInt8>, to key: inout ContiguousArray<UInt8>) {
        out.withUnsafeBytes { bytes in
            let json = UnsafeRawBufferPointer(rebasing: bytes[range])
            guard json.first == UInt8(ascii: "\"") else {
                key.append(contentsOf: json)
                return
            }
            if !json.contains(UInt8(ascii: "\\")) {
                key.append(contentsOf: UnsafeRawBufferPointer(rebasing: json.dropFirst().dropLast()))
            } else if case .string(let text) = Value(json: json) {
                key.append(contentsOf: text.utf8)
            }
        }
    }
}
