extension Reader {
    static let actionNames = [
        "start", "stop", "set_rate", "add_member", "kill_member", "pause", "resume", "slow", "restore", "fail",
        "recover", "reset_offsets", "add_group", "set_retention", "highlight",
    ]

    static let startable: [EntityKind] = [.producer, .chain, .processor, .batch]
    static let groupLike: [EntityKind] = [.group, .processor]

    /// One action: a mapping with exactly one key, the action's name.
    func action(_ node: YAMLNode, _ step: String) -> Action? {
        guard case .mapping(let pairs) = node.content, pairs.count == 1, let (keyNode, value) = pairs.first,
            let kind = keyNode.scalarText
        else {
            wrongType(node, "an action of \(step)", expected: "a mapping with one action, e.g. {start: web} or {fail: {service: payment-svc}}")
            return nil
        }
        guard Reader.actionNames.contains(kind) else {
            report(
                keyNode.position, "unknown action '\(kind)' in \(step)",
                expected: "one of: \(Reader.actionNames.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: kind, among: Reader.actionNames))
            return nil
        }
        let what = "action '\(kind)' of \(step)"
        switch kind {
        case "start", "stop":
            guard let target = target(value, "", Reader.startable, what) else { return nil }
            return kind == "start" ? .start(target) : .stop(target)
        case "set_rate":
            guard let spec = mapping(value, what, keys: ["target", "to"], required: ["target", "to"]),
                let targetNode = spec["target"], let target = target(targetNode, "", [.producer, .chain], what),
                let profile = spec["to"].flatMap({ rateProfile($0, "to of \(what)") })
            else { return nil }
            return .setRate(target: target, to: profile)
        case "add_member", "kill_member":
            guard let (group, spec) = targetWithOptions(value, key: "group", options: ["count"], Reader.groupLike, what)
            else { return nil }
            let members = spec?["count"].flatMap { count($0, "count of \(what)", minimum: 1, maximum: Limits.membersPerGroup) } ?? 1
            memberActions.append(node.position)
            return kind == "add_member" ? .addMember(group: group, count: members) : .killMember(group: group, count: members)
        case "pause", "resume":
            guard let (group, _) = targetWithOptions(value, key: "group", options: [], Reader.groupLike, what) else { return nil }
            return kind == "pause" ? .pause(group: group) : .resume(group: group)
        case "fail", "recover":
            guard let (service, _) = targetWithOptions(value, key: "service", options: [], [.service], what) else { return nil }
            return kind == "fail" ? .fail(service: service) : .recover(service: service)
        case "slow", "restore":
            return slowOrRestore(kind, value, what)
        case "reset_offsets":
            return resetOffsets(value, what)
        case "add_group":
            return addGroup(value, what)
        case "set_retention":
            guard case .mapping(let retentionPairs) = value.content,
                let topicNode = retentionPairs.first(where: { $0.key.scalarText == "topic" })?.value,
                let topic = target(topicNode, "topic", [.topic], what)
            else {
                if case .mapping = value.content {
                    report(value.position, "missing key 'topic' in \(what)", expected: "{topic: orders, time: 10m}")
                } else {
                    wrongType(value, what, expected: "{topic: orders, time: 10m, max_records: 1000, max_bytes: 1MB}")
                }
                return nil
            }
            let withoutTopic = YAMLNode(mappingOf: retentionPairs.filter { $0.key.scalarText != "topic" }, at: value.position)
            return retention(withoutTopic, what).map { .setRetention(topic: topic, $0) }
        default:
            // Only entities are drawn, so only an entity can be highlighted.
            return target(value, "", EntityKind.allCases, what).map { .highlight($0) }
        }
    }

    /// A name that must be an entity of `kinds`, noted for validation.
    private func target(_ node: YAMLNode, _ key: String, _ kinds: [EntityKind], _ what: String) -> String? {
        guard let name = name(node, key.isEmpty ? what : "\(key) of \(what)") else { return nil }
        refer(name, kinds, at: node.position, by: what)
        return name
    }

    /// `{key: name, options…}` or a bare name.
    private func targetWithOptions(
        _ node: YAMLNode, key: String, options: [String], _ kinds: [EntityKind], _ what: String
    ) -> (String, Entries?)? {
        if case .scalar = node.content {
            return target(node, "", kinds, what).map { ($0, nil) }
        }
        guard let spec = mapping(node, what, keys: [key] + options, required: [key]), let nameNode = spec[key],
            let name = target(nameNode, key, kinds, what)
        else { return nil }
        return (name, spec)
    }

    private func slowOrRestore(_ kind: String, _ value: YAMLNode, _ what: String) -> Action? {
        let expected = kind == "slow"
            ? "{group: payments, per_record: 700ms} or {service: payment-svc, latency: 700ms}"
            : "{group: payments} or {service: payment-svc}"
        let keys = kind == "slow" ? ["group", "service", "per_record", "latency"] : ["group", "service"]
        guard let spec = mapping(value, what, keys: keys) else { return nil }
        if let groupNode = spec["group"] {
            guard spec["service"] == nil else {
                report(spec.keyPosition("service"), "\(what) names both a group and a service", expected: expected)
                return nil
            }
            guard let group = target(groupNode, "group", Reader.groupLike, what) else { return nil }
            guard kind == "slow" else { return .restoreGroup(group: group) }
            guard let perRecord = spec["per_record"] else {
                report(spec.position, "missing key 'per_record' in \(what)", expected: expected)
                return nil
            }
            return fractionalDuration(perRecord, "per_record of \(what)").map { .slowGroup(group: group, perRecordMs: $0) }
        }
        guard let serviceNode = spec["service"] else {
            report(spec.position, "missing key 'group' or 'service' in \(what)", expected: expected)
            return nil
        }
        guard let service = target(serviceNode, "service", [.service], what) else { return nil }
        guard kind == "slow" else { return .restoreService(service: service) }
        guard let latency = spec["latency"] else {
            report(spec.position, "missing key 'latency' in \(what)", expected: expected)
            return nil
        }
        return fractionalDuration(latency, "latency of \(what)").map { .slowService(service: service, latencyMs: $0) }
    }

    private func resetOffsets(_ value: YAMLNode, _ what: String) -> Action? {
        let expected = "earliest, latest, {offset: 100} or {ago: 5m}"
        guard let spec = mapping(value, what, keys: ["group", "to"], required: ["group", "to"]),
            let groupNode = spec["group"], let group = target(groupNode, "group", Reader.groupLike, what),
            let toNode = spec["to"]
        else { return nil }
        switch toNode.content {
        case .scalar(let text, _):
            switch text {
            case "earliest": return .resetOffsets(group: group, to: .earliest)
            case "latest": return .resetOffsets(group: group, to: .latest)
            default:
                report(toNode.position, "invalid to of \(what): '\(text)'", expected: expected,
                       suggestion: Suggestion.closest(to: text, among: ["earliest", "latest"]))
                return nil
            }
        case .mapping:
            guard let target = mapping(toNode, "to of \(what)", keys: ["offset", "ago"]) else { return nil }
            if let offset = target["offset"] {
                return int(offset, "offset of \(what)", in: 0...Int64.max, expected: "an offset ≥ 0")
                    .map { .resetOffsets(group: group, to: .offset($0)) }
            }
            if let ago = target["ago"] {
                return duration(ago, "ago of \(what)").map { .resetOffsets(group: group, to: .ago(ms: $0)) }
            }
            report(toNode.position, "empty to of \(what)", expected: expected)
            return nil
        case .sequence:
            wrongType(toNode, "to of \(what)", expected: expected)
            return nil
        }
    }

    private func addGroup(_ value: YAMLNode, _ what: String) -> Action? {
        guard case .mapping(let pairs) = value.content else {
            wrongType(value, what, expected: "{name: fraud, topic: orders, members: 1, start: earliest}")
            return nil
        }
        guard let nameNode = pairs.first(where: { $0.key.scalarText == "name" })?.value,
            let name = name(nameNode, "name of \(what)")
        else {
            report(value.position, "missing key 'name' in \(what)", expected: "name: <new group name>")
            return nil
        }
        guard Reader.isValidName(name) else {
            report(nameNode.position, "invalid name '\(name)' in \(what)", expected: "letters, digits, '_', '-' and '.'")
            return nil
        }
        let rest = YAMLNode(mappingOf: pairs.filter { $0.key.scalarText != "name" }, at: value.position)
        guard let group = group(name, rest) else { return nil }
        order += 1
        addedGroups.append((name, order, nameNode.position))
        return .addGroup(group)
    }
}

extension YAMLNode {
    /// A synthetic mapping node (used to read part of an action's keys as an entity).
    init(mappingOf pairs: [(key: YAMLNode, value: YAMLNode)], at position: SourcePosition) {
        content = .mapping(pairs)
        self.position = position
    }
}
