import Foundation
import StreamLog

/// What the engine supplies when a template is evaluated.
public struct GeneratorContext {
    /// The sim time in ms (`now`).
    public var nowMs: Int64
    /// For `ref`: a value recently produced to `topic` (its key when `field` is nil), chosen by
    /// `unit` in [0, 1) (e.g. index = Int(unit × count)); nil when nothing was produced yet.
    public var lookup: (_ topic: String, _ field: String?, _ unit: Double) -> Value?

    public init(nowMs: Int64, lookup: @escaping (_ topic: String, _ field: String?, _ unit: Double) -> Value? = { _, _, _ in nil }) {
        self.nowMs = nowMs
        self.lookup = lookup
    }
}

/// Turns a record template into records, one per call, keeping sequence and walk state.
///
///     var records = RecordGenerator(template: producer.record, keyField: producer.key,
///                                   random: world.random.fork("producer:web"))
///     let order = records.next(GeneratorContext(nowMs: 1_000))  // .object([...]) in field order
public struct RecordGenerator: Sendable {
    public let template: RecordTemplate
    /// The field whose value keys `walk` state (the producer's key field).
    public let keyField: String?
    var random: SeededRandom
    /// The template with each stateful generator given its state slot, built once.
    let plan: PlanFields
    /// The top level's byte layout (owned by `plan`, never written after it is built), so
    /// encoding retains nothing.
    nonisolated(unsafe) let layout: UnsafePointer<FieldEncoding.Layout>?
    /// The next number of each `seq`, by slot.
    var counters: [Int64]
    /// `now` in decimal for the sim time it was last written at (a tick's records share it).
    var nowText = NowText()
    /// The record's end when its last field is `now` (see `FieldEncoding.Layout.nowTail`).
    var tail = NowTail()
    /// The current value of each `walk` per record key, by slot.
    private var walks: [[String: Double]]

    public init(template: RecordTemplate, keyField: String?, random: SeededRandom) {
        self.template = template
        self.keyField = keyField
        self.random = random
        var starts: [Int64] = []
        var walkCount = 0
        plan = PlanFields(compiling: template, keyField: keyField, counters: &starts, walks: &walkCount)
        layout = plan.encoding.map { UnsafePointer($0.layout) }
        counters = starts
        walks = Array(repeating: [:], count: walkCount)
    }

    /// The next record: an object with the template's fields in order.
    public mutating func next(_ context: GeneratorContext) -> Value {
        .object(evaluate(plan, context: context))
    }

    /// The next record, its key and its size: the key is the text of the key field (what
    /// `value[keyField]?.text` gives), nil without a key field or when the record lacks it; the
    /// size is `value.encodedSize`, counted with the field names' share computed once.
    public mutating func nextKeyed(_ context: GeneratorContext) -> (key: String?, value: Value, size: Int) {
        let fields = evaluate(plan, context: context)
        guard plan.distinct else {
            let value = Value.object(fields)
            return (keyField.flatMap { fields[$0]?.text }, value, value.encodedSize)
        }
        var size = plan.namesSize
        for value in fields.values { size += value.encodedSize }
        return (plan.keyIndex.map { fields.values[$0].text }, .object(fields), size)
    }

    /// One object level: values in field order, sharing the compiled names when they are distinct.
    private mutating func evaluate(_ fields: PlanFields, context: GeneratorContext) -> Fields {
        var values: [Value] = []
        values.reserveCapacity(fields.nodes.count)
        fields.nodes.withUnsafeBufferPointer { nodes in
            for node in nodes.indices {
                let value = evaluate(nodes[node], fields: fields, values: values, context: context)
                values.append(value)
            }
        }
        if fields.distinct { return Fields(distinctNames: fields.names, values: values) }
        return Fields(zip(fields.names, values))
    }

    /// The record key so far: the key field's text, or "" when it is not (yet) generated.
    private func key(in fields: PlanFields, values: [Value]) -> String {
        guard let index = fields.keyIndex, index < values.count else { return "" }
        return values[index].text
    }

