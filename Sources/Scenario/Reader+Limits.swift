/// The hard limits (see `Limits`) that need more than one value: totals and template sizes.
extension Reader {
    /// Reports a duration beyond `Limits.scenarioDurationMs`; always nil, for the caller to return.
    func durationTooLong<Value>(_ node: YAMLNode, _ what: String, _ text: String) -> Value? {
        let limit = Limits.describe(ms: Limits.scenarioDurationMs)
        report(node.position, "invalid \(what): \(text) is longer than the limit of \(limit)",
               expected: "a duration of at most \(limit)")
        return nil
    }

    /// Reports a record template with more YAML nodes than `Limits.templateNodes`; false then.
    func checkTemplateSize(_ node: YAMLNode, _ what: String) -> Bool {
        let nodes = node.nodeCount(upTo: Limits.templateNodes + 1)
        guard nodes > Limits.templateNodes else { return true }
        report(node.position, "\(what) has more than \(Limits.templateNodes) values",
               expected: "a record template of at most \(Limits.templateNodes) fields, generators and constants")
        return false
    }

    /// Reports the first topic, group or producer that takes a total beyond its limit, at its name
    /// in `root` (partitions, members when the run starts, and rates at their peaks, `set_rate` included).
    func checkTotals(_ spec: ScenarioSpec, root: YAMLNode) {
        var partitions = 0
        for topic in spec.topics {
            partitions += topic.partitions
            if partitions > Limits.totalPartitions {
                report(position(of: topic.name, in: "topics", root), "topic '\(topic.name)' takes the partitions of all topics to \(partitions)",
                       expected: "at most \(Limits.totalPartitions) partitions in all (the limit)")
                break
            }
        }
        var members = 0
        let memberships = spec.groups.map { ($0.name, "groups", $0.members) }
            + spec.processors.map { ($0.name, "processors", $0.members) }
        for (name, section, count) in memberships {
            members += count
            if members > Limits.totalMembers {
                report(position(of: name, in: section, root), "'\(name)' takes the members of all groups and processors to \(members)",
                       expected: "at most \(Limits.totalMembers) members in all (the limit)")
                break
            }
        }
        var rate = 0.0
        // Each at the highest rate it is given: in its definition or by a later `set_rate`.
        var raised: [String: Double] = [:]
        for case .setRate(let target, let profile) in spec.script.flatMap(\.actions) {
            raised[target] = max(raised[target] ?? 0, profile.peakRate)
        }
        let peaks = spec.producers.map { ($0.name, "producers", max($0.rate.peakRate, raised[$0.name] ?? 0)) }
            + spec.chains.map { ($0.name, "chains", max($0.rate.peakRate, raised[$0.name] ?? 0)) }
        for (name, section, peak) in peaks {
            rate += peak
            if rate > rates.total {
                report(position(of: name, in: section, root), "'\(name)' takes the rate of all producers and chains to \(Int(rate))/s",
                       expected: "at most \(Int(rates.total)) records per second in all, each at its peak (the limit)")
                break
            }
        }
    }

    /// Where `name` is defined in the top-level `section` of `root` (the section, or the file's start).
    private func position(of name: String, in section: String, _ root: YAMLNode) -> SourcePosition {
        guard case .mapping(let top) = root.content, let node = top.first(where: { $0.key.scalarText == section })?.value
        else { return root.position }
        guard case .mapping(let entries) = node.content, let key = entries.first(where: { $0.key.scalarText == name })?.key
        else { return node.position }
        return key.position
    }
}

extension YAMLNode {
    /// How many nodes this one holds, itself included, counting no further than `limit`.
    func nodeCount(upTo limit: Int) -> Int {
        var count = 0
        var pending = [self]
        while let node = pending.popLast(), count < limit {
            count += 1
            switch node.content {
            case .scalar: break
            case .mapping(let pairs): pending += pairs.flatMap { [$0.key, $0.value] }
            case .sequence(let items): pending += items
            }
        }
        return count
    }
}
