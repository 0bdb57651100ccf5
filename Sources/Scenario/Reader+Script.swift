extension Reader {
    static let stepKeys = ["id", "marker", "say", "show", "do", "advance"]

    func script(_ node: YAMLNode) -> [Step] {
        guard case .sequence(let items) = node.content, !items.isEmpty else {
            wrongType(node, "script", expected: "a list of steps, each with id, marker, say, do and advance")
            return []
        }
        var steps: [Step] = []
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            let what = "step \(index + 1)"
            guard let entries = mapping(item, what, keys: Reader.stepKeys, required: ["id", "say"]),
                let idNode = entries["id"], let id = name(idNode, "id of \(what)")
            else { continue }
            if ids.contains(id) {
                report(idNode.position, "duplicate step id '\(id)'", expected: "a unique id per step")
            }
            ids.append(id)
            let stepWhat = "step '\(id)'"
            let say = entries["say"].flatMap { string($0, "say of \(stepWhat)") } ?? ""
            let marker = entries["marker"].flatMap { string($0, "marker of \(stepWhat)") } ?? id
            var actions: [Action] = []
            if let doNode = entries["do"] {
                if case .sequence(let list) = doNode.content {
                    actions = list.compactMap { action($0, stepWhat) }
                } else {
                    actions = action(doNode, stepWhat).map { [$0] } ?? []
                }
            }
            let advance = entries["advance"].flatMap { self.advance($0, stepWhat) } ?? .key
            let show = entries["show"].map { self.show($0, stepWhat) } ?? []
            steps.append(Step(
                id: id, marker: marker.trimmingTrailingNewlines, say: say.trimmingTrailingNewlines, actions: actions,
                advance: advance, show: show, position: item.position))
        }
        return steps
    }

    /// `key`, `{after: 8s}` or `{when: "<condition>", timeout: 20s}`.
    func advance(_ node: YAMLNode, _ step: String) -> Advance? {
        let what = "advance of \(step)"
        let expected = "key, {after: 8s} or {when: \"lag(g) > 10\", timeout: 20s}"
        if let word = node.scalarText {
            guard word == "key" else {
                report(node.position, "invalid \(what): '\(word)'", expected: expected, suggestion: Suggestion.closest(to: word, among: ["key"]))
                return nil
            }
            return .key
        }
        guard let entries = mapping(node, what, keys: ["after", "when", "timeout"]) else { return nil }
        if let after = entries["after"] {
            if entries["when"] != nil {
                report(entries.keyPosition("when"), "\(what) has both 'after' and 'when'", expected: expected)
                return nil
            }
            if entries["timeout"] != nil {
                report(entries.keyPosition("timeout"), "timeout in \(what) only applies to 'when'", expected: "{after: 8s}")
            }
            return duration(after, "after of \(step)").map { .after(ms: $0) }
        }
        guard let whenNode = entries["when"] else {
            report(entries.position, "missing key 'when' or 'after' in \(what)", expected: expected)
            return nil
        }
        var timeout: Int64?
        if let timeoutNode = entries["timeout"] {
            timeout = duration(timeoutNode, "timeout of \(step)")
        } else {
            report(
                entries.position, "missing key 'timeout' in \(what): a 'when' needs a timeout so a live demo never hangs",
                expected: "timeout: 30s")
        }
        guard let text = string(whenNode, "when of \(step)") else { return nil }
        do {
            let (condition, metricReferences) = try Condition.parse(text)
            checkLater(metricReferences, in: whenNode, step)
            return timeout.map { .when(condition, text: text, timeoutMs: $0) }
        } catch {
            reportExpression(error, in: whenNode, "when of \(step)")
            return nil
        }
    }

    /// Queues the entities `metricReferences` name (parsed from `node`'s text) for the reference
    /// check, positioned where each appears, for a message about `what`.
    func checkLater(_ metricReferences: [MetricReference], in node: YAMLNode, _ what: String) {
        for reference in metricReferences {
            order += 1
            references.append(Reference(
                name: reference.entity, kinds: reference.metric.entityKinds,
                position: position(of: reference.offset, in: node),
                user: "\(reference.metric.rawValue)() in \(what)", order: order))
        }
    }
}

extension String {
    /// The string without trailing newlines (YAML block scalars end with one).
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
