extension ScenarioSpec {
    /// Groups created by `add_group` actions, in script order.
    public var addedGroups: [GroupSpec] {
        script.flatMap(\.actions).compactMap { action in
            if case .addGroup(let group) = action { return group }
            return nil
        }
    }

    /// Every name of `kind` (groups include those added by the script).
    public func names(of kind: EntityKind) -> [String] {
        switch kind {
        case .topic: topics.map(\.name)
        case .producer: producers.map(\.name)
        case .group: (groups + addedGroups).map(\.name)
        case .processor: processors.map(\.name)
        case .chain: chains.map(\.name)
        case .service: services
        case .batch: batches.map(\.name)
        }
    }

    /// Which entity `metric(entity)` reads: the first of the metric's entity kinds that has the
    /// name (a topic and a group may share a name; `in_rate(orders)` then means the topic).
    public func entityKind(for metric: Metric, entity: String) -> EntityKind? {
        metric.entityKinds.first { names(of: $0).contains(entity) }
    }
}
