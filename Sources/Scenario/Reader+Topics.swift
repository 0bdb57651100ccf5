extension Reader {
    static let topicKeys = ["partitions", "retention", "segment", "timestamp", "sink", "label"]

    func topic(_ name: String, _ node: YAMLNode) -> TopicSpec? {
        let what = "topic '\(name)'"
        var topic = TopicSpec(name: name)
        if node.isNull { return topic }
        guard let entries = mapping(node, what, keys: Reader.topicKeys) else { return nil }
        if let value = entries["partitions"] {
            topic.partitions = count(value, "partitions of \(what)", minimum: 1, maximum: Limits.partitionsPerTopic) ?? topic.partitions
        }
        if let value = entries["retention"] { topic.retention = retention(value, "retention of \(what)") ?? topic.retention }
        if let value = entries["segment"] { segment(value, "segment of \(what)", into: &topic) }
        if let value = entries["timestamp"] {
            topic.timestampType = choice(value, "timestamp of \(what)", TimestampType.self) ?? topic.timestampType
        }
        if let value = entries["sink"] { topic.sink = bool(value, "sink of \(what)") ?? false }
        if let value = entries["label"] { topic.label = string(value, "label of \(what)") }
        return topic
    }

    /// `segment: 1MiB` (`segment.bytes`) or `segment: { bytes: 1MiB, time: 5m }` (with `segment.ms`).
    func segment(_ node: YAMLNode, _ what: String, into topic: inout TopicSpec) {
        guard case .mapping = node.content else {
            topic.segmentBytes = size(node, what) ?? topic.segmentBytes
            return
        }
        guard let entries = mapping(node, what, keys: ["bytes", "time"]) else { return }
        if let value = entries["bytes"] { topic.segmentBytes = size(value, "bytes of \(what)") ?? topic.segmentBytes }
        if let value = entries["time"] { topic.segmentMs = duration(value, "time of \(what)") ?? topic.segmentMs }
    }

    func retention(_ node: YAMLNode, _ what: String) -> Retention? {
        guard let entries = mapping(node, what, keys: ["time", "max_records", "max_bytes"]) else { return nil }
        var retention = Retention()
        if let value = entries["time"] {
            retention.timeMs = value.plainText == "forever" ? nil : duration(value, "time of \(what)")
        }
        if let value = entries["max_records"] {
            retention.maxRecords = int(value, "max_records of \(what)", in: 1...Int64.max, expected: "an integer ≥ 1")
        }
        if let value = entries["max_bytes"] { retention.maxBytes = size(value, "max_bytes of \(what)") }
        return retention
    }

    static let producerKeys = ["topic", "key", "partitioner", "rate", "arrivals", "record", "enabled"]

    func producer(_ name: String, _ node: YAMLNode) -> ProducerSpec? {
        let what = "producer '\(name)'"
        guard let entries = mapping(node, what, keys: Reader.producerKeys, required: ["topic", "rate", "record"]),
            let topicNode = entries["topic"], let topic = self.name(topicNode, "topic of \(what)")
        else { return nil }
        refer(topic, [.topic], at: topicNode.position, by: what)
        let key = entries["key"].flatMap { string($0, "key of \(what)") }
        let rate = entries["rate"].flatMap { rateProfile($0, "rate of \(what)") }
        let record = entries["record"].flatMap { checkTemplateSize($0, "record of \(what)") ? template($0, "record of \(what)", keyField: key) : nil }
        if let key, let keyNode = entries["key"], let record, !record.fields.contains(where: { $0.name == key }) {
            report(
                keyNode.position, "key '\(key)' of \(what) is not a field of its record",
                expected: "one of: \(record.fields.map(\.name).joined(separator: ", "))",
                suggestion: Suggestion.closest(to: key, among: record.fields.map(\.name)))
        }
        guard let rate, let record else { return nil }
        var producer = ProducerSpec(name: name, topic: topic, rate: rate, record: record)
        producer.key = key
        if let value = entries["partitioner"] {
            producer.partitioner = choice(value, "partitioner of \(what)", Partitioner.self) ?? producer.partitioner
        }
        if let value = entries["arrivals"] {
            producer.arrivals = choice(value, "arrivals of \(what)", ArrivalMode.self) ?? producer.arrivals
        }
        if let value = entries["enabled"] { producer.enabled = bool(value, "enabled of \(what)") ?? true }
        return producer
    }

    static let profileKeys = ["constant", "ramp", "sine", "burst"]

    /// A rate profile: a bare number (constant) or `{constant|ramp|sine|burst: …}`.
    func rateProfile(_ node: YAMLNode, _ what: String) -> RateProfile? {
        if case .scalar = node.content {
            return rate(node, what).map { .constant($0) }
        }
        guard let entries = mapping(node, what, keys: Reader.profileKeys) else { return nil }
        guard entries.keys.count == 1, let kind = entries.keys.first, let value = entries[kind] else {
            report(
                node.position, "\(what) needs exactly one profile",
                expected: "one of: {constant: 5}, {ramp: {from, to, over}}, {sine: {base, amplitude, period}}, {burst: {base, peak, every, for}}")
            return nil
        }
        let inner = "\(kind) \(what)"
        switch kind {
        case "constant":
            return rate(value, inner).map { .constant($0) }
        case "ramp":
            guard let spec = mapping(value, inner, keys: ["from", "to", "over"], required: ["from", "to", "over"]),
                let from = spec["from"].flatMap({ rate($0, "from of \(inner)") }),
                let to = spec["to"].flatMap({ rate($0, "to of \(inner)") }),
                let over = spec["over"].flatMap({ duration($0, "over of \(inner)") })
            else { return nil }
            return .ramp(from: from, to: to, overMs: over)
        case "sine":
            guard let spec = mapping(value, inner, keys: ["base", "amplitude", "period"], required: ["base", "amplitude", "period"]),
                let base = spec["base"].flatMap({ rate($0, "base of \(inner)") }),
                let amplitude = spec["amplitude"].flatMap({ rate($0, "amplitude of \(inner)") }),
                let period = spec["period"].flatMap({ duration($0, "period of \(inner)") })
            else { return nil }
            return .sine(base: base, amplitude: amplitude, periodMs: period)
        default:
            guard let spec = mapping(value, inner, keys: ["base", "peak", "every", "for"], required: ["base", "peak", "every", "for"]),
                let base = spec["base"].flatMap({ rate($0, "base of \(inner)") }),
                let peak = spec["peak"].flatMap({ rate($0, "peak of \(inner)") }),
                let every = spec["every"].flatMap({ duration($0, "every of \(inner)") }),
                let length = spec["for"].flatMap({ duration($0, "for of \(inner)") })
            else { return nil }
            guard length <= every else {
                report(spec.keyPosition("for"), "invalid \(inner): 'for' is longer than 'every'", expected: "for ≤ every")
                return nil
            }
            return .burst(base: base, peak: peak, everyMs: every, forMs: length)
        }
    }
}
