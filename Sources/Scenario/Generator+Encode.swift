import StreamLog

/// A compiled template written straight as compact JSON: the bytes that never change (field
/// names, constants, pick choices, a format's literal text) laid out once in one pool, and one
/// plain step per field, so a record costs no allocation and no reference counting.
final class FieldEncoding: @unchecked Sendable {
    /// What a step writes between its fixed lead and tail bytes.
    enum Kind: UInt8 {
        /// Nothing: the lead holds the constant too.
        case fixed
        /// One of the choices `choiceStart ..< choiceStart + choiceCount`, by weight when `weighted`.
        case pick
        /// An integer in `low...high`: in decimal, or padded when `width` is set.
        case range
        /// The sim time in ms.
        case now
        /// The `seq` counter in `slot`, padded like a format.
        case sequence
        /// The node's `Value`, encoded (generators not laid out here).
        case value
    }

    /// One field: its lead bytes (`{"name":` or `,"name":`, plus fixed text), the variable part,
    /// then its tail bytes. Plain data: copying it retains nothing.
    struct Step {
        var kind: Kind
        var leadStart: Int
        var leadCount: Int
        /// Where the value starts within the lead (after the name and colon).
        var nameCount: Int
        var tailStart = 0
        var tailCount = 0
        var choiceStart = 0
        var choiceCount = 0
        var weighted = false
        var weightStart = 0
        var totalWeight = 0.0
        var low: Int64 = 0
        var high: Int64 = 0
        /// Padding of a formatted number: nil writes it plain.
        var width: Int?
        var zeros = false
        var slot = 0
    }

    /// A run of bytes in the pool.
    struct Span {
        var start: Int
        var count: Int
    }

    let steps: UnsafeMutableBufferPointer<Step>
    let pool: UnsafeMutableRawBufferPointer
    let choices: UnsafeMutableBufferPointer<Span>
    let weights: UnsafeMutableBufferPointer<Double>
    /// The nodes, for `.value` steps.
    let nodes: [PlanNode]

    init(names: [String], nodes: [PlanNode]) {
        var bytes = ContiguousArray<UInt8>()
        var steps: [Step] = []
        var choices: [Span] = []
        var weights: [Double] = []
        for index in names.indices {
            let leadStart = bytes.count
            bytes.append(UInt8(ascii: index == 0 ? "{" : ","))
            Value.appendJSONString(names[index], to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            var step = Step(kind: .value, leadStart: leadStart, leadCount: 0, nameCount: bytes.count - leadStart)
            switch nodes[index] {
            case .stateless(.constant(let value)):
                step.kind = .fixed
                value.appendJSON(to: &bytes)
            case .stateless(.pick(let values, let given)) where !values.isEmpty:
                step.kind = .pick
                step.choiceStart = choices.count
                step.choiceCount = values.count
                if let given, given.count == values.count {
                    step.weighted = true
                    step.totalWeight = given.reduce(0, +)
                    step.weightStart = weights.count
                    weights += given
                }
                var choice = ContiguousArray<UInt8>()
                for value in values {
                    choice.removeAll(keepingCapacity: true)
                    value.appendJSON(to: &choice)
                    choices.append(Span(start: bytes.count, count: choice.count))
                    bytes.append(contentsOf: choice)
                }
            case .stateless(.uniformInteger(let low, let high)):
                (step.kind, step.low, step.high) = (.range, low, high)
            case .stateless(.now):
                step.kind = .now
            case .range(let low, let high, let format):
                (step.kind, step.low, step.high) = (.range, low, high)
                if let format { Self.layOut(format, in: &step, bytes: &bytes) }
            case .sequence(let format, let slot):
                (step.kind, step.slot) = (.sequence, slot)
                Self.layOut(format, in: &step, bytes: &bytes)
            default:
                break
            }
            if step.kind == .pick {
                step.leadCount = step.nameCount
            } else if step.tailCount == 0 {
                step.leadCount = bytes.count - leadStart
            }
            steps.append(step)
        }
        // The closing brace (an empty object opens here too) is one more fixed step.
        let closing: [UInt8] = names.isEmpty ? Array("{}".utf8) : [UInt8(ascii: "}")]
        steps.append(Step(kind: .fixed, leadStart: bytes.count, leadCount: closing.count, nameCount: 0))
        bytes.append(contentsOf: closing)
        self.steps = .allocate(capacity: steps.count)
        _ = self.steps.initialize(from: steps)
        pool = .allocate(byteCount: bytes.count, alignment: 8)
        pool.copyBytes(from: bytes)
        self.choices = .allocate(capacity: choices.count)
        _ = self.choices.initialize(from: choices)
        self.weights = .allocate(capacity: weights.count)
        _ = self.weights.initialize(from: weights)
        self.nodes = nodes
    }

    deinit {
        steps.deallocate()
        pool.deallocate()
        choices.deallocate()
        weights.deallocate()
    }

    /// Lays out a format with one placeholder and plain literal text: the opening quote and the
    /// text before the number end the lead, the text after it and the closing quote are the
    /// tail. Any other format stays a `.value` step.
    private static func layOut(_ format: CompiledNumberFormat, in step: inout Step, bytes: inout ContiguousArray<UInt8>) {
        let placeholders = format.pieces.filter { if case .number = $0 { true } else { false } }
        guard placeholders.count == 1, format.literalsArePlainJSON,
              let at = format.pieces.firstIndex(where: { if case .number = $0 { true } else { false } }),
              case .number(let width, let zeros) = format.pieces[at]
        else {
            step.kind = .value
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for case .text(let text) in format.pieces[..<at] { bytes.append(contentsOf: text.utf8) }
        step.leadCount = bytes.count - step.leadStart
        step.tailStart = bytes.count
        for case .text(let text) in format.pieces[(at + 1)...] { bytes.append(contentsOf: text.utf8) }
        bytes.append(UInt8(ascii: "\""))
        step.tailCount = bytes.count - step.tailStart
        step.width = width ?? 0
        step.zeros = zeros
    }

    /// The pool bytes of a span.
    @inline(__always)
    func bytes(_ start: Int, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: pool[start..<(start + count)])
    }
}

extension RecordGenerator {
    /// Encodes the next record: its value as compact JSON into `value` (exactly the JSON of
    /// what `nextKeyed` gives, drawing the same random numbers) and its key's UTF-8 bytes into
    /// `key`; returns whether the record has a key. Both arenas are appended to.
    public mutating func encodeNext(_ context: GeneratorContext, value out: ByteArena, key: ByteArena) -> Bool {
        guard let encoding = plan.encoding else {
            let (text, value, _) = nextKeyed(context)
            var json = ContiguousArray<UInt8>()
            value.appendJSON(to: &json)
            json.withUnsafeBytes { out.append($0) }
            guard var text else { return false }
            text.withUTF8 { key.append(UnsafeRawBufferPointer($0)) }
            return true
        }
        let keyIndex = plan.keyIndex ?? -1
        for index in encoding.steps.indices {
            let step = encoding.steps[index]
            out.append(encoding.bytes(step.leadStart, step.leadCount))
            let valueStart = out.count - (step.leadCount - step.nameCount)
            write(step, encoding: encoding, index: index, context: context, into: out)
            if step.tailCount > 0 { out.append(encoding.bytes(step.tailStart, step.tailCount)) }
            if index == keyIndex { Self.appendKeyText(of: valueStart..<out.count, in: out, to: key) }
        }
        return keyIndex >= 0
    }

