extension Reader {
    static let groupKeys = [
        "topic", "topics", "members", "assignment", "process", "commit", "start", "session_timeout",
        "max_poll_records", "order_key",
    ]

    func group(_ name: String, _ node: YAMLNode) -> GroupSpec? {
        let what = "group '\(name)'"
        guard let entries = mapping(node, what, keys: Reader.groupKeys) else { return nil }
        let topicKey = entries["topics"] != nil ? "topics" : "topic"
        guard let topicNode = entries[topicKey] else {
            report(entries.position, "missing key 'topic' in \(what)", expected: "topic: <topic name> (or topics: [a, b])")
            return nil
        }
        if entries["topic"] != nil, entries["topics"] != nil {
            report(entries.keyPosition("topics"), "\(what) has both 'topic' and 'topics'", expected: "one of them")
        }
        guard let topics = names(topicNode, "topic of \(what)"), !topics.isEmpty else {
            if case .sequence = topicNode.content { wrongType(topicNode, "topics of \(what)", expected: "at least one topic") }
            return nil
        }
        for (topic, position) in topics { refer(topic, [.topic], at: position, by: what) }
        var group = GroupSpec(name: name, topics: topics.map(\.0))
        if let value = entries["members"] { group.members = count(value, "members of \(what)", minimum: 0, maximum: Limits.membersPerGroup) ?? group.members }
        if let value = entries["assignment"] {
            group.assignment = choice(value, "assignment of \(what)", Assignment.self) ?? group.assignment
        }
        if let value = entries["process"] { group.process = processing(value, "process of \(what)") ?? group.process }
        if let value = entries["commit"] { group.commit = commitPolicy(value, "commit of \(what)") ?? group.commit }
        if let value = entries["start"] { group.start = choice(value, "start of \(what)", StartPosition.self) ?? group.start }
        if let value = entries["session_timeout"] {
            group.sessionTimeoutMs = duration(value, "session_timeout of \(what)") ?? group.sessionTimeoutMs
        }
        if let value = entries["max_poll_records"] {
            group.maxPollRecords = count(value, "max_poll_records of \(what)", minimum: 1) ?? group.maxPollRecords
        }
        if let value = entries["order_key"], let field = self.name(value, "order_key of \(what)") {
            group.orderKey = field
            orderKeys.append(OrderKeyUse(field: field, topics: group.topics, position: value.position, user: what))
        }
        return group
    }

    func processing(_ node: YAMLNode, _ what: String) -> Processing? {
        guard let entries = mapping(node, what, keys: ["per_record", "jitter"]) else { return nil }
        var processing = Processing()
        if let value = entries["per_record"] {
            processing.perRecordMs = fractionalDuration(value, "per_record of \(what)") ?? 0
        }
        if let value = entries["jitter"] { processing.jitterMs = fractionalDuration(value, "jitter of \(what)") ?? 0 }
        return processing
    }

    func commitPolicy(_ node: YAMLNode, _ what: String) -> CommitPolicy? {
        let expected = "{every: 5s}, per_batch or manual"
        switch node.content {
        case .scalar(let text, _):
            switch text {
            case "per_batch": return .perBatch
            case "manual": return .manual
            default:
                report(
                    node.position, "invalid \(what): '\(text)'", expected: expected,
                    suggestion: Suggestion.closest(to: text, among: ["per_batch", "manual"]))
                return nil
            }
        case .mapping:
            guard let entries = mapping(node, what, keys: ["every"], required: ["every"]), let every = entries["every"],
                let ms = duration(every, "every of \(what)")
            else { return nil }
            return .auto(everyMs: ms)
        case .sequence:
            wrongType(node, what, expected: expected)
            return nil
        }
    }
}
