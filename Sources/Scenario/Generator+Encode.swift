import StreamLog

/// A compiled template written straight as compact JSON: everything that never changes (braces,
/// field names, constants, pick choices, a format's literal text) laid out once as the chunks
/// between the variable parts, so a record is chunk, value, chunk, value, …, chunk — no
/// allocation, no reference counting, one copy per chunk.
///
/// A record is written in one pass through a cursor into room reserved once (`reserve`): no
/// capacity check per chunk; chunks are copied 16 bytes at a time past their end (the pool and
/// the reserve have the slack), the next write covering what was copied too far.
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
        /// Whether a weighted pick is made by comparing the draw's 53 bits with the choices'
        /// thresholds (`Layout.thresholds`) instead of by subtracting weights.
        var byThreshold = false
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
        /// How a uniform integer in `low...high` is drawn: 1 no draw (`low`), 0 all 64 bits, else
        /// the number of values, with the rejection bound and the divisor prepared once.
        var span: UInt64 = 1
        var limit: UInt64 = 0
        var divisor = Divisor(2)
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
        /// Whether the last step is a `now` that is not the key and its lead chunk, the time and
        /// the final chunk fit a `NowTail`: then those three are written as one chunk, built once
        /// a tick.
        let nowTail: Bool
        /// The key text when the key field is a constant; count -1 when it is not.
        let constantKeyStart: Int
        let constantKeyCount: Int
        let hasKey: Bool
        /// The room a record needs at most: the chunks, each step's largest value (a `.value`
        /// step reserves again after it), and the slack of copying 16 bytes at a time.
        let reserve: Int
        let pool: UnsafeMutableRawPointer
        let choices: UnsafeMutablePointer<Choice>
        let weights: UnsafeMutablePointer<Double>
        /// Beside each weight (same index), for a pick `byThreshold`: the smallest 53-bit draw
        /// that picks a later choice than that weight's (2^53 when none does).
        let thresholds: UnsafeMutablePointer<UInt64>
        /// `FourDigits.table`, looked up once.
        let fourDigits: UnsafePointer<UInt32>

        /// The pool bytes from `start`.
        @inline(__always)
        func bytes(_ start: Int, _ count: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: pool + start, count: count)
        }
    }

    /// The layout, behind a pointer so that encoding loads only the fields it uses.
    let layout: UnsafeMutablePointer<Layout>
    /// The nodes, for `.value` steps.
    let nodes: [PlanNode]

    init(names: [String], nodes: [PlanNode], keyIndex: Int?) {
        var chunks = ContiguousArray<UInt8>()  // the record's fixed bytes, in record order
        var side = ContiguousArray<UInt8>()    // choices and key texts
        var steps: [Step] = []
        var choices: [Choice] = []
        var weights: [Double] = []
        var thresholds: [UInt64] = []
        var constantKey: (Int, Int)?
        var chunkStart = 0
        var bound = 0  // the variable parts' largest sizes
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
                    let bounds = Self.thresholds(weights: given, total: step.totalWeight)
                    step.byThreshold = bounds != nil
                    thresholds += bounds ?? Array(repeating: 0, count: given.count)
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
            if step.kind == .pick, !step.weighted { (step.low, step.high) = (0, Int64(step.choiceCount) - 1) }
            if step.kind == .range || (step.kind == .pick && !step.weighted) { Self.prepareDraw(&step) }
            switch step.kind {
            case .pick: bound += choices[step.choiceStart...].map(\.count).max() ?? 0
            case .range, .sequence: bound += max(step.width, 20)
            case .now: bound += 24
            case .value: break
            }
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
        // Zeroed slack after the bytes: a chunk at the end is copied 16 bytes at a time too.
        let pool = UnsafeMutableRawPointer.allocate(byteCount: bytes.count + Self.slack, alignment: 16)
        pool.initializeMemory(as: UInt8.self, repeating: 0, count: bytes.count + Self.slack)
        bytes.withUnsafeBytes { pool.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(pool), byteCount: $0.count) }
        let choiceMemory = UnsafeMutablePointer<Choice>.allocate(capacity: max(1, choices.count))
        choiceMemory.initialize(from: choices, count: choices.count)
        let weightMemory = UnsafeMutablePointer<Double>.allocate(capacity: max(1, weights.count))
        weightMemory.initialize(from: weights, count: weights.count)
        let thresholdMemory = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, thresholds.count))
        thresholdMemory.initialize(from: thresholds, count: thresholds.count)
        layout = .allocate(capacity: 1)
        layout.initialize(to: Layout(
            steps: stepMemory, stepCount: steps.count, finalStart: chunkStart, finalCount: chunks.count - chunkStart,
            nowTail: steps.last.map { $0.kind == .now && !$0.isKey && $0.leadCount + 20 + chunks.count - chunkStart <= NowTail.capacity } ?? false,
            constantKeyStart: (constantKey?.0 ?? 0) + shift, constantKeyCount: constantKey?.1 ?? -1,
            hasKey: keyIndex.map(names.indices.contains) ?? false, reserve: chunks.count + bound + Self.slack, pool: pool, choices: choiceMemory, weights: weightMemory,
            thresholds: thresholdMemory,
            fourDigits: FourDigits.table))
        self.nodes = nodes
    }

    deinit {
        layout.pointee.steps.deallocate()
        layout.pointee.pool.deallocate()
        layout.pointee.choices.deallocate()
        layout.pointee.weights.deallocate()
        layout.pointee.thresholds.deallocate()
        layout.deinitialize(count: 1)
        layout.deallocate()
    }

    /// The bytes a copy may read or write past a chunk's end (it copies 16 at a time), kept
    /// after the pool and in each record's reserve.
    static let slack = 32

    /// Prepares `step`'s uniform draw in `low...high` as `RecordGenerator.integer` makes it:
    /// the span, the rejection bound and the divisor, computed once instead of per record.
    private static func prepareDraw(_ step: inout Step) {
        guard step.high > step.low else {
            step.span = 1
            return
        }
        step.span = UInt64(bitPattern: step.high &- step.low) &+ 1
        guard step.span > 1 else { return }
        step.limit = UInt64.max - UInt64.max % step.span
        step.divisor = Divisor(step.span)
    }

    /// A weighted pick's thresholds: for each choice but the last, the smallest 53-bit draw `m`
    /// (`unit()` is `m` × 2^-53) whose pick by `choice(_:weights:total:)` is a later choice, 2^53
    /// when none is; the last entry is 2^53. Counting the thresholds at or below a draw gives
    /// the same choice as subtracting the weights, since that choice never decreases as the draw
    /// grows (each rounded subtraction is monotonic). Nil when a weight or the total is not
    /// finite or the total is not positive, where that does not hold.
    static func thresholds(weights: [Double], total: Double) -> [UInt64]? {
        guard total.isFinite, total > 0, weights.allSatisfy(\.isFinite) else { return nil }
        let none: UInt64 = 1 << 53
        var bounds: [UInt64] = []
        for later in 1..<max(1, weights.count) {
            var (low, high) = (UInt64(0), none)
            while low < high {
                let middle = low + (high - low) / 2
                if choice(middle, weights: weights, total: total) >= later { high = middle } else { low = middle + 1 }
            }
            bounds.append(low)
        }
        return bounds + [none]
    }

    /// The choice a weighted pick makes for the 53-bit draw `m`: the index of the first weight
    /// the target (`unit()` × total) is below after subtracting the ones before it, else the
    /// last — the same floating-point operations, in the same order, as the pick by weights.
    static func choice(_ m: UInt64, weights: [Double], total: Double) -> Int {
        var target = Double(m) * 0x1.0p-53 * total
        for index in weights.indices {
            if target < weights[index] { return index }
            target -= weights[index]
        }
        return weights.count - 1
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
    /// Encodes the next record: its value as compact JSON appended to `value` (exactly the JSON
    /// of what `nextKeyed` gives, drawing the same random numbers); returns its key's UTF-8
    /// bytes, nil when the record has no key.
    ///
    /// The key bytes are where they already are — a span of the value, a pick's or a constant's
    /// text in the generator's plan — or, when the key has to be re-encoded, in `key` (emptied
    /// first). They stay valid until the next write to either arena or the next record.
    public mutating func encodeNext(_ context: GeneratorContext, value out: ByteArena, key: ByteArena) -> UnsafeRawBufferPointer? {
        guard let encoding = layout else { return encodeValue(context, value: out, key: key) }
        var base = out.reserve(encoding.pointee.reserve)
        var at = out.count
        // The key: `keyPointer` (plan or key arena), else a span of the value from `keyStart`.
        var keyPointer: UnsafeRawPointer?
        var keyStart = 0
        var keyCount = -1
        let nowTail = encoding.pointee.nowTail
        let stepCount = nowTail ? encoding.pointee.stepCount &- 1 : encoding.pointee.stepCount
        // The layout's pointers, loaded once (the stores into the record could alias them).
        let steps = encoding.pointee.steps
        let pool = encoding.pointee.pool
        let choices = encoding.pointee.choices
        let fourDigits = encoding.pointee.fourDigits
        var index = 0
        while index < stepCount {
            let step = steps + index
            Self.copy(pool + step.pointee.leadStart, step.pointee.leadCount, to: base + at)
            at &+= step.pointee.leadCount
            let start = at
            switch step.pointee.kind {
            case .pick:
                let chosen = choices + (step.pointee.choiceStart &+ pick(step, weights: encoding.pointee.weights, thresholds: encoding.pointee.thresholds))
                Self.copy(pool + chosen.pointee.start, chosen.pointee.count, to: base + at)
                at &+= chosen.pointee.count
                if step.pointee.isKey {
                    keyPointer = UnsafeRawPointer(pool + chosen.pointee.keyStart)
                    keyCount = chosen.pointee.keyCount
                }
            case .range:
                at &+= Self.writeNumber(draw(step), step, fourDigits: fourDigits, to: base + at)
            case .now:
                if nowText.ms != context.nowMs { nowText = NowText(context.nowMs) }
                (base + at).storeBytes(of: nowText.digits.0, as: UInt64.self)
                (base + at).storeBytes(of: nowText.digits.1, toByteOffset: 8, as: UInt64.self)
                (base + at).storeBytes(of: nowText.digits.2, toByteOffset: 16, as: UInt64.self)
                at &+= nowText.count
            case .sequence:
                let n = counters[step.pointee.slot]
                counters[step.pointee.slot] = n &+ 1
                at &+= Self.writeNumber(n, step, fourDigits: fourDigits, to: base + at)
            case .value:
                out.commit(count: at)
                var json = ContiguousArray<UInt8>()
                let nodes = plan.encoding?.nodes ?? plan.nodes
                evaluate(nodes[step.pointee.node], fields: plan, values: [], context: context).appendJSON(to: &json)
                json.withUnsafeBytes { out.append($0) }
                if step.pointee.isKey {
                    key.removeAll()
                    Self.appendKeyText(of: UnsafeRawBufferPointer(rebasing: out.bytes[start...]), to: key)
                    keyPointer = key.bytes.baseAddress
                    keyCount = key.count
                }
                base = out.reserve(encoding.pointee.reserve)
                at = out.count
            }
            if step.pointee.isKey, keyPointer == nil {
                // A number, with its format's text around it (in the chunks before and after).
                keyStart = start &- step.pointee.beforeCount
                keyCount = at &- keyStart &+ step.pointee.afterCount
            }
            index &+= 1
        }
        if nowTail {
            if tail.ms != context.nowMs { tail = NowTail(context.nowMs, step: encoding.pointee.steps + stepCount, layout: encoding) }
            withUnsafeBytes(of: &tail.bytes) { Self.copy($0.baseAddress.unsafelyUnwrapped, tail.count, to: base + at) }
            at &+= tail.count
        } else {
            Self.copy(encoding.pointee.pool + encoding.pointee.finalStart, encoding.pointee.finalCount, to: base + at)
            at &+= encoding.pointee.finalCount
        }
        out.commit(count: at)
        if let keyPointer { return UnsafeRawBufferPointer(start: keyPointer, count: keyCount) }
        if keyCount >= 0 { return UnsafeRawBufferPointer(rebasing: out.bytes[keyStart..<(keyStart &+ keyCount)]) }
        if encoding.pointee.constantKeyCount >= 0 { return encoding.pointee.bytes(encoding.pointee.constantKeyStart, encoding.pointee.constantKeyCount) }
        return encoding.pointee.hasKey ? UnsafeRawBufferPointer(start: nil, count: 0) : nil
    }

    /// `encodeNext` for a template without a byte layout (a walk or a repeated name): the
    /// record's `Value`, written as JSON, and its key text in `key`.
    private mutating func encodeValue(_ context: GeneratorContext, value out: ByteArena, key: ByteArena) -> UnsafeRawBufferPointer? {
        let (text, value, _) = nextKeyed(context)
        var json = ContiguousArray<UInt8>()
        value.appendJSON(to: &json)
        json.withUnsafeBytes { out.append($0) }
        guard var text else { return nil }
        key.removeAll()
        text.withUTF8 { key.append(UnsafeRawBufferPointer($0)) }
        return key.bytes
    }

    /// Copies `count` bytes 16 at a time, so up to 15 bytes past `count` are read and written
    /// (the slack after the pool and in the reserve); at least one 16-byte copy even for none.
    @inline(__always)
    private static func copy(_ source: UnsafeRawPointer, _ count: Int, to target: UnsafeMutableRawPointer) {
        var offset = 0
        repeat {
            target.storeBytes(
                of: source.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self), toByteOffset: offset,
                as: SIMD16<UInt8>.self)
            offset &+= 16
        } while offset < count
    }

    /// A uniform integer in the step's `low...high`: `integer(low, high)` with its span, bound
    /// and divisor prepared (the same draws and the same result).
    @inline(__always)
    private mutating func draw(_ step: UnsafeMutablePointer<FieldEncoding.Step>) -> Int64 {
        let span = step.pointee.span
        guard span > 1 else { return span == 0 ? Int64(bitPattern: random.next()) : step.pointee.low }
        var draw = random.next()
        while draw >= step.pointee.limit { draw = random.next() }
        return step.pointee.low &+ Int64(bitPattern: step.pointee.divisor.remainder(draw))
    }

    /// The index of the chosen pick value: `index(weights:count:)` over the laid-out weights.
    /// With finite weights, the draw's 53 bits counted against the choices' thresholds (integer
    /// compares, no chain of floating-point subtractions); otherwise up to 16 weights without a
    /// branch on the draw: every weight is compared and subtracted in the same order, and the
    /// first one the target is below counts.
    @inline(__always)
    private mutating func pick(
        _ step: UnsafeMutablePointer<FieldEncoding.Step>, weights: UnsafeMutablePointer<Double>,
        thresholds: UnsafeMutablePointer<UInt64>
    ) -> Int {
        let count = step.pointee.choiceCount
        guard step.pointee.weighted else { return Int(draw(step)) }
        if step.pointee.byThreshold {
            // The draw `unit()` would make, compared with every threshold without a branch on
            // it (a branch would be mispredicted half the time): both are below 2^63, so the
            // difference's top bit says whether the draw is below the threshold.
            let m = random.next() &>> 11
            let bounds = thresholds + step.pointee.weightStart
            var below = 0
            for index in 0..<(count &- 1) { below &+= Int(truncatingIfNeeded: (m &- bounds[index]) &>> 63) }
            return count &- 1 &- below
        }
        guard step.pointee.totalWeight > 0 else { return 0 }
        var target = random.unit() * step.pointee.totalWeight
        let weights = weights + step.pointee.weightStart
        var index = 0
        guard count <= 16 else {
            while index < count {
                let weight = weights[index]
                if target < weight { return index }
                target -= weight
                index &+= 1
            }
            return count - 1
        }
        var searching = 1  // 1 until the target is below a weight
        var chosen = 0
        while index < count {
            let weight = weights[index]
            searching &= target < weight ? 0 : 1
            chosen &+= searching
            target -= weight
            index &+= 1
        }
        return min(chosen, count - 1)
    }

    /// Writes `n` at `target` as `step` says: plain (width -1) or padded; returns its length. A
    /// number below 10 000 is one 4-byte store of its `FourDigits` word when the step allows it
    /// (inlined), any other out of line.
    @inline(__always)
    private static func writeNumber(
        _ n: Int64, _ step: UnsafeMutablePointer<FieldEncoding.Step>, fourDigits: UnsafePointer<UInt32>,
        to target: UnsafeMutableRawPointer
    ) -> Int {
        let small = UInt64(bitPattern: n)
        guard small < 10_000, step.pointee.fourDigits else { return writeAnyNumber(n, step, to: target) }
        // 1 + (small > 9) + (small > 99) + (small > 999), without branches: a subtraction that
        // wraps sets the top bit.
        let digits = 1 &+ Int(truncatingIfNeeded: ((9 &- small) &>> 63) &+ ((99 &- small) &>> 63) &+ ((999 &- small) &>> 63))
        let length = max(step.pointee.width, digits)
        target.storeBytes(of: fourDigits[Int(small)] &>> UInt32(truncatingIfNeeded: (4 &- length) &* 8), as: UInt32.self)
        return length
    }

    /// Writes any `n` at `target` as `step` says: plain (width -1) or padded; returns its length.
    @inline(never)
    private static func writeAnyNumber(_ n: Int64, _ step: UnsafeMutablePointer<FieldEncoding.Step>, to target: UnsafeMutableRawPointer) -> Int {
        let width = step.pointee.width
        let buffer = UnsafeMutableBufferPointer(start: target.assumingMemoryBound(to: UInt8.self), count: max(width, 20))
        guard width >= 0 else { return ByteArena.writeDecimal(n, into: buffer) }
        let digits = CompiledNumberFormat.decimalLength(n)
        return CompiledNumberFormat.write(n, digits: digits, width: width, zeros: step.pointee.zeros, into: buffer, at: 0)
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

/// The end of a record whose last field is `now`: that field's lead chunk, the sim time in
/// decimal and the final chunk, built once for the records of one tick.
struct NowTail: Sendable {
    /// The bytes it holds at most (a copy reads all 64).
    static let capacity = 64
    var ms: Int64 = .min
    var count = 0
    var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

    init() {}

    init(_ ms: Int64, step: UnsafeMutablePointer<FieldEncoding.Step>, layout: UnsafePointer<FieldEncoding.Layout>) {
        self.ms = ms
        count = withUnsafeMutableBytes(of: &bytes) { raw in
            let lead = layout.pointee.bytes(step.pointee.leadStart, step.pointee.leadCount)
            raw.copyMemory(from: lead)
            let time = UnsafeMutableBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[lead.count...])
            let digits = ByteArena.writeDecimal(ms, into: time)
            let final = layout.pointee.bytes(layout.pointee.finalStart, layout.pointee.finalCount)
            UnsafeMutableRawBufferPointer(rebasing: raw[(lead.count + digits)...]).copyMemory(from: final)
            return lead.count + digits + final.count
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