    /// A node's value; `fields` and `values` are the object being generated, up to this field.
    mutating func evaluate(
        _ node: PlanNode, fields: PlanFields, values: [Value], context: GeneratorContext
    ) -> Value {
        switch node {
        case .stateless(let generator):
            return evaluate(generator, context: context)
        case .sequence(let format, let slot):
            let n = counters[slot]
            counters[slot] = n &+ 1
            return .string(format.apply(n))
        case .range(let low, let high, let format):
            let n = integer(low, high)
            return format.map { .string($0.apply(n)) } ?? .int(n)
        case .chance(let p, let then, let otherwise):
            return random.unit() < p
                ? evaluate(then, fields: fields, values: values, context: context)
                : evaluate(otherwise, fields: fields, values: values, context: context)
        case .walk(let start, let stepLow, let stepHigh, let low, let high, let round, let slot):
            let key = key(in: fields, values: values)
            var value: Double
            if let previous = walks[slot][key] {
                value = previous + stepLow + (stepHigh - stepLow) * random.unit()
            } else {
                value = evaluate(start, fields: fields, values: values, context: context).number ?? 0
            }
            if let low { value = max(low, value) }
            if let high { value = min(high, value) }
            walks[slot][key] = value
            return rounded(value, round)
        case .object(let fields):
            return .object(evaluate(fields, context: context))
        }
    }

    /// A generator that keeps no state between records.
    mutating func evaluate(_ generator: Generator, context: GeneratorContext) -> Value {
        switch generator {
        case .constant(let value):
            return value
        case .pick(let values, let weights):
            guard !values.isEmpty else { return .null }
            return values[index(weights: weights, count: values.count)]
        case .uniformInteger(let low, let high):
            return .int(integer(low, high))
        case .uniform(let low, let high, let round):
            return rounded(low + (high - low) * random.unit(), round)
        case .normal(let mean, let sd, let low, let high, let round):
            var value = mean + sd * ArrivalProcess.standardNormal(random: &random)
            if let low { value = max(low, value) }
            if let high { value = min(high, value) }
            return rounded(value, round)
        case .uuid:
            return .string(random.uuid())
        case .now:
            return .int(context.nowMs)
        case .ref(let topic, let field):
            return context.lookup(topic, field, random.unit()) ?? .null
        case .ip(let network, let prefix, let pool):
            let size: UInt64 = 1 << UInt64(32 - prefix)
            let offset: UInt64
            if let pool {
                offset = (size > 2 ? 1 : 0) + UInt64(integer(0, Int64(pool) - 1))
            } else if size > 2 {
                offset = 1 + random.next() % (size - 2)  // skip network and broadcast addresses
            } else {
                offset = random.next() % size
            }
            let address = network &+ UInt32(truncatingIfNeeded: offset)
            return .string("\(address >> 24).\((address >> 16) & 255).\((address >> 8) & 255).\(address & 255)")
        case .port(let low, let high):
            return .int(integer(Int64(low), Int64(high)))
        case .name:
            let first = GeneratorData.firstNames[Int(random.next() % UInt64(GeneratorData.firstNames.count))]
            let last = GeneratorData.lastNames[Int(random.next() % UInt64(GeneratorData.lastNames.count))]
            return .string("\(first) \(last)")
        case .city:
            return .string(place().city)
        case .country:
            return .string(place().country)
        case .location:
            let place = place()
            return .object(["city": .string(place.city), "country": .string(place.country),
                            "lat": .double(place.lat), "lon": .double(place.lon)])
        case .amount(let low, let high):
            let value = exp(log(low) + (log(high) - log(low)) * random.unit())
            return rounded(min(high, max(low, value)), 2)
        case .sequence, .pickRange, .chance, .walk, .object:
            // Compiled into plan nodes (state slots, parsed formats); see `PlanNode(compiling:)`.
            return .null
        }
    }

    /// A uniform integer in `low...high` (unbiased by rejection).
    mutating func integer(_ low: Int64, _ high: Int64) -> Int64 {
        guard high > low else { return low }
        let span = UInt64(bitPattern: high &- low) &+ 1
        if span == 0 { return Int64(bitPattern: random.next()) }
        let limit = UInt64.max - UInt64.max % span
        var draw = random.next()
        while draw >= limit { draw = random.next() }
        return low &+ Int64(bitPattern: draw % span)
    }

    /// An index into `count` items, uniform or by relative weights.
    mutating func index(weights: [Double]?, count: Int) -> Int {
        guard let weights, weights.count == count else { return Int(integer(0, Int64(count) - 1)) }
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var target = random.unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return count - 1
    }

    private mutating func place() -> GeneratorData.Place {
        GeneratorData.places[Int(random.next() % UInt64(GeneratorData.places.count))]
    }

