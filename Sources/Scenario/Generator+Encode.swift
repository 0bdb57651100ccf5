import StreamLog

/// A compiled template written straight as compact JSON: the bytes that never change (field
/// names, constants, pick choices, a format's literal text, and the key text of constants and
/// choices) laid out once in one pool, and one plain step per field, so a record costs no
/// allocation and no reference counting.
final class FieldEncoding: @unchecked Sendable {
    /// What a step writes between its fixed lead and tail bytes.
    enum Kind: UInt8 {
        /// Nothing: the lead holds the constant too.
        case fixed
        /// One of the choices `choiceStart ..< choiceStart + choiceCount`, by weight when `weighted`.
        case pick
        /// An integer in `low...high`: in decimal, or padded when `width` ≥ 0.
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
        var weighted = false
        var zeros = false
        /// For the key field: the key is the pool span `keyStart`/`keyCount` (constants), the
        /// chosen choice's key span (picks), the written bytes without `keyTrim` at each end
        /// (numbers, formats), or — when `keyFromJSON` — the text of the written JSON.
        var keyFromJSON = false
        var keyTrim = 0
        var leadStart: Int
        var leadCount: Int
        /// Where the value starts within the lead (after the name and colon).
        var nameCount: Int
        var tailStart = 0
        var tailCount = 0
        var keyStart = 0
        var keyCount = 0
        var choiceStart = 0
        var choiceCount = 0
        var weightStart = 0
        var totalWeight = 0.0
        var low: Int64 = 0
        var high: Int64 = 0
        /// Padding of a formatted number; -1 writes it plain.
        var width = -1
        var slot = 0

        init(kind: Kind, leadStart: Int, nameCount: Int) {
            self.kind = kind
            self.leadStart = leadStart
            leadCount = nameCount
            self.nameCount = nameCount
        }
    }

    /// A pick choice: its JSON and its key text, both in the pool.
    struct Choice {
        var start: Int
        var count: Int
        var keyStart: Int
        var keyCount: Int
    }

    let steps: UnsafeMutablePointer<Step>
    let stepCount: Int
    let pool: UnsafeMutableRawPointer
    let choices: UnsafeMutablePointer<Choice>
    let weights: UnsafeMutablePointer<Double>
    /// The nodes, for `.value` steps.
    let nodes: [PlanNode]

