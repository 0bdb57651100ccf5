import StreamLog

extension Reader {
    /// Generators written as a bare (unquoted) word.
    static let bareGenerators: [String: Generator] = [
        "uuid": .uuid, "now": .now, "name": .name, "city": .city, "country": .country, "location": .location,
        "port": .port(low: 49152, high: 65535),
    ]

    /// Generators written as a mapping, keyed by their name, with the other keys they accept.
    static let mappingGenerators: [String: [String]] = [
        "seq": ["start"], "pick": ["weights", "format"], "uniform": ["round"], "normal": ["round"],
        "chance": ["then", "else"], "ref": [], "walk": ["round"], "ip": ["pool"], "port": [], "amount": [],
        "object": [],
    ]

    static let generatorList = "seq, pick, uniform, normal, chance, ref, walk, ip, port, amount, object"

    /// A record template: a mapping from field names to generators, in order.
    ///
    /// `keyField` is the producer's key field: a `walk` needs it, written before the walk.
    func template(_ node: YAMLNode, _ what: String, keyField: String?) -> RecordTemplate? {
        guard case .mapping(let pairs) = node.content else {
            wrongType(node, what, expected: "a mapping from field names to generators")
            return nil
        }
        var fields: [TemplateField] = []
        for (keyNode, value) in pairs {
            guard let field = keyNode.scalarText, !keyNode.isNull else {
                wrongType(keyNode, "a field name in \(what)", expected: "a field name")
                continue
            }
            guard let generator = generator(value, "field '\(field)' of \(what)") else { continue }
            if generator.containsWalk {
                if let keyField {
                    if !fields.contains(where: { $0.name == keyField }) {
                        report(
                            keyNode.position, "walk field '\(field)' comes before the key field '\(keyField)' in \(what)",
                            expected: "the key field written above every walk field")
                    }
                } else {
                    report(
                        keyNode.position, "walk field '\(field)' in \(what) needs a keyed producer",
                        expected: "key: <field> on the producer (the walk keeps one value per key)")
                }
            }
            fields.append(TemplateField(name: field, generator: generator))
        }
        return RecordTemplate(fields: fields)
    }

    /// One field generator (see `Generator`).
    func generator(_ node: YAMLNode, _ what: String) -> Generator? {
        switch node.content {
        case .scalar:
            if let word = node.plainText, let generator = Reader.bareGenerators[word] { return generator }
            return .constant(literal(node))
        case .sequence:
            return .constant(literal(node))
        case .mapping(let pairs):
            let names = pairs.compactMap { $0.key.scalarText }
            let kinds = names.filter { Reader.mappingGenerators[$0] != nil }
            guard kinds.count == 1, let kind = kinds.first, let options = Reader.mappingGenerators[kind] else {
                if kinds.count > 1 {
                    report(
                        node.position, "\(what) names \(kinds.count) generators: \(kinds.joined(separator: ", "))",
                        expected: "one generator per field; {object: {…}} for a nested record")
                } else {
                    let first = pairs.first?.key
                    report(
                        first?.position ?? node.position,
                        "unknown generator '\(names.first ?? "")' for \(what)",
                        expected: "one of: \(Reader.generatorList) (or uuid, now, name, city, country, location, port)",
                        suggestion: names.first.flatMap {
                            Suggestion.closest(to: $0, among: Array(Reader.mappingGenerators.keys).sorted())
                        })
                }
                return nil
            }
            guard let entries = mapping(node, "generator '\(kind)' of \(what)", keys: [kind] + options),
                let value = entries[kind]
            else {
                report(node.position, "empty generator '\(kind)' for \(what)", expected: "a value after '\(kind):'")
                return nil
            }
            return generator(kind: kind, value, entries, "\(kind) of \(what)")
        }
    }