    /// `value` rounded to `digits` decimals; 0 digits gives an int; nil leaves it as is.
    private func rounded(_ value: Double, _ digits: Int?) -> Value {
        guard let digits else { return .double(value) }
        if digits == 0 {
            let whole = value.rounded()
            return whole.magnitude < 9.0e18 ? .int(Int64(whole)) : .double(whole)
        }
        let scale = pow(10, Double(digits))
        return .double((value * scale).rounded() / scale)
    }
}

/// A template generator compiled for evaluation: stateful generators carry their state slot,
/// formats are parsed once.
enum PlanNode: Sendable {
    case stateless(Generator)
    case sequence(format: CompiledNumberFormat, slot: Int)
    case range(low: Int64, high: Int64, format: CompiledNumberFormat?)
    indirect case chance(Double, then: PlanNode, otherwise: PlanNode)
    indirect case walk(start: PlanNode, stepLow: Double, stepHigh: Double, min: Double?, max: Double?, round: Int?, slot: Int)
    case object(PlanFields)

    /// Compiles `generator`, appending each `seq` start to `counters` and counting `walks`.
    init(compiling generator: Generator, keyField: String?, counters: inout [Int64], walks: inout Int) {
        switch generator {
        case .sequence(let format, let start):
            counters.append(start)
            self = .sequence(format: CompiledNumberFormat(format), slot: counters.count - 1)
        case .pickRange(let low, let high, let format):
            self = .range(low: low, high: high, format: format.map(CompiledNumberFormat.init))
        case .chance(let p, let then, let otherwise):
            self = .chance(
                p, then: PlanNode(compiling: then, keyField: keyField, counters: &counters, walks: &walks),
                otherwise: PlanNode(compiling: otherwise, keyField: keyField, counters: &counters, walks: &walks))
        case .walk(let start, let stepLow, let stepHigh, let low, let high, let round):
            let startNode = PlanNode(compiling: start, keyField: keyField, counters: &counters, walks: &walks)
            walks += 1
            self = .walk(
                start: startNode, stepLow: stepLow, stepHigh: stepHigh, min: low, max: high, round: round,
                slot: walks - 1)
        case .object(let template):
            self = .object(PlanFields(compiling: template, keyField: keyField, counters: &counters, walks: &walks))
        default:
            self = .stateless(generator)
        }
    }
}

/// One compiled object level: field names built once, a plan node per field (a class, so
/// generating a record borrows the plan instead of copying it).
final class PlanFields: Sendable {
    /// The field names in template order, shared by every record generated.
    let names: [String]
    /// The compiled generator of each field, parallel to `names`.
    let nodes: [PlanNode]
    /// Whether no name repeats, so a record can take `names` as is.
    let distinct: Bool
    /// The first position of the producer's key field among `names` (what `walk` keys by).
    let keyIndex: Int?
    /// The JSON size of an object of these names without its values: braces, commas, quoted
    /// names and colons.
    let namesSize: Int
    /// How a record of these fields is written straight as JSON bytes; nil when a walk or a
    /// repeated name needs the `Value` path (see `Generator+Encode`).
    let encoding: FieldEncoding?

    /// Compiles `template`'s fields in order, appending state slots as `PlanNode` does.
    init(compiling template: RecordTemplate, keyField: String?, counters: inout [Int64], walks: inout Int) {
        let names = template.fields.map(\.name)
        self.names = names
        nodes = template.fields.map { PlanNode(compiling: $0.generator, keyField: keyField, counters: &counters, walks: &walks) }
        distinct = Set(names).count == names.count
        keyIndex = keyField.flatMap { names.firstIndex(of: $0) }
        namesSize = 2 + max(0, names.count - 1) + names.reduce(0) { $0 + Value.string($1).encodedSize + 1 }
        // At the top level, `walks` counts the nested ones too.
        encoding = distinct && walks == 0 ? FieldEncoding(names: names, nodes: nodes, keyIndex: keyIndex) : nil
    }
}

extension RecordTemplate {
    /// The topics its `ref` generators read, nested fields included: the topics whose recent
    /// records an engine has to keep.
    public var referencedTopics: Set<String> {
        Set(fields.flatMap(\.generator.referencedTopics))
    }
}

extension Generator {
    /// The topics this generator and the generators inside it read with `ref`.
    var referencedTopics: Set<String> {
        switch self {
        case .ref(let topic, _): [topic]
        case .chance(_, let then, let otherwise): then.referencedTopics.union(otherwise.referencedTopics)
        case .walk(let start, _, _, _, _, _): start.referencedTopics
        case .object(let template): template.referencedTopics
        default: []
        }
    }
}
