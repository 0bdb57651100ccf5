import StreamLog

/// A compiled template written straight as compact JSON: everything that never changes (braces,
/// field names, constants, pick choices, a format's literal text) laid out once as the chunks
/// between the variable parts, so a record is chunk, value, chunk, value, …, chunk — no
/// allocation, no reference counting, one copy per chunk.
final class FieldEncoding: @unchecked Sendable {
    /// What a step writes after its lead chunk.
    enum Kind: UInt8 {
        /// One of the choices `choiceStart ..< choiceStart + choiceCount`, by weight when `weighted`.
        case pick
        /// An integer in `low...high`: in decimal, or padded when `width` ≥ 0.
        case range
        /// The sim time in ms.
        case now
        /// The `seq` counter in `slot`, padded like a format.
        case sequence
        /// The value of node `node`, encoded (generators not laid out here).
        case value
    }

    /// One variable part and the fixed bytes before it. Plain data: copying it retains nothing.
    struct Step {
        var kind: Kind
        var weighted = false
        var zeros = false
        /// Whether this field is the producer's key.
        var isKey = false
        var leadStart: Int
        var leadCount = 0
        /// A format's literal text before and after the number (the key text around the digits).
        var beforeStart = 0
        var beforeCount = 0
        var afterStart = 0
        var afterCount = 0
        var choiceStart = 0
        var choiceCount = 0
        var weightStart = 0
        var totalWeight = 0.0
        var low: Int64 = 0
        var high: Int64 = 0
        /// Padding of a formatted number; -1 writes it plain.
        var width = -1
        /// Whether a number below 10 000 comes from `FourDigits` (plain, or padded to at most
        /// four characters with zeros).
        var fourDigits = false
        var slot = 0
        var node = 0

        init(kind: Kind, leadStart: Int) {
            self.kind = kind
            self.leadStart = leadStart
        }
    }

    /// A pick choice: its JSON and its key text, both in the pool.
    struct Choice {
        var start: Int
        var count: Int
        var keyStart: Int
        var keyCount: Int
    }

    /// The laid-out memory, as plain pointers and counts: what `encodeNext` reads. Valid while
    /// the `FieldEncoding` that allocated it lives (a generator keeps its plan).
    struct Layout: @unchecked Sendable {
        let steps: UnsafeMutablePointer<Step>
        let stepCount: Int
        /// The chunk after the last variable part (ends with the closing brace).
        let finalStart: Int
        let finalCount: Int
        /// The key text when the key field is a constant; count -1 when it is not.
        let constantKeyStart: Int
        let constantKeyCount: Int
        let hasKey: Bool
        let pool: UnsafeMutableRawPointer
        let choices: UnsafeMutablePointer<Choice>
        let weights: UnsafeMutablePointer<Double>
        /// `FourDigits.table`, looked up once.
        let fourDigits: UnsafePointer<UInt32>

