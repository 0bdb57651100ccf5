extension Reader {
    /// Reports each `kill_member` that kills more members than its group or processor has at
    /// that point of the script: its configured `members` (or those of the `add_group` that
    /// created it), plus every earlier `add_member`, minus every earlier `kill_member`.
    ///
    /// The presenter's `a` key can add members live; the script cannot count on that.
    func checkKilledMembers(_ spec: ScenarioSpec) {
        var members: [String: Int] = [:]
        for group in spec.groups { members[group.name] = group.members }
        for processor in spec.processors { members[processor.name] = processor.members }
        var positions = memberActions[...]
        for step in spec.script {
            for action in step.actions {
                switch action {
                case .addGroup(let group):
                    members[group.name] = group.members
                case .addMember(let group, let count):
                    positions = positions.dropFirst()
                    members[group, default: 0] += count
                case .killMember(let group, let count):
                    guard let position = positions.popFirst() else { return }
                    let alive = members[group, default: 0]
                    if count > alive {
                        report(
                            position,
                            "kill_member in step '\(step.id)' kills \(count) member\(count == 1 ? "" : "s") of '\(group)', which has \(alive) at that point of the script",
                            expected: alive == 0
                                ? "an add_member for '\(group)' before it"
                                : "a count of at most \(alive) (members, plus add_member, minus kill_member in the steps before)")
                    }
                    members[group] = max(0, alive - count)
                default:
                    break
                }
            }
        }
    }

    /// Reports a processor named like a topic: a condition such as `in_rate(x)` could not say
    /// which of the two it reads.
    func checkTopicProcessorNames(
        topics: [(name: String, position: SourcePosition, node: YAMLNode)],
        processors: [(name: String, position: SourcePosition, node: YAMLNode)]
    ) {
        for processor in processors {
            guard let topic = topics.first(where: { $0.name == processor.name }) else { continue }
            report(
                processor.position,
                "name '\(processor.name)' is used by a topic (at \(topic.position)) and by this processor",
                expected: "a processor name that is not also a topic's (a condition such as in_rate(\(processor.name)) could not tell them apart)")
        }
    }
}
