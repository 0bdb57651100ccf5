import Foundation

extension Reader {
    static let processorCommonKeys = ["kind", "members", "process", "commit", "start", "enabled"]
    static let processorKindKeys: [String: (keys: [String], required: [String])] = [
        "filter": (["from", "where", "to"], ["from", "where", "to"]),
        "map": (["from", "to", "keep", "drop", "set", "rekey"], ["from", "to"]),
        "window": (["from", "to", "tumbling", "hopping", "group_by", "agg", "emit", "grace"], ["from", "to", "agg"]),
        "join": (["left", "right", "on", "within", "table", "to"], ["left", "right", "to"]),
        "branch": (["from", "cases", "default"], ["from", "cases"]),
    ]
    static let processorKinds = ["filter", "map", "window", "join", "branch"]

    func processor(_ name: String, _ node: YAMLNode) -> ProcessorSpec? {
        let what = "processor '\(name)'"
        guard case .mapping(let pairs) = node.content else {
            wrongType(node, what, expected: "a mapping with kind: filter|map|window|join|branch")
            return nil
        }
        guard let kindNode = pairs.first(where: { $0.key.scalarText == "kind" })?.value else {
            report(node.position, "missing key 'kind' in \(what)", expected: "kind: filter|map|window|join|branch")
            return nil
        }
        guard let kindName = kindNode.scalarText, let kindKeys = Reader.processorKindKeys[kindName] else {
            report(
                kindNode.position, "invalid kind of \(what): " + (kindNode.scalarText.map { "'\($0)'" } ?? kindNode.describe),
                expected: "one of: \(Reader.processorKinds.joined(separator: ", "))",
                suggestion: kindNode.scalarText.flatMap { Suggestion.closest(to: $0, among: Reader.processorKinds) })
            return nil
        }
        let what2 = "\(kindName) \(what)"
        guard let entries = mapping(
            node, what2, keys: Reader.processorCommonKeys + kindKeys.keys, required: kindKeys.required),
            let kind = processorKind(kindName, entries, what2)
        else { return nil }
        var processor = ProcessorSpec(name: name, kind: kind)
        noteFieldUses(of: processor, entries, what2)
        for loop in Set(processor.inputs).intersection(processor.outputs).sorted() {
            report(
                entries.position, "\(what) writes to its own input topic '\(loop)'",
                expected: "a different output topic (a loop would feed records back forever)")
        }
        if let value = entries["members"] { processor.members = count(value, "members of \(what)", minimum: 0, maximum: Limits.membersPerGroup) ?? 1 }
        if let value = entries["process"] { processor.process = processing(value, "process of \(what)") ?? processor.process }
        if let value = entries["commit"] { processor.commit = commitPolicy(value, "commit of \(what)") ?? processor.commit }
        if let value = entries["start"] {
            processor.start = choice(value, "start of \(what)", StartPosition.self) ?? processor.start
        }
        if let value = entries["enabled"] { processor.enabled = bool(value, "enabled of \(what)") ?? true }
        return processor
    }

    /// A topic name the processor reads or writes, noted for validation.
    private func topicName(_ entries: Entries, _ key: String, _ what: String) -> String? {
        guard let node = entries[key], let topic = name(node, "\(key) of \(what)") else { return nil }
        refer(topic, [.topic], at: node.position, by: what)
        return topic
    }

    private func processorKind(_ kind: String, _ entries: Entries, _ what: String) -> ProcessorKind? {
        switch kind {
        case "filter":
            guard let from = topicName(entries, "from", what), let to = topicName(entries, "to", what),
                let condition = entries["where"].flatMap({ expression($0, "where of \(what)") })
            else { return nil }
            return .filter(from: from, where: condition, to: to)
        case "map":
            guard let from = topicName(entries, "from", what), let to = topicName(entries, "to", what) else { return nil }
            var map = MapSpec()
            map.keep = entries["keep"].flatMap { stringList($0, "keep of \(what)") }
            map.drop = entries["drop"].flatMap { stringList($0, "drop of \(what)") } ?? []
            map.rekey = entries["rekey"].flatMap { string($0, "rekey of \(what)") }
            if let setNode = entries["set"] {
                if case .mapping(let pairs) = setNode.content {
                    map.set = pairs.compactMap { pair in
                        guard let field = pair.key.scalarText,
                            let expression = expression(pair.value, "set \(field) of \(what)")
                        else { return nil }
                        return FieldAssignment(field: field, expression: expression)
                    }
                } else {
                    wrongType(setNode, "set of \(what)", expected: "a mapping from field names to expressions")
                }
            }
            return .map(from: from, map, to: to)
        case "window":
            guard let from = topicName(entries, "from", what), let to = topicName(entries, "to", what),
                let window = window(entries, what)
            else { return nil }
            return .window(from: from, window, to: to)
        case "join":
            return join(entries, what).map { .join($0) }
        default:
            guard let from = topicName(entries, "from", what), let casesNode = entries["cases"] else { return nil }
            guard case .sequence(let items) = casesNode.content, !items.isEmpty else {
                wrongType(casesNode, "cases of \(what)", expected: "a list of {when: <expression>, to: <topic>}")
                return nil
            }
            var cases: [BranchCase] = []
            for item in items {
                guard let spec = mapping(item, "a case of \(what)", keys: ["when", "to"], required: ["when", "to"]),
                    let condition = spec["when"].flatMap({ expression($0, "when of a case of \(what)") }),
                    let to = topicName(spec, "to", "a case of \(what)")
                else { continue }
                cases.append(BranchCase(when: condition, to: to))
            }
            let fallback = topicName(entries, "default", what)
            return .branch(from: from, cases: cases, default: fallback)
        }
    }

