extension Reader {
    static let chainKeys = ["rate", "arrivals", "timeout", "calls", "enabled"]
    static let callKeys = ["service", "latency", "jitter", "capacity", "errors"]

    func chain(_ name: String, _ node: YAMLNode) -> ChainSpec? {
        let what = "chain '\(name)'"
        guard let entries = mapping(node, what, keys: Reader.chainKeys, required: ["rate", "timeout", "calls"]),
            let rate = entries["rate"].flatMap({ rateProfile($0, "rate of \(what)") }),
            let timeout = entries["timeout"].flatMap({ duration($0, "timeout of \(what)") }),
            let callsNode = entries["calls"]
        else { return nil }
        guard case .sequence(let items) = callsNode.content, !items.isEmpty else {
            wrongType(callsNode, "calls of \(what)", expected: "a list of {service, latency, jitter, capacity, errors}")
            return nil
        }
        var calls: [CallSpec] = []
        for item in items {
            let callWhat = "a call of \(what)"
            guard let spec = mapping(item, callWhat, keys: Reader.callKeys, required: ["service", "latency"]),
                let service = spec["service"].flatMap({ self.name($0, "service of \(callWhat)") }),
                let latency = spec["latency"].flatMap({ fractionalDuration($0, "latency of service '\(service)'") })
            else { continue }
            if !declared[.service, default: []].contains(service) { declared[.service, default: []].append(service) }
            if !Reader.isValidName(service), let node = spec["service"] {
                report(node.position, "invalid service name '\(service)'", expected: "letters, digits, '_', '-' and '.'")
            }
            var call = CallSpec(service: service, latencyMs: latency)
            if let value = spec["jitter"] { call.jitterMs = fractionalDuration(value, "jitter of service '\(service)'") ?? 0 }
            if let value = spec["capacity"] { call.capacity = count(value, "capacity of service '\(service)'", minimum: 1) ?? 8 }
            if let value = spec["errors"] { call.errorRate = probability(value, "errors of service '\(service)'") ?? 0 }
            calls.append(call)
        }
        var chain = ChainSpec(name: name, rate: rate, timeoutMs: timeout, calls: calls)
        if let value = entries["arrivals"] { chain.arrivals = choice(value, "arrivals of \(what)", ArrivalMode.self) ?? .accumulator }
        if let value = entries["enabled"] { chain.enabled = bool(value, "enabled of \(what)") ?? true }
        return chain
    }

    static let batchKeys = ["from", "every", "runtime", "where", "group_by", "agg", "to", "enabled"]

    func batch(_ name: String, _ node: YAMLNode) -> BatchSpec? {
        let what = "batch job '\(name)'"
        guard let entries = mapping(node, what, keys: Reader.batchKeys, required: ["from", "every", "agg"]),
            let fromNode = entries["from"], let from = self.name(fromNode, "from of \(what)"),
            let every = entries["every"].flatMap({ duration($0, "every of \(what)") }),
            let aggregations = entries["agg"].flatMap({ aggregations($0, "agg of \(what)") })
        else { return nil }
        refer(from, [.topic], at: fromNode.position, by: what)
        var batch = BatchSpec(name: name, from: from, everyMs: every, aggregations: aggregations)
        if let value = entries["runtime"] { batch.runtimeMs = duration(value, "runtime of \(what)", positive: false) ?? 0 }
        if let value = entries["where"] { batch.filter = expression(value, "where of \(what)") }
        noteFieldUses(of: batch, entries, what)
        batch.groupBy = entries["group_by"].flatMap { stringList($0, "group_by of \(what)") } ?? []
        if let toNode = entries["to"], let to = self.name(toNode, "to of \(what)") {
            refer(to, [.topic], at: toNode.position, by: what)
            batch.to = to
        }
        if let value = entries["enabled"] { batch.enabled = bool(value, "enabled of \(what)") ?? true }
        return batch
    }
}
