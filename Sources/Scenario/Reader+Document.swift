import StreamLog

extension Reader {
    static let topLevelKeys = [
        "scenario", "id", "title", "story", "seed", "clock", "layout", "record", "topics", "producers", "groups",
        "processors", "chains", "batch", "script",
    ]

    /// Reads a whole document; `defaultID` is used when the file has no `id`.
    func document(_ root: YAMLNode, defaultID: String) -> ScenarioSpec? {
        guard let top = mapping(root, "the scenario", keys: Reader.topLevelKeys, required: ["scenario", "title", "script"])
        else { return nil }
        if let node = top["scenario"] {
            _ = int(node, "scenario (the schema version)", in: 1...1, expected: "scenario: 1 (the only schema version)")
        }
        var spec = ScenarioSpec(
            version: 1, id: defaultID, title: "", story: "", seed: 0, clock: ClockSpec(), layout: .log,
            record: RecordSpec(), topics: [], producers: [], groups: [], processors: [], chains: [], batches: [],
            script: [])
        if let node = top["id"], let id = name(node, "id") {
            if Reader.isValidName(id) {
                spec.id = id
            } else {
                report(node.position, "invalid id '\(id)'", expected: "letters, digits, '_', '-' and '.'")
            }
        }
        if let node = top["title"], let title = string(node, "title") { spec.title = title }
        if let node = top["story"], let story = string(node, "story") { spec.story = story }
        if let node = top["seed"] {
            spec.seed = UInt64(int(node, "seed", in: 0...Int64.max, expected: "an integer ≥ 0 (0 = pick one)") ?? 0)
        }
        if let node = top["clock"] { spec.clock = clock(node) ?? spec.clock }
        if let node = top["layout"], let layout = choice(node, "layout", Layout.self) { spec.layout = layout }
        if let node = top["record"] { spec.record = recordSettings(node) ?? spec.record }
        let topics = section(top["topics"], "topics")
        spec.topics = topics.compactMap { topic($0.name, $0.node) }
        let producers = section(top["producers"], "producers")
        let groups = section(top["groups"], "groups")
        let processors = section(top["processors"], "processors")
        let chains = section(top["chains"], "chains")
        let batches = section(top["batch"], "batch")
        declared[.topic] = topics.map(\.name)
        declared[.producer] = producers.map(\.name)
        declared[.group] = groups.map(\.name)
        declared[.processor] = processors.map(\.name)
        declared[.chain] = chains.map(\.name)
        declared[.batch] = batches.map(\.name)
        spec.producers = producers.compactMap { producer($0.name, $0.node) }
        spec.groups = groups.compactMap { group($0.name, $0.node) }
        spec.processors = processors.compactMap { processor($0.name, $0.node) }
        spec.chains = chains.compactMap { chain($0.name, $0.node) }
        spec.batches = batches.compactMap { batch($0.name, $0.node) }
        checkUniqueNames([
            ("producer", producers), ("group", groups), ("processor", processors), ("chain", chains),
            ("batch job", batches),
        ])
        if let node = top["script"] { spec.script = script(node) }
        checkOrderKeys(against: spec.producers)
        checkFieldUses(spec)
        checkKilledMembers(spec)
        checkTopicProcessorNames(topics: topics, processors: processors)
        return spec
    }

    private func clock(_ node: YAMLNode) -> ClockSpec? {
        guard let entries = mapping(node, "clock", keys: ["tick", "speed"]) else { return nil }
        var clock = ClockSpec()
        if let tick = entries["tick"], let ms = duration(tick, "clock tick") {
            if ms > 1_000 {
                report(tick.position, "invalid clock tick: \(ms)ms is longer than 1s", expected: "a tick between 1ms and 1s")
            } else {
                clock.tickMs = ms
            }
        }
        if let speed = entries["speed"] {
            clock.speed = number(speed, "clock speed", in: 0.1...20, expected: "a speed between 0.1 and 20") ?? clock.speed
        }
        return clock
    }

    private func recordSettings(_ node: YAMLNode) -> RecordSpec? {
        guard let entries = mapping(node, "record", keys: ["idle_time_limit", "markers"]) else { return nil }
        var record = RecordSpec()
        if let limit = entries["idle_time_limit"] {
            record.idleTimeLimit =
                number(limit, "idle_time_limit", in: 0.1...3600, expected: "seconds between 0.1 and 3600")
                ?? record.idleTimeLimit
        }
        if let markers = entries["markers"] { record.markers = bool(markers, "markers") ?? record.markers }
        return record
    }

    /// Names are unique across producers, groups, processors, chains and batch jobs, so every
    /// action target is unambiguous (topics and services have their own namespaces).
    private func checkUniqueNames(_ sections: [(kind: String, entries: [(name: String, position: SourcePosition, node: YAMLNode)])]) {
        var seen: [String: String] = [:]
        for (kind, entries) in sections {
            for entry in entries {
                if let previous = seen[entry.name] {
                    report(entry.position, "name '\(entry.name)' is already used by a \(previous)",
                           expected: "unique names across producers, groups, processors, chains and batch jobs")
                } else {
                    seen[entry.name] = kind
                }
            }
        }
    }
}
