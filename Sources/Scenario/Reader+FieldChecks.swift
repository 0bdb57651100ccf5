import Foundation

/// A record field a processor or batch job reads, where it was written: checked once the
/// producers are known, like `order_key`.
struct FieldUse {
    /// The field as written (a dotted path is checked by its first segment).
    var field: String
    /// The topic whose records it is read from.
    var topic: String
    var position: SourcePosition
    /// Where it is used, e.g. "agg of window processor 'w'".
    var user: String
}

extension Reader {
    /// Notes the fields `processor` reads — `where`, `when` of branch cases, map `set`
    /// expressions, `keep`, `drop`, `rekey`, window `group_by` and `agg` — with their positions.
    func noteFieldUses(of processor: ProcessorSpec, _ entries: Entries, _ what: String) {
        switch processor.kind {
        case .filter(let from, _, _):
            noteExpressionFields(entries["where"], topic: from, "where of \(what)")
        case .map(let from, _, _):
            if let setNode = entries["set"], case .mapping(let pairs) = setNode.content {
                for (key, value) in pairs {
                    noteExpressionFields(value, topic: from, "set \(key.scalarText ?? "") of \(what)")
                }
            }
            for key in ["keep", "drop", "rekey"] { noteListFields(entries[key], topic: from, "\(key) of \(what)") }
        case .window(let from, _, _):
            noteListFields(entries["group_by"], topic: from, "group_by of \(what)")
            noteAggregationFields(entries["agg"], topic: from, "agg of \(what)")
        case .branch(let from, _, _):
            guard let casesNode = entries["cases"], case .sequence(let items) = casesNode.content else { return }
            for item in items {
                guard case .mapping(let pairs) = item.content else { continue }
                let when = pairs.first { $0.key.scalarText == "when" }?.value
                noteExpressionFields(when, topic: from, "when of a case of \(what)")
            }
        case .join:
            return
        }
    }

    /// Notes the fields a batch job reads: `where`, `group_by` and `agg`.
    func noteFieldUses(of batch: BatchSpec, _ entries: Entries, _ what: String) {
        noteExpressionFields(entries["where"], topic: batch.from, "where of \(what)")
        noteListFields(entries["group_by"], topic: batch.from, "group_by of \(what)")
        noteAggregationFields(entries["agg"], topic: batch.from, "agg of \(what)")
    }

    /// The fields of an expression, each at the column of its first mention.
    private func noteExpressionFields(_ node: YAMLNode?, topic: String, _ user: String) {
        guard let node, let text = node.scalarText, let expression = try? Expression.parse(text) else { return }
        let fields = expression.fieldNames
        var lexer = Lexer(text)
        var seen: Set<String> = []
        while let token = try? lexer.next(), token.kind != .end {
            guard case .identifier(let name) = token.kind else { continue }
            let head = Self.head(of: name)
            guard fields.contains(head), seen.insert(head).inserted else { continue }
            fieldUses.append(FieldUse(field: name, topic: topic, position: position(of: token.offset, in: node), user: user))
        }
    }

    /// The fields of a name or a list of names.
    private func noteListFields(_ node: YAMLNode?, topic: String, _ user: String) {
        guard let node else { return }
        let items: [YAMLNode]
        if case .sequence(let list) = node.content { items = list } else { items = [node] }
        for item in items {
            guard let name = item.scalarText, !name.isEmpty else { continue }
            fieldUses.append(FieldUse(field: name, topic: topic, position: item.position, user: user))
        }
    }

    /// The field inside each `sum(f)`, `avg(f)`, `min(f)`, `max(f)`, at its column.
    private func noteAggregationFields(_ node: YAMLNode?, topic: String, _ user: String) {
        guard let node else { return }
        let items: [YAMLNode]
        if case .sequence(let list) = node.content { items = list } else { items = [node] }
        for item in items {
            guard let text = item.scalarText, let aggregation = Reader.aggregation(text.replacingOccurrences(of: " ", with: "")),
                let field = aggregation.field, let open = text.firstIndex(of: "(")
            else { continue }
            let spaces = text[text.index(after: open)...].prefix { $0 == " " }.count
            let offset = text.distance(from: text.startIndex, to: open) + 1 + spaces
            fieldUses.append(FieldUse(field: field, topic: topic, position: position(of: offset, in: item), user: user))
        }
    }

    /// Reports every field read from a topic whose records' fields are known (see `knownFields`)
    /// that is not one of them, with the nearest field as a suggestion.
    func checkFieldUses(_ spec: ScenarioSpec) {
        let known = Self.knownFields(spec)
        for use in fieldUses {
            guard let fields = known[use.topic], !fields.isEmpty else { continue }
            let head = Self.head(of: use.field)
            guard !fields.contains(head) else { continue }
            report(
                use.position, "unknown field '\(use.field)' in \(use.user)",
                expected: "a field of the records produced to \(use.topic): \(fields.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: head, among: fields))
        }
    }

    /// The top-level fields of each topic's records, for the topics where every writer's fields
    /// are known: producers (their record template), and filters, branches and maps of such
    /// topics (a map keeps `keep`, drops `drop`, adds `set`). Topics a window, join or batch job
    /// writes are left out: their fields are not checked.
    ///
    ///     // producer web → orders {amount, city}; filter big: orders → large
    ///     knownFields(spec)   // ["orders": ["amount", "city"], "large": ["amount", "city"]]
    static func knownFields(_ spec: ScenarioSpec) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        func add(_ names: [String], to topic: String) {
            var list = fields[topic] ?? []
            for name in names where !list.contains(name) { list.append(name) }
            fields[topic] = list
        }
        for producer in spec.producers { add(producer.record.fields.map(\.name), to: producer.topic) }
        // Each pass derives the outputs of the processors whose input is settled (every processor
        // writing it derived); a chain of n processors settles in n passes.
        var derived: Set<String> = []
        for _ in 0...spec.processors.count {
            for processor in spec.processors where !derived.contains(processor.name) {
                let from: String
                switch processor.kind {
                case .filter(let input, _, _), .branch(let input, _, _), .map(let input, _, _): from = input
                case .window, .join: continue
                }
                let pending = spec.processors.contains { $0.outputs.contains(from) && !derived.contains($0.name) }
                guard !pending, let input = fields[from] else { continue }
                var output = input
                if case .map(_, let map, _) = processor.kind {
                    if let keep = map.keep { output = input.filter { keep.map(head(of:)).contains($0) } }
                    output.removeAll { map.drop.contains($0) }
                    for assignment in map.set where !output.contains(assignment.field) { output.append(assignment.field) }
                }
                for topic in processor.outputs { add(output, to: topic) }
                derived.insert(processor.name)
            }
        }
        var unknown = Set(spec.batches.compactMap(\.to))
        for processor in spec.processors where !derived.contains(processor.name) { unknown.formUnion(processor.outputs) }
        for topic in unknown { fields[topic] = nil }
        return fields
    }

    /// The first segment of a dotted field path.
    static func head(of field: String) -> String {
        field.split(separator: ".").first.map(String.init) ?? field
    }
}

extension Aggregation {
    /// The field it reads (nil for `count`).
    var field: String? {
        switch self {
        case .count: nil
        case .sum(let field), .avg(let field), .min(let field), .max(let field): field
        }
    }
}