    private func generator(kind: String, _ value: YAMLNode, _ entries: Entries, _ what: String) -> Generator? {
        let round = entries["round"].flatMap { count($0, "round of \(what)", minimum: 0) }
        switch kind {
        case "seq":
            guard let format = string(value, what) else { return nil }
            if let problem = NumberFormat.problem(in: format) {
                report(value.position, "invalid \(what): \(problem)", expected: "a format such as \"o-{n:05}\"")
                return nil
            }
            let start = entries["start"].flatMap { int($0, "start of \(what)", in: 0...Int64.max / 2, expected: "an integer ≥ 0") }
            return .sequence(format: format, start: start ?? 1)
        case "pick":
            return pick(value, entries, what)
        case "uniform":
            guard let (low, high, integers) = bounds(value, what) else { return nil }
            if integers, round == nil, let low = Int64(exactly: low), let high = Int64(exactly: high) {
                return .uniformInteger(low: low, high: high)
            }
            return .uniform(low: low, high: high, round: round)
        case "normal":
            guard let spec = mapping(value, what, keys: ["mean", "sd", "min", "max"], required: ["mean", "sd"]),
                let meanNode = spec["mean"], let sdNode = spec["sd"],
                let mean = number(meanNode, "mean of \(what)", in: -1e15...1e15, expected: "a number"),
                let sd = number(sdNode, "sd of \(what)", in: 0...1e15, expected: "a standard deviation ≥ 0")
            else { return nil }
            let low = spec["min"].flatMap { number($0, "min of \(what)", in: -1e15...1e15, expected: "a number") }
            let high = spec["max"].flatMap { number($0, "max of \(what)", in: -1e15...1e15, expected: "a number") }
            if let low, let high, low > high {
                report(spec.keyPosition("max"), "invalid \(what): min \(low) is above max \(high)", expected: "min ≤ max")
                return nil
            }
            return .normal(mean: mean, sd: sd, min: low, max: high, round: round)
        case "chance":
            guard let p = probability(value, what) else { return nil }
            guard let thenNode = entries["then"] else {
                report(entries.position, "missing key 'then' in \(what)", expected: "then: <generator>")
                return nil
            }
            guard let then = generator(thenNode, "then of \(what)") else { return nil }
            let otherwise = entries["else"].map { generator($0, "else of \(what)") } ?? .constant(.null)
            guard let otherwise else { return nil }
            return .chance(p, then: then, otherwise: otherwise)
        case "ref":
            if case .scalar = value.content {
                guard let topic = name(value, what) else { return nil }
                refer(topic, [.topic], at: value.position, by: what)
                return .ref(topic: topic, field: nil)
            }
            guard let spec = mapping(value, what, keys: ["topic", "field"], required: ["topic"]),
                let topicNode = spec["topic"], let topic = name(topicNode, "topic of \(what)")
            else { return nil }
            refer(topic, [.topic], at: topicNode.position, by: what)
            return .ref(topic: topic, field: spec["field"].flatMap { string($0, "field of \(what)") })
        case "walk":
            return walk(value, round: round, what)
        case "ip":
            return ip(value, entries, what)
        case "port":
            guard let (low, high, integers) = bounds(value, what) else { return nil }
            guard integers, low >= 0, high <= 65535 else {
                report(value.position, "invalid \(what): ports must be integers in 0…65535", expected: "[low, high], e.g. [1024, 65535]")
                return nil
            }
            return .port(low: Int(low), high: Int(high))
        case "amount":
            guard let (low, high, _) = bounds(value, what) else { return nil }
            guard low > 0 else {
                report(value.position, "invalid \(what): the lower bound must be more than 0", expected: "[low, high] with 0 < low ≤ high")
                return nil
            }
            return .amount(low: low, high: high)
        default:
            return template(value, what, keyField: nil).map { .object($0) }
        }
    }

    private func pick(_ value: YAMLNode, _ entries: Entries, _ what: String) -> Generator? {
        if case .mapping = value.content {
            guard let spec = mapping(value, what, keys: ["range"], required: ["range"]), let rangeNode = spec["range"],
                let (low, high, integers) = bounds(rangeNode, "range of \(what)")
            else { return nil }
            guard integers, let lowInt = Int64(exactly: low), let highInt = Int64(exactly: high) else {
                report(rangeNode.position, "invalid range of \(what): bounds must be integers", expected: "[low, high], e.g. [1, 40]")
                return nil
            }
            var format: String?
            if let formatNode = entries["format"] {
                format = string(formatNode, "format of \(what)")
                if let text = format, let problem = NumberFormat.problem(in: text) {
                    report(formatNode.position, "invalid format of \(what): \(problem)", expected: "a format such as \"c-{:02}\"")
                    return nil
                }
            }
            return .pickRange(low: lowInt, high: highInt, format: format)
        }
        guard case .sequence(let items) = value.content, !items.isEmpty else {
            wrongType(value, what, expected: "a non-empty list of values, or {range: [low, high]}")
            return nil
        }
        if let formatNode = entries["format"] {
            report(formatNode.position, "format applies only to pick: {range: …}", expected: "no format with a list")
            return nil
        }
        var weights: [Double]?
        if let weightsNode = entries["weights"] {
            guard case .sequence(let weightItems) = weightsNode.content else {
                wrongType(weightsNode, "weights of \(what)", expected: "a list of numbers ≥ 0, one per value")
                return nil
            }
            guard weightItems.count == items.count else {
                report(
                    weightsNode.position, "\(what) has \(items.count) values but \(weightItems.count) weights",
                    expected: "one weight per value")
                return nil
            }
            let parsed = weightItems.compactMap { number($0, "a weight of \(what)", in: 0...1e12, expected: "a weight ≥ 0") }
            guard parsed.count == items.count else { return nil }
            guard parsed.reduce(0, +) > 0 else {
                report(weightsNode.position, "invalid weights of \(what): all are 0", expected: "at least one weight above 0")
                return nil
            }
            weights = parsed
        }
        return .pick(items.map(literal), weights: weights)
    }