    private func window(_ entries: Entries, _ what: String) -> WindowSpec? {
        var size: Int64?
        var advance: Int64?
        if let tumbling = entries["tumbling"] {
            size = duration(tumbling, "tumbling of \(what)")
            advance = size
        } else if let hopping = entries["hopping"] {
            guard let spec = mapping(hopping, "hopping of \(what)", keys: ["size", "advance"], required: ["size", "advance"])
            else { return nil }
            size = spec["size"].flatMap { duration($0, "size of hopping of \(what)") }
            advance = spec["advance"].flatMap { duration($0, "advance of hopping of \(what)") }
            if let size, let step = advance, step > size {
                report(spec.keyPosition("advance"), "invalid hopping of \(what): advance is longer than size", expected: "advance ≤ size")
                return nil
            }
        } else {
            report(entries.position, "missing key 'tumbling' or 'hopping' in \(what)", expected: "tumbling: 60s, or hopping: {size: 60s, advance: 10s}")
            return nil
        }
        if entries["tumbling"] != nil, entries["hopping"] != nil {
            report(entries.keyPosition("hopping"), "\(what) has both 'tumbling' and 'hopping'", expected: "one of them")
        }
        guard let size, let advance, let aggregations = entries["agg"].flatMap({ aggregations($0, "agg of \(what)") })
        else { return nil }
        var window = WindowSpec(sizeMs: size, advanceMs: advance, aggregations: aggregations)
        window.groupBy = entries["group_by"].flatMap { stringList($0, "group_by of \(what)") } ?? []
        if let value = entries["emit"] { window.emit = choice(value, "emit of \(what)", Emit.self) ?? .final }
        if let value = entries["grace"] { window.graceMs = duration(value, "grace of \(what)", positive: false) ?? 0 }
        return window
    }

    private func join(_ entries: Entries, _ what: String) -> JoinSpec? {
        guard let left = topicName(entries, "left", what), let right = topicName(entries, "right", what),
            let to = topicName(entries, "to", what)
        else { return nil }
        var on = JoinKey.key
        if let onNode = entries["on"], let text = string(onNode, "on of \(what)") {
            on = text == "key" ? .key : .field(text)
        }
        let isTable = entries["table"].flatMap { bool($0, "table of \(what)") } ?? false
        let within = entries["within"].flatMap { duration($0, "within of \(what)") }
        switch (isTable, within) {
        case (true, .some):
            report(entries.keyPosition("within"), "\(what) has both 'within' and 'table: true'", expected: "within: <duration> for a stream–stream join, or table: true")
            return nil
        case (false, .none) where entries["within"] == nil:
            report(entries.position, "missing key 'within' in \(what)", expected: "within: 10m (stream–stream), or table: true (latest value per key)")
            return nil
        default:
            return JoinSpec(left: left, right: right, on: on, withinMs: within, to: to)
        }
    }

    /// `count`, `sum(f)`, `avg(f)`, `min(f)`, `max(f)`, or a list of them.
    func aggregations(_ node: YAMLNode, _ what: String) -> [Aggregation]? {
        let items: [YAMLNode]
        if case .sequence(let list) = node.content { items = list } else { items = [node] }
        var result: [Aggregation] = []
        for item in items {
            guard let text = item.scalarText?.replacingOccurrences(of: " ", with: "") else {
                wrongType(item, what, expected: "count, sum(field), avg(field), min(field) or max(field)")
                return nil
            }
            guard let aggregation = Reader.aggregation(text) else {
                let function = String(text.prefix { $0 != "(" })
                report(
                    item.position, "invalid \(what): '\(text)'",
                    expected: "count, sum(field), avg(field), min(field) or max(field)",
                    suggestion: Suggestion.closest(to: function, among: ["count", "sum", "avg", "min", "max"]))
                return nil
            }
            result.append(aggregation)
        }
        guard !result.isEmpty else {
            wrongType(node, what, expected: "at least one aggregation")
            return nil
        }
        return result
    }

    static func aggregation(_ text: String) -> Aggregation? {
        if text == "count" || text == "count()" { return .count }
        guard text.hasSuffix(")"), let open = text.firstIndex(of: "(") else { return nil }
        let function = text[..<open]
        let field = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !field.isEmpty, Reader.isValidName(field) else { return nil }
        switch function {
        case "sum": return .sum(field)
        case "avg": return .avg(field)
        case "min": return .min(field)
        case "max": return .max(field)
        default: return nil
        }
    }
}