    init(names: [String], nodes: [PlanNode]) {
        var bytes = ContiguousArray<UInt8>()
        var steps: [Step] = []
        var choices: [Choice] = []
        var weights: [Double] = []
        /// Appends `value`'s key text (`Value.text`) to the pool; returns its span.
        func keyText(_ value: Value) -> (Int, Int) {
            let start = bytes.count
            if case .string(let text) = value { bytes.append(contentsOf: text.utf8) } else { value.appendJSON(to: &bytes) }
            return (start, bytes.count - start)
        }
        for index in names.indices {
            let leadStart = bytes.count
            bytes.append(UInt8(ascii: index == 0 ? "{" : ","))
            Value.appendJSONString(names[index], to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            var step = Step(kind: .value, leadStart: leadStart, nameCount: bytes.count - leadStart)
            switch nodes[index] {
            case .stateless(.constant(let value)):
                step.kind = .fixed
                value.appendJSON(to: &bytes)
                step.leadCount = bytes.count - leadStart
                (step.keyStart, step.keyCount) = keyText(value)
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
                for value in values {
                    let start = bytes.count
                    value.appendJSON(to: &bytes)
                    let count = bytes.count - start
                    let (keyStart, keyCount) = keyText(value)
                    choices.append(Choice(start: start, count: count, keyStart: keyStart, keyCount: keyCount))
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
                step.keyFromJSON = true
            }
            steps.append(step)
        }
        // The closing brace (an empty object opens here too) is one more fixed step.
        let closing = names.isEmpty ? Array("{}".utf8) : [UInt8(ascii: "}")]
        var last = Step(kind: .fixed, leadStart: bytes.count, nameCount: 0)
        last.leadCount = closing.count
        steps.append(last)
        bytes.append(contentsOf: closing)

        stepCount = steps.count
        self.steps = .allocate(capacity: steps.count)
        self.steps.initialize(from: steps, count: steps.count)
        let pool = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { pool.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(pool), byteCount: $0.count) }
        self.pool = pool
        self.choices = .allocate(capacity: max(1, choices.count))
        self.choices.initialize(from: choices, count: choices.count)
        self.weights = .allocate(capacity: max(1, weights.count))
        self.weights.initialize(from: weights, count: weights.count)
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
        let isNumber = { (piece: CompiledNumberFormat.Piece) -> Bool in if case .number = piece { true } else { false } }
        guard format.pieces.filter(isNumber).count == 1, format.literalsArePlainJSON,
              let at = format.pieces.firstIndex(where: isNumber),
              case .number(let width, let zeros) = format.pieces[at]
        else {
            step.kind = .value
            step.keyFromJSON = true
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
        step.keyTrim = 1
    }

    /// The pool bytes from `start`.
    @inline(__always)
    func bytes(_ start: Int, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: pool + start, count: count)
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
        var index = 0
        while index < encoding.stepCount {
            let step = encoding.steps + index
            out.append(encoding.bytes(step.pointee.leadStart, step.pointee.leadCount))
            let valueStart = out.count &- (step.pointee.leadCount &- step.pointee.nameCount)
            var choice = 0
            switch step.pointee.kind {
            case .fixed:
                break
            case .pick:
                choice = step.pointee.choiceStart &+ pick(step, encoding: encoding)
                let chosen = encoding.choices + choice
                out.append(encoding.bytes(chosen.pointee.start, chosen.pointee.count))
            case .range:
                writeNumber(integer(step.pointee.low, step.pointee.high), step, into: out)
            case .now:
                out.appendDecimal(context.nowMs)
            case .sequence:
                let n = counters[step.pointee.slot]
                counters[step.pointee.slot] = n &+ 1
                writeNumber(n, step, into: out)
            case .value:
                var json = ContiguousArray<UInt8>()
                evaluate(encoding.nodes[index], fields: plan, values: [], context: context).appendJSON(to: &json)
                json.withUnsafeBytes { out.append($0) }
            }
            if step.pointee.tailCount > 0 { out.append(encoding.bytes(step.pointee.tailStart, step.pointee.tailCount)) }
            if index == keyIndex {
                switch step.pointee.kind {
                case _ where step.pointee.keyFromJSON:
                    Self.appendKeyText(of: valueStart..<out.count, in: out, to: key)
                case .fixed:
                    key.append(encoding.bytes(step.pointee.keyStart, step.pointee.keyCount))
                case .pick:
                    let chosen = encoding.choices + choice
                    key.append(encoding.bytes(chosen.pointee.keyStart, chosen.pointee.keyCount))
                default:
                    let trim = step.pointee.keyTrim
                    key.append(UnsafeRawBufferPointer(rebasing: out.bytes[(valueStart &+ trim)..<(out.count &- trim)]))
                }
            }
            index &+= 1
        }
        return keyIndex >= 0
    }

    /// The index of the chosen pick value: `index(weights:count:)` over the laid-out weights.
    @inline(__always)
    private mutating func pick(_ step: UnsafeMutablePointer<FieldEncoding.Step>, encoding: FieldEncoding) -> Int {
        let count = step.pointee.choiceCount
        guard step.pointee.weighted else { return Int(integer(0, Int64(count) - 1)) }
        guard step.pointee.totalWeight > 0 else { return 0 }
        var target = random.unit() * step.pointee.totalWeight
        let weights = encoding.weights + step.pointee.weightStart
        var index = 0
        while index < count {
            let weight = weights[index]
            if target < weight { return index }
            target -= weight
            index &+= 1
        }
        return count - 1
    }

    @inline(__always)
    private func writeNumber(_ n: Int64, _ step: UnsafeMutablePointer<FieldEncoding.Step>, into out: ByteArena) {
        let width = step.pointee.width
        guard width >= 0 else {
            out.appendDecimal(n)
            return
        }
        let digits = CompiledNumberFormat.decimalLength(n)
        let zeros = step.pointee.zeros
        out.write(atMost: max(width, digits)) { buffer in
            CompiledNumberFormat.write(n, digits: digits, width: width, zeros: zeros, into: buffer, at: 0)
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