        /// The pool bytes from `start`.
        @inline(__always)
        func bytes(_ start: Int, _ count: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: pool + start, count: count)
        }
    }

    let layout: Layout
    /// The nodes, for `.value` steps.
    let nodes: [PlanNode]

    init(names: [String], nodes: [PlanNode], keyIndex: Int?) {
        var chunks = ContiguousArray<UInt8>()  // the record's fixed bytes, in record order
        var side = ContiguousArray<UInt8>()    // choices and key texts
        var steps: [Step] = []
        var choices: [Choice] = []
        var weights: [Double] = []
        var constantKey: (Int, Int)?
        var chunkStart = 0
        /// Appends `value`'s key text (`Value.text`) to `side`; returns its span there.
        func keyText(_ value: Value) -> (Int, Int) {
            let start = side.count
            if case .string(let text) = value { side.append(contentsOf: text.utf8) } else { value.appendJSON(to: &side) }
            return (start, side.count - start)
        }
        for index in names.indices {
            chunks.append(UInt8(ascii: index == 0 ? "{" : ","))
            Value.appendJSONString(names[index], to: &chunks)
            chunks.append(UInt8(ascii: ":"))
            var step = Step(kind: .value, leadStart: chunkStart)
            step.node = index
            step.isKey = index == keyIndex
            switch nodes[index] {
            case .stateless(.constant(let value)):
                value.appendJSON(to: &chunks)
                if index == keyIndex { constantKey = keyText(value) }
                continue
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
                    let start = side.count
                    value.appendJSON(to: &side)
                    let count = side.count - start
                    let (keyStart, keyCount) = keyText(value)
                    choices.append(Choice(start: start, count: count, keyStart: keyStart, keyCount: keyCount))
                }
            case .stateless(.uniformInteger(let low, let high)):
                (step.kind, step.low, step.high) = (.range, low, high)
            case .stateless(.now):
                step.kind = .now
            case .range(let low, let high, let format):
                (step.kind, step.low, step.high) = (.range, low, high)
                if let format, !Self.layOut(format, in: &step, chunks: &chunks, side: &side) { step.kind = .value }
            case .sequence(let format, let slot):
                (step.kind, step.slot) = (.sequence, slot)
                if !Self.layOut(format, in: &step, chunks: &chunks, side: &side) { step.kind = .value }
            default:
                break
            }
            step.fourDigits = step.width <= 1 || (step.zeros && step.width <= 4)
            step.leadCount = chunks.count - chunkStart
            chunkStart = chunks.count
            if step.afterCount > 0 || step.width >= 0, step.kind != .value {
                // The format's text after the number and its closing quote start the next chunk.
                chunks.append(contentsOf: side[step.afterStart..<(step.afterStart + step.afterCount)])
                chunks.append(UInt8(ascii: "\""))
            }
            steps.append(step)
        }
        chunks.append(contentsOf: names.isEmpty ? Array("{}".utf8) : [UInt8(ascii: "}")])
        // One pool: the chunks, then the side bytes (spans into `side` shift by the chunks' size).
        let shift = chunks.count
        for index in steps.indices {
            steps[index].beforeStart += shift
            steps[index].afterStart += shift
        }
        for index in choices.indices {
            choices[index].start += shift
            choices[index].keyStart += shift
        }
        let bytes = chunks + side
        let stepMemory = UnsafeMutablePointer<Step>.allocate(capacity: max(1, steps.count))
        stepMemory.initialize(from: steps, count: steps.count)
        let pool = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { pool.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(pool), byteCount: $0.count) }
        let choiceMemory = UnsafeMutablePointer<Choice>.allocate(capacity: max(1, choices.count))
        choiceMemory.initialize(from: choices, count: choices.count)
        let weightMemory = UnsafeMutablePointer<Double>.allocate(capacity: max(1, weights.count))
        weightMemory.initialize(from: weights, count: weights.count)
        layout = Layout(
            steps: stepMemory, stepCount: steps.count, finalStart: chunkStart, finalCount: chunks.count - chunkStart,
            constantKeyStart: (constantKey?.0 ?? 0) + shift, constantKeyCount: constantKey?.1 ?? -1,
            hasKey: keyIndex.map(names.indices.contains) ?? false, pool: pool, choices: choiceMemory, weights: weightMemory,
            fourDigits: FourDigits.table)
        self.nodes = nodes
    }

    deinit {
        layout.steps.deallocate()
        layout.pool.deallocate()
        layout.choices.deallocate()
        layout.weights.deallocate()
    }

    /// Lays out a format with one placeholder and plain literal text: the opening quote and the
    /// text before the number end the lead chunk; the text after it is kept for the next chunk.
    /// False (nothing written) for any other format, which stays a `.value` step.
    private static func layOut(
        _ format: CompiledNumberFormat, in step: inout Step, chunks: inout ContiguousArray<UInt8>,
        side: inout ContiguousArray<UInt8>
    ) -> Bool {
        let isNumber = { (piece: CompiledNumberFormat.Piece) -> Bool in if case .number = piece { true } else { false } }
        guard format.pieces.filter(isNumber).count == 1, format.literalsArePlainJSON,
              let at = format.pieces.firstIndex(where: isNumber),
              case .number(let width, let zeros) = format.pieces[at]
        else { return false }
        var before: [UInt8] = []
        for case .text(let text) in format.pieces[..<at] { before += text.utf8 }
        var after: [UInt8] = []
        for case .text(let text) in format.pieces[(at + 1)...] { after += text.utf8 }
        chunks.append(UInt8(ascii: "\""))
        chunks.append(contentsOf: before)
        step.beforeStart = side.count
        step.beforeCount = before.count
        side.append(contentsOf: before)
        step.afterStart = side.count
        step.afterCount = after.count
        side.append(contentsOf: after)
        step.width = width ?? 0
        step.zeros = zeros
        return true
    }

}