    /// Writes the variable part of one step.
    @inline(__always)
    private mutating func write(
        _ step: FieldEncoding.Step, encoding: FieldEncoding, index: Int, context: GeneratorContext, into out: ByteArena
    ) {
        switch step.kind {
        case .fixed:
            break
        case .pick:
            let choice = encoding.choices[step.choiceStart + pick(step, encoding: encoding)]
            out.append(encoding.bytes(choice.start, choice.count))
        case .range:
            writeNumber(integer(step.low, step.high), step, into: out)
        case .now:
            out.appendDecimal(context.nowMs)
        case .sequence:
            let n = counters[step.slot]
            counters[step.slot] = n &+ 1
            writeNumber(n, step, into: out)
        case .value:
            var json = ContiguousArray<UInt8>()
            evaluate(encoding.nodes[index], fields: plan, values: [], context: context).appendJSON(to: &json)
            json.withUnsafeBytes { out.append($0) }
        }
    }

    /// The index of the chosen pick value: `index(weights:count:)` over the laid-out weights.
    @inline(__always)
    private mutating func pick(_ step: FieldEncoding.Step, encoding: FieldEncoding) -> Int {
        guard step.weighted else { return Int(integer(0, Int64(step.choiceCount) - 1)) }
        guard step.totalWeight > 0 else { return 0 }
        var target = random.unit() * step.totalWeight
        let first = step.weightStart
        for index in 0..<step.choiceCount {
            let weight = encoding.weights[first + index]
            if target < weight { return index }
            target -= weight
        }
        return step.choiceCount - 1
    }

    @inline(__always)
    private func writeNumber(_ n: Int64, _ step: FieldEncoding.Step, into out: ByteArena) {
        guard let width = step.width else {
            out.appendDecimal(n)
            return
        }
        let digits = CompiledNumberFormat.decimalLength(n)
        out.write(atMost: max(width, digits)) { buffer in
            CompiledNumberFormat.write(n, digits: digits, width: width, zeros: step.zeros, into: buffer, at: 0)
        }
    }

    /// Appends the key text of the JSON value at `range` of `out` (what `Value.text` gives: a
    /// string's characters, anything else its JSON) to `key`.
    private static func appendKeyText(of range: Range<Int>, in out: ByteArena, to key: ByteArena) {
        let json = UnsafeRawBufferPointer(rebasing: out.bytes[range])
        guard json.first == UInt8(ascii: "\"") else {
            key.append(json)
            return
        }
        if !json.contains(UInt8(ascii: "\\")) {
            key.append(UnsafeRawBufferPointer(rebasing: json[(json.startIndex + 1)..<(json.endIndex - 1)]))
        } else if case .string(var text) = Value(json: json) {
            text.withUTF8 { key.append(UnsafeRawBufferPointer($0)) }
        }
    }
}

extension CompiledNumberFormat {
    /// Whether the literal text needs no JSON escape (printable ASCII without `"` or `\\`).
    var literalsArePlainJSON: Bool {
        pieces.allSatisfy { piece in
            guard case .text(let text) = piece else { return true }
            return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        }
    }
}