    private func walk(_ value: YAMLNode, round: Int?, _ what: String) -> Generator? {
        guard let spec = mapping(value, what, keys: ["start", "step", "min", "max"], required: ["start", "step"]),
            let startNode = spec["start"], let stepNode = spec["step"],
            let start = generator(startNode, "start of \(what)"),
            let (stepLow, stepHigh, _) = bounds(stepNode, "step of \(what)")
        else { return nil }
        let low = spec["min"].flatMap { number($0, "min of \(what)", in: -1e15...1e15, expected: "a number") }
        let high = spec["max"].flatMap { number($0, "max of \(what)", in: -1e15...1e15, expected: "a number") }
        return .walk(start: start, stepLow: stepLow, stepHigh: stepHigh, min: low, max: high, round: round)
    }

    private func ip(_ value: YAMLNode, _ entries: Entries, _ what: String) -> Generator? {
        let expected = "a CIDR block such as \"10.0.0.0/16\""
        guard let text = string(value, what) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let octets = parts.first?.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt32($0) } ?? []
        guard parts.count == 2, octets.count == 4, octets.allSatisfy({ $0 < 256 }), let prefix = Int(parts[1]),
            (0...32).contains(prefix)
        else {
            report(value.position, "invalid \(what): '\(text)'", expected: expected)
            return nil
        }
        let address = octets.reduce(UInt32(0)) { $0 << 8 | $1 }
        let mask: UInt32 = prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
        let hosts = prefix >= 31 ? Int64(1) << Int64(32 - prefix) : (Int64(1) << Int64(32 - prefix)) - 2
        var pool: Int?
        if let poolNode = entries["pool"] {
            guard let size = count(poolNode, "pool of \(what)", minimum: 1) else { return nil }
            guard Int64(size) <= hosts else {
                report(poolNode.position, "invalid pool of \(what): \(size) is more than the \(hosts) hosts of \(text)", expected: "a pool ≤ \(hosts)")
                return nil
            }
            pool = size
        }
        return .ip(network: address & mask, prefix: prefix, pool: pool)
    }

    /// `[low, high]` with low ≤ high; `integers` when both are written as integers.
    private func bounds(_ node: YAMLNode, _ what: String) -> (Double, Double, integers: Bool)? {
        let expected = "a list [low, high] of two numbers"
        guard case .sequence(let items) = node.content, items.count == 2 else {
            wrongType(node, what, expected: expected)
            return nil
        }
        guard let low = number(items[0], "low bound of \(what)", in: -1e15...1e15, expected: "a number"),
            let high = number(items[1], "high bound of \(what)", in: -1e15...1e15, expected: "a number")
        else { return nil }
        guard low <= high else {
            report(node.position, "invalid \(what): low bound \(items[0].scalarText ?? "") is above high bound \(items[1].scalarText ?? "")", expected: "[low, high] with low ≤ high")
            return nil
        }
        let integers = items.allSatisfy { $0.plainText.flatMap { Int64($0) } != nil }
        return (low, high, integers)
    }
}

extension Generator {
    /// Whether this generator (or one nested in `chance`) is a `walk`.
    var containsWalk: Bool {
        switch self {
        case .walk: true
        case .chance(_, let then, let otherwise): then.containsWalk || otherwise.containsWalk
        default: false
        }
    }
}