extension RecordGenerator {
    /// Encodes the next record: its value as compact JSON into `value` (exactly the JSON of
    /// what `nextKeyed` gives, drawing the same random numbers) and its key's UTF-8 bytes into
    /// `key`; returns whether the record has a key. Both arenas are appended to.
    public mutating func encodeNext(_ context: GeneratorContext, value out: ByteArena, key: ByteArena) -> Bool {
        guard let encoding = layout else {
            let (text, value, _) = nextKeyed(context)
            var json = ContiguousArray<UInt8>()
            value.appendJSON(to: &json)
            json.withUnsafeBytes { out.append($0) }
            guard var text else { return false }
            text.withUTF8 { key.append(UnsafeRawBufferPointer($0)) }
            return true
        }
        var index = 0
        while index < encoding.stepCount {
            let step = encoding.steps + index
            out.append(encoding.bytes(step.pointee.leadStart, step.pointee.leadCount))
            let start = out.count
            var choice = 0
            switch step.pointee.kind {
            case .pick:
                choice = step.pointee.choiceStart &+ pick(step, encoding: encoding)
                let chosen = encoding.choices + choice
                out.append(encoding.bytes(chosen.pointee.start, chosen.pointee.count))
            case .range:
                Self.writeNumber(integer(step.pointee.low, step.pointee.high), step, fourDigits: encoding.fourDigits, into: out)
            case .now:
                if nowText.ms != context.nowMs { nowText = NowText(context.nowMs) }
                withUnsafeBytes(of: nowText.digits) { out.append(UnsafeRawBufferPointer(rebasing: $0[..<nowText.count])) }
            case .sequence:
                let n = counters[step.pointee.slot]
                counters[step.pointee.slot] = n &+ 1
                Self.writeNumber(n, step, fourDigits: encoding.fourDigits, into: out)
            case .value:
                var json = ContiguousArray<UInt8>()
                let nodes = plan.encoding?.nodes ?? plan.nodes
                evaluate(nodes[step.pointee.node], fields: plan, values: [], context: context).appendJSON(to: &json)
                json.withUnsafeBytes { out.append($0) }
            }
            if step.pointee.isKey {
                let written = UnsafeRawBufferPointer(rebasing: out.bytes[start...])
                switch step.pointee.kind {
                case .pick:
                    let chosen = encoding.choices + choice
                    key.append(encoding.bytes(chosen.pointee.keyStart, chosen.pointee.keyCount))
                case .value:
                    Self.appendKeyText(of: written, to: key)
                default:
                    key.append(encoding.bytes(step.pointee.beforeStart, step.pointee.beforeCount))
                    key.append(written)
                    key.append(encoding.bytes(step.pointee.afterStart, step.pointee.afterCount))
                }
            }
            index &+= 1
        }
        out.append(encoding.bytes(encoding.finalStart, encoding.finalCount))
        if encoding.constantKeyCount >= 0 { key.append(encoding.bytes(encoding.constantKeyStart, encoding.constantKeyCount)) }
        return encoding.hasKey
    }

    /// The index of the chosen pick value: `index(weights:count:)` over the laid-out weights.
    @inline(__always)
    private mutating func pick(_ step: UnsafeMutablePointer<FieldEncoding.Step>, encoding: FieldEncoding.Layout) -> Int {
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

    /// Writes `n` as `step` says: plain (width -1) or padded; a number below 10 000 in one store
    /// of its `FourDigits` word when the step allows it (inlined), any other out of line.
    @inline(__always)
    private static func writeNumber(
        _ n: Int64, _ step: UnsafeMutablePointer<FieldEncoding.Step>, fourDigits: UnsafePointer<UInt32>, into out: ByteArena
    ) {
        let small = UInt64(bitPattern: n)
        guard small < 10_000, step.pointee.fourDigits else {
            writeAnyNumber(n, step, into: out)
            return
        }
        let length = max(step.pointee.width, FourDigits.count(small))
        let word = fourDigits[Int(small)] &>> UInt32(truncatingIfNeeded: (4 &- length) &* 8)
        out.write(atMost: 4) { buffer in
            UnsafeMutableRawBufferPointer(buffer).storeBytes(of: word, as: UInt32.self)
            return length
        }
    }

    /// Writes any `n` as `step` says: plain (width -1) or padded.
    @inline(never)
    private static func writeAnyNumber(_ n: Int64, _ step: UnsafeMutablePointer<FieldEncoding.Step>, into out: ByteArena) {
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

    /// Appends the key text of a JSON value (what `Value.text` gives: a string's characters,
    /// anything else its JSON) to `key`.
    private static func appendKeyText(of json: UnsafeRawBufferPointer, to key: ByteArena) {
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

/// A sim time in decimal, kept while records of one tick are encoded.
struct NowText: Sendable {
    var ms: Int64 = .min
    var count = 0
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)

    init() {}

    init(_ ms: Int64) {
        self.ms = ms
        count = withUnsafeMutableBytes(of: &digits) { raw in
            ByteArena.writeDecimal(ms, into: raw.bindMemory(to: UInt8.self))
        }
    }
}
